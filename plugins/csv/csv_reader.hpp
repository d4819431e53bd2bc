// A small CSV reader: RFC 4180 plus the quirks of real exports (Excel's ';'
// in many locales, tabs, bare CR or LF line ends, quotes inside unquoted
// fields, a quoted field never closed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace csv {

struct Record {
  std::size_t line = 0;  ///< line of the file the record starts on (1-based)
  std::vector<std::string> fields;
};

struct Problem {
  std::size_t line = 0;
  std::string message;
};

struct Table {
  char separator = ',';
  std::vector<Record> records;  ///< blank lines left out
  std::vector<Problem> problems;
};

/// The separator the first record uses most, outside quotes: ',' ';' or tab.
char detect_separator(std::string_view text);

/// Splits UTF-8 text into records. Never throws; oddities become problems.
Table parse(std::string_view text, char separator);

}  // namespace csv
