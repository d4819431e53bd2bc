// The Summary sheet: counts by status (with a chart), by owner and by theme.
// Status and owner counts are formulas over the Actions table, so they follow
// the officers' edits; each carries today's value for readers that do not
// recalculate.
#pragma once

#include "workbook_writer.hpp"

namespace sdiag::xlsx {

void write_summary_sheet(const SheetContext& sc);

}  // namespace sdiag::xlsx
