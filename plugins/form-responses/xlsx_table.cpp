#include "xlsx_table.hpp"

#include <sdiag/ooxml/workbook.hpp>
#include <sdiag/plugin.hpp>

namespace sdiag::form_responses {

Table read_xlsx_first_sheet(const std::string& bytes) {
  sdiag::ooxml::Package pkg(bytes, "XLSX");
  sdiag::ooxml::WorkbookReader book(pkg);
  if (book.sheets().empty()) throw sdiag::InputError("the workbook lists no sheets; the file is damaged");
  Table t;
  bool header_done = false;
  for (auto& [row, columns] : book.read_cells(book.sheets().front())) {
    std::vector<std::string> cells;
    std::vector<int> numeric;
    if (!columns.empty()) {
      cells.resize(columns.rbegin()->first + 1);
      numeric.resize(cells.size());
    }
    for (auto& [col, cell] : columns) {
      numeric[col] = cell.type == sdiag::ooxml::Cell::Type::number ? 1 : 0;
      cells[col] = std::move(cell.text);
    }
    if (!header_done) {
      t.header = std::move(cells);
      header_done = true;
      continue;
    }
    t.rows.push_back(Table::Row{static_cast<int>(row) + 1, std::move(cells), std::move(numeric)});
  }
  return t;
}

}  // namespace sdiag::form_responses
