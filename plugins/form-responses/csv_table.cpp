#include "csv_table.hpp"

#include <sdiag/plugin.hpp>

namespace forms {

namespace {

char guess_separator(std::string_view text) {
  int commas = 0, semis = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (!quoted && c == ',') ++commas;
    else if (!quoted && c == ';') ++semis;
    else if (!quoted && c == '\t') ++tabs;
  }
  if (tabs > commas && tabs > semis) return '\t';
  return semis > commas ? ';' : ',';
}

}  // namespace

Table parse_csv(std::string_view text) {
  Table t;
  const char sep = guess_separator(text);
  std::vector<std::vector<std::string>> records;
  std::vector<int> starts;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, field_started = false;
  int line = 1, record_line = 1, quote_line = 0;
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    bool blank = record.size() == 1 && record[0].empty();
    if (!blank) {
      records.push_back(std::move(record));
      starts.push_back(record_line);
    }
    record.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') { field += '"'; ++i; }
        else quoted = false;
      } else {
        if (c == '\n') ++line;
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF inside a cell -> LF
        field += c == '\r' ? '\n' : c;
      }
      continue;
    }
    if (c == '"' && !field_started) { quoted = true; field_started = true; quote_line = line; continue; }
    if (c == sep) { end_field(); continue; }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      record_line = ++line;
      continue;
    }
    field += c;
    field_started = true;
  }
  if (quoted)
    throw sdiag::InputError("a quoted field that starts on line " + std::to_string(quote_line) +
                            " never ends; check for a stray \" in that answer", "line " + std::to_string(quote_line));
  if (!field.empty() || !record.empty()) end_record();
  if (records.empty()) return t;
  t.header = std::move(records.front());
  // The header row is row 1; each response is numbered by its position, as in a spreadsheet.
  for (std::size_t r = 1; r < records.size(); ++r) {
    Table::Row row{static_cast<int>(r) + 1, std::move(records[r]), {}};
    if (row.cells.size() > t.header.size())
      t.problems.push_back("row " + std::to_string(row.number) + " (line " + std::to_string(starts[r]) + ") has " +
                           std::to_string(row.cells.size()) + " fields but the header has " +
                           std::to_string(t.header.size()) + "; the extra fields were ignored");
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace forms
