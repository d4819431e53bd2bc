// Reading the cells of a workbook with Poco's SAX parser: the sheet list,
// shared strings (plain and rich), inline strings, numbers, and which cells
// are styled as dates. Files come from users: a DOCTYPE is refused, so no
// entity is ever declared or expanded.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "xlsx_package.hpp"

namespace xlsxplan {

struct Cell {
  enum class Type { text, number, boolean, error };
  Type type = Type::text;
  std::string text;   ///< text, or the number as written in the file
  double number = 0;
  bool date_style = false;  ///< a number shown as a date
};

/// Cells by row then column, both 0-based; empty cells are absent.
using Cells = std::map<std::uint32_t, std::map<std::uint32_t, Cell>>;

struct SheetRef {
  std::string name;
  std::string part;  ///< e.g. "xl/worksheets/sheet1.xml"
};

class WorkbookReader {
 public:
  /// Reads the sheet list, shared strings and styles.
  /// @throws sdiag::InputError
  explicit WorkbookReader(Package& package);

  const std::vector<SheetRef>& sheets() const { return sheets_; }
  /// @throws sdiag::InputError, naming the sheet and cell where it can.
  Cells read_cells(const SheetRef& sheet);

 private:
  Package& package_;
  std::vector<SheetRef> sheets_;
  std::vector<std::string> shared_;
  std::set<std::uint32_t> date_styles_;  ///< cellXfs indexes that show dates
};

/// "C12" -> {row 11, column 2}; false when it is not a cell reference.
bool parse_cell_ref(const std::string& ref, std::uint32_t& row, std::uint32_t& col);

/// A number as a person reads it: 12, not 12.0; 0.5, not 0.50000000000000.
std::string number_text(double v);

}  // namespace xlsxplan
