#include "summary_sheet.hpp"

#include <map>
#include <set>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>

#include "actions_sheet.hpp"
#include "plan_layout.hpp"

namespace sdiag::xlsx {

namespace dates = sdiag::dates;

namespace {

std::string col(const char* name) { return std::string(table_name) + "[" + name + "]"; }

void put_count(lxw_worksheet* ws, lxw_row_t row, lxw_col_t c, const std::string& formula, std::size_t now_value,
               lxw_format* f) {
  check(worksheet_write_formula_num(ws, row, c, formula.c_str(), f, static_cast<double>(now_value)), "summary count");
}

}  // namespace

void write_summary_sheet(const SheetContext& sc) {
  const auto& f = sc.formats;
  auto* ws = workbook_add_worksheet(sc.workbook, "Summary");
  protect_filled_sheet(ws);
  worksheet_set_column(ws, 0, 0, 42, f.wrap);
  worksheet_set_column(ws, 1, 3, 11, nullptr);
  const auto actions = plan_actions(sc.diagnostic);

  put_text(ws, 0, 0, "Summary of the action plan", f.title);
  put_text(ws, 1, 0,
           "Status and owner counts update as the Actions sheet is edited. Theme counts are as of " + dates::uk_numeric(sc.today) +
               ".",
           f.wrap);

  // ---- by status, with a chart
  lxw_row_t row = 3;
  put_text(ws, row, 0, "Status", f.header);
  put_text(ws, row, 1, "Actions", f.header);
  const lxw_row_t first_status = ++row;
  for (const auto& s : statuses()) {
    std::size_t n = 0;
    for (const auto* a : actions) n += a->status == s.model;
    put_text(ws, row, 0, s.label, f.text);
    put_count(ws, row, 1, "=COUNTIF(" + col("Status") + ",A" + std::to_string(row + 1) + ")", n, f.number);
    ++row;
  }
  const lxw_row_t last_status = row - 1;
  put_text(ws, row, 0, "All actions", f.label);
  put_count(ws, row, 1, "=COUNTA(" + col("Action") + ")", actions.size(), f.number);
  row += 2;

  std::size_t overdue = 0, soon = 0;
  for (const auto* a : actions) {
    if (a->status == "done" || a->status == "dropped") continue;
    auto due = dates::parse_iso(a->due);
    if (!due) continue;
    int days = dates::days_between(sc.today, *due);
    overdue += days < 0;
    soon += days >= 0 && days <= 14;
  }
  const std::string open = "," + col("Status") + ",\"<>Done\"," + col("Status") + ",\"<>Dropped\")";
  put_text(ws, row, 0, "Overdue (not done)", f.text);
  put_count(ws, row, 1, "=COUNTIFS(" + col("Due") + ",\"<\"&TODAY()" + open, overdue, f.number);
  ++row;
  put_text(ws, row, 0, "Due in the next 14 days (not done)", f.text);
  put_count(ws, row, 1,
            "=COUNTIFS(" + col("Due") + ",\">=\"&TODAY()," + col("Due") + ",\"<=\"&(TODAY()+14)" + open, soon,
            f.number);
  row += 2;

  // ---- by owner: exact matches (SUMPRODUCT), since COUNTIF would read
  // an owner such as ">5" or "A*" as a pattern.
  put_text(ws, row, 0, "Owner", f.header);
  put_text(ws, row, 1, "Actions", f.header);
  put_text(ws, row, 2, "Done", f.header);
  ++row;
  std::map<std::string, std::pair<std::size_t, std::size_t>> owners;
  for (const auto* a : actions) {
    auto& c = owners[a->owner];
    ++c.first;
    c.second += a->status == "done";
  }
  for (const auto& [owner, counts] : owners) {
    const std::string r = std::to_string(row + 1);
    if (owner.empty()) {
      put_text(ws, row, 0, "(no owner yet)", f.text);
      const std::string none = "(" + col("Owner") + "=\"\")*(" + col("Action") + "<>\"\")";
      put_count(ws, row, 1, "=SUMPRODUCT(" + none + ")", counts.first, f.number);
      put_count(ws, row, 2, "=SUMPRODUCT(" + none + "*(" + col("Status") + "=\"Done\"))", counts.second, f.number);
    } else {
      put_text(ws, row, 0, owner, f.wrap);
      put_count(ws, row, 1, "=SUMPRODUCT(--(" + col("Owner") + "=A" + r + "))", counts.first, f.number);
      put_count(ws, row, 2, "=SUMPRODUCT((" + col("Owner") + "=A" + r + ")*(" + col("Status") + "=\"Done\"))",
                counts.second, f.number);
    }
    ++row;
  }
  ++row;

  // ---- by theme: values, since one action may link several themes.
  put_text(ws, row, 0, "Theme", f.header);
  put_text(ws, row, 1, "Actions", f.header);
  put_text(ws, row, 2, "Done", f.header);
  ++row;
  for (const auto& t : sc.diagnostic.themes) {
    std::size_t n = 0, done = 0;
    for (const auto* a : actions)
      for (const auto& id : a->theme_ids)
        if (id == t.id) {
          ++n;
          done += a->status == "done";
        }
    put_text(ws, row, 0, t.label.empty() ? t.id : t.label, f.wrap);
    worksheet_write_number(ws, row, 1, static_cast<double>(n), f.number);
    worksheet_write_number(ws, row, 2, static_cast<double>(done), f.number);
    ++row;
  }
  if (sc.diagnostic.themes.empty()) put_text(ws, row, 0, "No themes in this diagnostic.", f.text);

  auto* chart = workbook_add_chart(sc.workbook, LXW_CHART_BAR);
  auto range = [&](lxw_col_t c) {
    return "=Summary!$" + column_letter(c) + "$" + std::to_string(first_status + 1) + ":$" + column_letter(c) + "$" +
           std::to_string(last_status + 1);
  };
  auto* series = chart_add_series(chart, range(0).c_str(), range(1).c_str());
  chart_series_set_name(series, "Actions");
  chart_title_set_name(chart, "Actions by status");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_reverse(chart->y_axis);  // statuses top to bottom, as in the list
  lxw_chart_options where{};
  where.x_offset = 10;
  where.description = const_cast<char*>("Bar chart of the number of actions for each status.");
  check(worksheet_insert_chart_opt(ws, 3, 4, chart, &where), "status chart");
}

}  // namespace sdiag::xlsx
