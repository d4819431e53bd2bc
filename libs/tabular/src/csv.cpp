#include <sdiag/tabular/csv.hpp>

#include <algorithm>

namespace sdiag::tabular {

char detect_separator(std::string_view text) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;  // a doubled quote flips twice: no harm
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
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

  auto end_of_line = [&](std::size_t at) { return text[at] == '\n' || text[at] == '\r'; };
  auto skip_line_end = [&] {  // CRLF, LF or a bare CR
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
  };
  // Text up to the next separator or line end, as it stands.
  auto take_unquoted = [&](std::string& field) {
    std::size_t from = i;
    while (i < n && text[i] != separator && !end_of_line(i)) ++i;
    field.append(text.substr(from, i - from));
  };

  while (i < n) {
    CsvRecord r;
    r.line = line;
    bool record_done = false;
    while (!record_done) {
      std::string field;
      if (i < n && text[i] == '"') {
        std::size_t opened_on = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          if (c == '\r' && i + 1 < n && text[i + 1] == '\n') {  // CRLF inside a cell: keep one line break
            ++i;
            continue;
          }
          if (c == '\r' || c == '\n') {
            field += '\n';
            ++line;
          } else {
            field += c;
          }
          ++i;
        }
        if (!closed)
          t.problems.push_back({opened_on, "a quoted cell starting here is never closed; read to the end of the file"});
        // Text after the closing quote ("a"b,) is kept, as spreadsheet programs do.
        take_unquoted(field);
      } else {
        take_unquoted(field);
      }
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

}  // namespace sdiag::tabular
