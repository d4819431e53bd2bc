// Reading an action plan back: the Actions sheet's header row tells which
// column is which (people move columns), every non-empty row below it is a
// row of the plan, and columns sdiag does not know are the users' own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <sdiag/ooxml/workbook.hpp>

#include "plan_layout.hpp"

namespace sdiag::xlsx {

using sdiag::ooxml::Cell;
using sdiag::ooxml::Cells;
using sdiag::ooxml::SheetRef;

struct PlanRow {
  std::uint32_t sheet_row = 0;  ///< 1-based, as Excel shows it
  std::string id;
  std::string text;
  std::string owner;
  std::optional<Cell> due;      ///< absent when the cell is empty
  std::string due_words;        ///< a due date agreed in words, from the Due cell's note ("As agreed: TBC")
  std::string status;           ///< as typed
  std::string comments;
  // What people typed over the columns sdiag fills in (empty when untouched or a formula).
  std::string latest;           ///< Latest update
  std::string links;            ///< Theme or goal
  std::string rag;              ///< RAG typed in place of its formula
  UserValues user;              ///< the users' own columns, in sheet order
  std::vector<std::string> errors;  ///< headers of sdiag's columns holding an Excel error (#VALUE!...), not read
  /// Formulas people put in the row, {column header, formula without "="}; sdiag's own RAG formula is not one.
  std::vector<std::pair<std::string, std::string>> formulas;
  /// "Status (E5)": formulas kept whose result was never saved, so their value is not read.
  std::vector<std::string> unsaved;
  /// Formulas not kept, as {"Status (E6)", why}: one filled from a shared formula
  /// (its text is in another cell), one longer than Excel allows, one in a column sdiag fills in.
  std::vector<std::pair<std::string, std::string>> formulas_not_kept;
};

struct PlanTable {
  std::string sheet;                      ///< the sheet the rows came from
  std::vector<std::string> user_columns;  ///< in sheet order
  std::vector<PlanRow> rows;
  std::string run_id;  ///< the run that wrote the plan; "" for a plan without one
};

/// @throws sdiag::InputError for a file that is not an action plan
/// (not a workbook, no Actions sheet with an ID column, unsafe or too big).
PlanTable read_plan(std::string bytes);

/// The text of a cell as a person would read it (dates as ISO dates).
std::string cell_text(const Cell& c);

}  // namespace sdiag::xlsx
