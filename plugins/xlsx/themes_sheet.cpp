#include "themes_sheet.hpp"

#include "actions_sheet.hpp"
#include "plan_layout.hpp"

namespace sdiag::xlsx {

void write_themes_sheet(const SheetContext& sc) {
  const auto& f = sc.formats;
  const auto& d = sc.diagnostic;
  auto* ws = workbook_add_worksheet(sc.workbook, "Themes");
  protect_filled_sheet(ws);
  worksheet_set_column(ws, 0, 0, 34, f.wrap);
  worksheet_set_column(ws, 1, 1, 8, f.number);
  worksheet_set_column(ws, 2, 2, 40, f.wrap);
  worksheet_set_column(ws, 3, 3, 22, f.wrap);
  const char* headers[] = {"Theme", "Notes", "Keywords", "Linked actions"};
  for (lxw_col_t c = 0; c < 4; ++c) put_text(ws, 0, c, headers[c], f.header);
  worksheet_freeze_panes(ws, 1, 0);

  const auto actions = plan_actions(d);
  lxw_row_t row = 1;
  for (const auto& t : d.themes) {
    std::string keywords, linked;
    for (const auto& k : t.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
    for (const auto* a : actions)
      for (const auto& id : a->theme_ids)
        if (id == t.id) linked += (linked.empty() ? "" : ", ") + a->id;
    put_text(ws, row, 0, t.label.empty() ? t.id : t.label, f.wrap);
    check(worksheet_write_number(ws, row, 1, static_cast<double>(t.note_ids.size()), f.number), "theme notes");
    put_text(ws, row, 2, keywords, f.wrap);
    put_text(ws, row, 3, linked, f.wrap);
    ++row;
  }
  if (d.themes.empty())
    put_text(ws, row, 0, "No themes yet: the notes have not been grouped.", f.text);
  else
    check(worksheet_autofilter(ws, 0, 0, row - 1, 3), "themes filter");
}

}  // namespace sdiag::xlsx
