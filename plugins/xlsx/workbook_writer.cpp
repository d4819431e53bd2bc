#include "workbook_writer.hpp"

#include <stdexcept>

#include <sdiag/ooxml/workbook.hpp>
#include <sdiag/ooxml/properties.hpp>

#include <sdiag/dates/excel.hpp>

#include "about_sheet.hpp"
#include "actions_sheet.hpp"
#include "plan_layout.hpp"
#include "summary_sheet.hpp"
#include "themes_sheet.hpp"

namespace sdiag::xlsx {

namespace dates = sdiag::dates;

namespace {

lxw_format* make(lxw_workbook* wb, bool wrap) {
  auto* f = workbook_add_format(wb);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (wrap) format_set_text_wrap(f);
  return f;
}

lxw_format* make_highlight(lxw_workbook* wb, lxw_color_t fill, lxw_color_t font) {
  auto* f = workbook_add_format(wb);
  format_set_bg_color(f, fill);
  format_set_font_color(f, font);
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.text = make(wb, false);
  f.wrap = make(wb, true);
  f.date = make(wb, false);
  format_set_num_format(f.date, "dd/mm/yyyy");
  format_set_align(f.date, LXW_ALIGN_LEFT);
  f.number = make(wb, false);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.label = make(wb, true);
  format_set_bold(f.label);
  // Excel's own light red, yellow and green highlight styles.
  f.overdue = make_highlight(wb, 0xFFC7CE, 0x9C0006);
  f.due_soon = make_highlight(wb, 0xFFEB9C, 0x9C5700);
  f.done = make_highlight(wb, 0xC6EFCE, 0x006100);
  return f;
}

void set_properties(lxw_workbook* wb, const sdiag::Diagnostic& d, std::time_t now) {
  // libxlsxwriter takes char*; the strings outlive workbook_close's use of them
  // because it copies them here.
  std::string title = d.meta.organisation.empty() ? "Action plan" : "Action plan: " + d.meta.organisation;
  std::string subject = "Actions agreed at the data service diagnostic" +
                        (d.meta.date.empty() ? std::string() : " of " + d.meta.date);
  std::string keywords = "data service diagnostic, action plan";
  lxw_doc_properties p{};
  p.title = title.data();
  p.subject = subject.data();
  p.author = const_cast<char*>(d.meta.facilitator.c_str());
  p.company = const_cast<char*>(d.meta.organisation.c_str());
  p.keywords = keywords.data();
  p.created = now;  // a fixed time makes the file byte-identical run after run
  check(workbook_set_properties(wb, &p), "document properties");
  // Which run wrote the plan: `sdiag track` checks it against the diagnostic's.
  if (auto id = extra_string(d.meta.extra, run_id_key); !id.empty())
    check(workbook_set_custom_property_string(wb, run_id_property, id.c_str()), "the run id");
}

void write_lists_sheet(lxw_workbook* wb, const Formats& f) {
  auto* ws = workbook_add_worksheet(wb, lists_sheet);
  put_text(ws, 0, 0, "Status", f.header);
  lxw_row_t row = 1;
  for (const auto& s : statuses()) put_text(ws, row++, 0, s.label, f.text);
  put_text(ws, 0, 1, "The Status dropdown of the Actions sheet offers the words in column A.", f.text);
  worksheet_set_column(ws, 0, 0, 16, nullptr);
  worksheet_hide(ws);
  protect_filled_sheet(ws);
}

}  // namespace

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(e));
}

void put_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
  if (text.empty()) {
    worksheet_write_blank(ws, row, col, format);
    return;
  }
  check(worksheet_write_string(ws, row, col, ooxml::fit_cell(text).c_str(), format), "writing a cell");
}

void put_date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const dates::Date& d, lxw_format* format) {
  // Plan dates are read with dates::parse_iso, whose years Excel holds: value() cannot throw.
  check(worksheet_write_number(ws, row, col, dates::excel_serial(d).value(), format), "writing a date");
}

void protect_filled_sheet(lxw_worksheet* ws) { worksheet_protect(ws, nullptr, nullptr); }

std::string column_letter(lxw_col_t col) {
  std::string s;
  for (long c = static_cast<long>(col) + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

void write_workbook(const sdiag::Diagnostic& d, std::time_t now, const std::filesystem::path& file) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;  // tables need the full in-memory mode
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) throw std::runtime_error("cannot create " + file.string());
  try {
    Formats f = make_formats(wb);
    SheetContext sc{wb, f, d, dates::utc_date(now)};
    set_properties(wb, d, now);
    write_actions_sheet(sc);
    write_summary_sheet(sc);
    write_themes_sheet(sc);
    write_about_sheet(sc, now);
    write_lists_sheet(wb, f);
  } catch (...) {
    workbook_close(wb);  // frees it; the caller discards the temporary file
    throw;
  }
  check(workbook_close(wb), ("writing " + file.filename().string()).c_str());
  if (now == 0) ooxml::record_epoch_zero(file);
}

}  // namespace sdiag::xlsx
