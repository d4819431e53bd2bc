// The one CSV reader of every CSV input: RFC 4180 plus the quirks of real
// exports (Excel's ';' in many locales, tabs, CRLF, bare CR or LF line ends,
// line breaks inside quoted cells, quotes inside unquoted cells). Text comes
// in as UTF-8: decode a file's bytes first with sdiag::text::to_utf8 (BOM,
// UTF-16, Windows-1252).
//
// Nothing is lost and nothing throws: a quoted cell that is never closed is
// read to the end of the file and recorded as a problem with its line, for
// the input to turn into a finding (or an error where it cannot go on).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdiag::tabular {

struct CsvRecord {
  std::size_t line = 0;  ///< line of the file the record starts on (1-based)
  std::vector<std::string> fields;
};

/// Something the reader had to guess at: today only a quoted cell never
/// closed (it takes in the rest of the file, so it is always in the last record).
struct CsvProblem {
  std::size_t line = 0;  ///< where the quoted cell opens
  std::string message;
};

struct CsvTable {
  char separator = ',';
  std::vector<CsvRecord> records;  ///< records whose every field is blank are left out
  std::vector<CsvProblem> problems;
};

/// The separator the first record uses most, outside quotes: ',' ';' or tab
/// (',' on a tie with ';' or tab, ';' on a tie of ';' with tab).
char detect_separator(std::string_view text);

/// Splits UTF-8 text into records, with `separator` or, when none is given,
/// the one detect_separator finds. A line break inside a quoted cell (CRLF,
/// CR or LF) becomes one LF. Never throws.
CsvTable parse_csv(std::string_view text, std::optional<char> separator = std::nullopt);

}  // namespace sdiag::tabular
