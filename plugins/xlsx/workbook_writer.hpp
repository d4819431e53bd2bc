// Writing the action plan workbook with libxlsxwriter: the shared formats,
// the document properties, and each sheet in turn (one file per sheet).
#pragma once

#include <ctime>
#include <filesystem>
#include <string>

#include <xlsxwriter.h>

#include <sdiag/dates/calendar.hpp>
#include <sdiag/model/diagnostic.hpp>


namespace sdiag::xlsx {

struct Formats {
  lxw_format* text;        ///< top-aligned plain text
  lxw_format* wrap;        ///< top-aligned, wrapped
  lxw_format* date;        ///< dd/mm/yyyy
  lxw_format* number;
  lxw_format* header;      ///< header rows outside the table
  lxw_format* title;
  lxw_format* label;       ///< bold labels on About and Summary
  lxw_format* overdue;     ///< conditional formats
  lxw_format* due_soon;
  lxw_format* done;
};

/// What every sheet writer gets.
struct SheetContext {
  lxw_workbook* workbook;
  const Formats& formats;
  const sdiag::Diagnostic& diagnostic;
  sdiag::dates::Date today;  ///< ctx.now(), as a date: RAG values and "generated"
};

/// Writes the whole plan to `file` (a temporary path; the caller renames it).
/// @throws std::runtime_error when libxlsxwriter fails.
void write_workbook(const sdiag::Diagnostic& d, std::time_t now, const std::filesystem::path& file);

/// Untrusted text into a cell, always as a string (never a formula), cut to
/// Excel's cell limit. Empty text leaves a formatted blank cell.
void put_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format);
void put_date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const sdiag::dates::Date& d, lxw_format* format);
/// Protects a sheet sdiag fills in (no password): what is typed there would not
/// be read back, so Excel refuses it and the About sheet says where to write.
void protect_filled_sheet(lxw_worksheet* ws);
/// "A", "B", ... "AA": for formulas and ranges.
std::string column_letter(lxw_col_t col);
/// Throws with the libxlsxwriter message when `e` is an error.
void check(lxw_error e, const char* what);

}  // namespace sdiag::xlsx
