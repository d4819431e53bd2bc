/// @file sdiag/ooxml/workbook.hpp
/// The cells of an Excel workbook (XLSX) as values: the sheet list, shared
/// strings (plain and rich), inline strings, numbers, booleans, errors, and
/// which numbers are styled as dates. Sheets are streamed, never held as a
/// tree, and held to Excel's own limits.
/// @code
///   sdiag::ooxml::Package pkg(bytes, "XLSX");
///   sdiag::ooxml::WorkbookReader book(pkg);
///   auto cells = book.read_cells(book.sheets().front());
/// @endcode
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <sdiag/ooxml/package.hpp>

namespace sdiag::ooxml {

struct Cell {
  enum class Type { text, number, boolean, error };
  Type type = Type::text;
  std::string text;         ///< the text; a number as a person reads it (number_text)
  double number = 0;
  bool date_style = false;  ///< a number shown as a date
  /// A formula cell: its formula as stored, without "=" ("" for a cell filled
  /// from a shared formula, whose text is only in the first cell of its range).
  bool has_formula = false;
  std::string formula;
  /// False for a formula whose result was never saved (a file written by a
  /// program that does not calculate): then the value fields are empty.
  bool has_value = true;
};

/// Cells by row then column, both 0-based; empty cells are absent.
using Cells = std::map<std::uint32_t, std::map<std::uint32_t, Cell>>;
/// The notes (comments) on cells, as plain text, by row then column.
using Notes = std::map<std::uint32_t, std::map<std::uint32_t, std::string>>;

struct SheetRef {
  std::string name;
  std::string part;  ///< e.g. "xl/worksheets/sheet1.xml"
};

/// Excel's own limits; a sheet past them is refused.
inline constexpr std::uint32_t max_rows = 1u << 20;
inline constexpr std::uint32_t max_columns = 1u << 14;
inline constexpr std::size_t max_cells = 2'000'000;

/// Excel holds at most 32,767 characters in a cell: `text` cut to that many
/// bytes, at a UTF-8 character boundary, for every writer of a workbook.
std::string fit_cell(const std::string& text);

class WorkbookReader {
 public:
  /// Reads the sheet list, shared strings and styles of `package`, which
  /// must outlive the reader.
  /// @throws sdiag::InputError when it is not a workbook or a part is unreadable.
  explicit WorkbookReader(const Package& package);

  /// The sheets, in the workbook's order.
  const std::vector<SheetRef>& sheets() const { return sheets_; }
  /// @throws sdiag::InputError, naming the sheet and cell where it can.
  Cells read_cells(const SheetRef& sheet) const;
  /// The notes people (or a writer) left on the sheet's cells; none when it has no comments part.
  /// @throws sdiag::InputError when the comments part is unreadable.
  Notes read_notes(const SheetRef& sheet) const;

 private:
  const Package& package_;
  std::vector<SheetRef> sheets_;
  std::vector<std::string> shared_;
  std::set<std::uint32_t> date_styles_;  ///< cellXfs indexes that show dates
};

/// "C12" -> {row 11, column 2}; false when it is not a cell reference.
bool parse_cell_ref(const std::string& ref, std::uint32_t& row, std::uint32_t& col);

/// A number as a person reads it: 12, not 12.0; 0.5, not 0.50000000000000.
std::string number_text(double v);

}  // namespace sdiag::ooxml
