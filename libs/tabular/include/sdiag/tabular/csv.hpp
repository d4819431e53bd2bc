// The one CSV reader of every CSV input: RFC 4180 plus the quirks of real
// exports (Excel's ';' in many locales, tabs, CRLF, bare CR or LF line ends,
// line breaks inside quoted cells, quotes inside unquoted cells). Text comes
// in as UTF-8: decode a file's bytes first with sdiag::text::decode (BOM,
// UTF-16, Windows-1252).
//
// Nothing is lost and nothing throws. A stray quote (one that opens a cell
// but is never closed, or is "closed" by another stray quote lines later) is
// read as a character of its cell, the rows after it are read as rows, and
// the line is recorded as a problem for the input to report as a warning:
// one policy for every CSV input (README, "Limits").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdiag {
class Context;
}

namespace sdiag::tabular {

/// Most lines one quoted cell may span. A sticky note or a form answer of
/// more than 50 lines is rare; a stray quote that swallows the rows after it
/// until another stray quote closes it is not. Past this the opening quote
/// is taken as stray (README, "Limits").
inline constexpr std::size_t max_quoted_cell_lines = 50;

struct CsvRecord {
  std::size_t line = 0;  ///< line of the file the record starts on (1-based)
  std::vector<std::string> fields;
};

/// A stray quote the reader met: where it is and what was done, as a
/// sentence for a warning (its location is "line N").
struct CsvProblem {
  std::size_t line = 0;  ///< the line of the stray quote
  std::string message;
};

struct CsvTable {
  char separator = ',';
  std::vector<CsvRecord> records;  ///< records whose every field is blank are left out
  std::vector<CsvProblem> problems;
};

/// The separator the first record uses most, outside quotes: ',' ';' or tab
/// (',' on a tie with ';' or tab, ';' on a tie of ';' with tab). A quote
/// that is never closed is not counted as opening a cell.
char detect_separator(std::string_view text);

/// Splits UTF-8 text into records, with `separator` or, when none is given,
/// the one detect_separator finds. A line break inside a quoted cell (CRLF,
/// CR or LF) becomes one LF. A quote that opens a cell is stray when it is
/// never closed, when its closing quote is followed by more text than spaces
/// before the separator or line end (`"a␤b"c`),
/// or when the cell would span more than max_quoted_cell_lines lines: then,
/// and only for a cell spanning lines, the quote is kept as a character and
/// the cell ends at its separator or line end like any unquoted cell. Never
/// throws.
CsvTable parse_csv(std::string_view text, std::optional<char> separator = std::nullopt);

/// Each of the table's problems as a warning of `source` at "line N": how
/// every CSV input reports them.
void report_problems(const CsvTable& table, const std::string& source, Context& ctx);

}  // namespace sdiag::tabular
