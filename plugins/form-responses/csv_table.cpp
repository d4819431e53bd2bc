#include "csv_table.hpp"

#include <utility>

namespace sdiag::form_responses {

Table responses_from_csv(sdiag::tabular::CsvTable&& csv) {
  Table t;
  auto& records = csv.records;
  if (records.empty()) return t;
  t.header = std::move(records.front().fields);
  // The header row is row 1; each response is numbered by its position, as in a spreadsheet.
  for (std::size_t r = 1; r < records.size(); ++r) {
    Table::Row row{static_cast<int>(r) + 1, std::move(records[r].fields), {}};
    if (row.cells.size() > t.header.size())
      t.problems.push_back("row " + std::to_string(row.number) + " (line " + std::to_string(records[r].line) + ") has " +
                           std::to_string(row.cells.size()) + " fields but the header has " +
                           std::to_string(t.header.size()) + "; the extra fields were ignored");
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace sdiag::form_responses
