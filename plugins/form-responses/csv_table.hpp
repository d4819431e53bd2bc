// A form export as a table of responses: the header row, then one row per
// respondent. Filled from a CSV (read by sdiag::tabular) or an XLSX.
#pragma once

#include <string>
#include <vector>

#include <sdiag/tabular/csv.hpp>

namespace sdiag::form_responses {

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

/// The first record is the header; each other record is a response,
/// numbered by its position as in a spreadsheet. The reader's own problems
/// (a quote never closed) stay in `csv.problems` for the caller to report.
Table responses_from_csv(sdiag::tabular::CsvTable&& csv);

}  // namespace sdiag::form_responses
