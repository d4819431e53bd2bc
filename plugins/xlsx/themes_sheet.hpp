// The Themes sheet: each theme of the workshop, how many notes it holds,
// its keywords and the actions linked to it.
#pragma once

#include "workbook_writer.hpp"

namespace sdiag::xlsx {

void write_themes_sheet(const SheetContext& sc);

}  // namespace sdiag::xlsx
