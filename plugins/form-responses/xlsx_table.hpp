// The first worksheet of an XLSX workbook as a Table (header = first row),
// read with the workbook cell reader of sdiag::ooxml.
#pragma once

#include <string>

#include "csv_table.hpp"

namespace sdiag::form_responses {

/// @throws sdiag::InputError when the bytes are not a readable XLSX.
Table read_xlsx_first_sheet(const std::string& bytes);

}  // namespace sdiag::form_responses
