// The About sheet: the workshop, when the plan was written, and how to use
// and return it.
#pragma once

#include <ctime>

#include "workbook_writer.hpp"

namespace sdiag::xlsx {

void write_about_sheet(const SheetContext& sc, std::time_t generated);

}  // namespace sdiag::xlsx
