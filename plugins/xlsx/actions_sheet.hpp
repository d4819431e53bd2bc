// The Actions sheet: one row per action in an Excel table, with the status
// dropdown, the RAG column and the highlights for overdue, due soon and done.
#pragma once

#include <string>
#include <vector>

#include "workbook_writer.hpp"

namespace sdiag::xlsx {

/// The actions the plan shows: all but those users deleted from it.
std::vector<const sdiag::Action*> plan_actions(const sdiag::Diagnostic& d);

/// "Red", "Amber", "Green" or "" on `today`, as the RAG formula works it out:
/// done is green, dropped has none, blocked or overdue is red, due within
/// 14 days is amber, no date has none.
std::string rag_of(const sdiag::Action& a, const sdiag::dates::Date& today);

/// Rows below the actions that still get the dropdown and the highlights,
/// so rows people add are treated like the others.
inline constexpr lxw_row_t spare_rows = 200;

void write_actions_sheet(const SheetContext& sc);

}  // namespace sdiag::xlsx
