// A small RFC 4180 CSV reader for form exports: quoted fields with doubled
// quotes, CRLF or LF record ends, line breaks inside quoted fields, and a
// ';' separator when the header row uses it (Excel in many EU locales).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace forms {

struct Table {
  std::vector<std::string> header;
  struct Row {
    int number = 0;  ///< 1-based row number in the file (the header is row 1)
    std::vector<std::string> cells;
    std::vector<int> numeric;  ///< XLSX only: 1 where the cell was a number
  };
  std::vector<Row> rows;
  std::vector<std::string> problems;  ///< things the reader had to guess at
};

/// Parses UTF-8 CSV text. @throws sdiag::InputError when a quoted field
/// never ends (the rest of the file would be swallowed).
Table parse_csv(std::string_view text);

}  // namespace forms
