#include <sdiag/tabular/csv.hpp>

#include <algorithm>

#include <sdiag/context.hpp>

namespace sdiag::tabular {

namespace {

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

/// A quoted cell as RFC 4180 reads it, from its opening quote: its text, where
/// it ends and how many line breaks it holds. The scan stops once the cell
/// spans more than max_quoted_cell_lines lines (it is stray by then), so a
/// stray quote costs at most that many lines of reading, never the file.
struct QuotedCell {
  std::string text;
  std::size_t end = 0;          ///< just past the closing quote
  std::size_t line_breaks = 0;  ///< inside the cell
  bool closed = false;
};

QuotedCell read_quoted(std::string_view text, std::size_t open) {
  QuotedCell q;
  const std::size_t n = text.size();
  std::size_t i = open + 1;
  while (i < n) {
    char c = text[i];
    if (c == '"') {
      if (i + 1 < n && text[i + 1] == '"') {
        q.text += '"';
        i += 2;
        continue;
      }
      q.end = i + 1;
      q.closed = true;
      return q;
    }
    if (is_line_end(c)) {
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;  // CRLF inside a cell: one line break
      q.text += '\n';
      if (++q.line_breaks >= max_quoted_cell_lines) break;
    } else {
      q.text += c;
    }
    ++i;
  }
  q.end = i;
  return q;
}

/// Why a quoted cell's opening quote is taken as stray, or "" when the cell is
/// sound. A cell on one line is never refused: text after its closing quote
/// (`"a"b`) is kept, as spreadsheet programs do, and no other row is involved.
std::string stray_reason(std::string_view text, const QuotedCell& q, char separator, std::size_t line) {
  if (!q.closed && q.line_breaks >= max_quoted_cell_lines)
    return "the quoted cell opening here would run past " + std::to_string(max_quoted_cell_lines) +
           " lines (the most one cell may span)";
  if (!q.closed) return "the quote opening a cell here is never closed";
  if (q.line_breaks == 0) return "";
  const std::size_t n = text.size();
  std::size_t after = q.end;  // spaces before the separator are a habit of hand-written files, not text
  while (after < n && text[after] != separator && (text[after] == ' ' || text[after] == '\t')) ++after;
  if (after < n && text[after] != separator && !is_line_end(text[after]))
    return "the quote opening a cell here is closed on line " + std::to_string(line + q.line_breaks) +
           " by a quote followed by more text, as a second stray quote would be";
  return "";
}

}  // namespace

char detect_separator(std::string_view text) {
  // The first record ends at the first line end outside quotes; a quote never
  // closed would make it the whole file, so then the first line is counted.
  std::size_t end = 0;
  bool quoted = false;
  for (; end < text.size(); ++end) {
    if (text[end] == '"') quoted = !quoted;  // a doubled quote flips twice: no harm
    if (!quoted && is_line_end(text[end])) break;
  }
  if (quoted) end = std::min(text.size(), text.find_first_of("\r\n"));
  std::size_t comma = 0, semicolon = 0, tab = 0;
  quoted = false;
  for (char c : text.substr(0, end)) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

CsvTable parse_csv(std::string_view text, std::optional<char> separator_given) {
  CsvTable t;
  const char separator = separator_given ? *separator_given : detect_separator(text);
  t.separator = separator;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();

  auto skip_line_end = [&] {  // CRLF, LF or a bare CR
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
  };
  // Text up to the next separator or line end, as it stands.
  auto take_unquoted = [&](std::string& field) {
    std::size_t from = i;
    while (i < n && text[i] != separator && !is_line_end(text[i])) ++i;
    field.append(text.substr(from, i - from));
  };

  while (i < n) {
    CsvRecord r;
    r.line = line;
    bool record_done = false;
    while (!record_done) {
      std::string field;
      if (i < n && text[i] == '"') {
        auto q = read_quoted(text, i);
        if (auto why = stray_reason(text, q, separator, line); !why.empty()) {
          // The quote is a character of the cell, which ends like any unquoted one.
          t.problems.push_back({line, why + ", so it was read as a character of its cell and the lines after it "
                                            "as rows. Check for a stray \" on this line"});
        } else {
          field = std::move(q.text);
          line += q.line_breaks;
          i = q.end;
        }
      }
      take_unquoted(field);  // after a closing quote: the text up to the separator ("a"b,)
      r.fields.push_back(std::move(field));
      if (i < n && text[i] == separator) {
        ++i;
        continue;  // a separator at the very end: the loop adds the empty last field
      }
      if (i < n) skip_line_end();
      record_done = true;
    }
    bool blank = std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) {
      return f.find_first_not_of(" \t") == std::string::npos;
    });
    if (!blank) t.records.push_back(std::move(r));
  }
  return t;
}

void report_problems(const CsvTable& table, const std::string& source, Context& ctx) {
  for (const auto& p : table.problems) ctx.finding(Severity::warning, source, "line " + std::to_string(p.line), p.message);
}

}  // namespace sdiag::tabular
