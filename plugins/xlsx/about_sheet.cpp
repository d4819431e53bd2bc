#include "about_sheet.hpp"

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>

#include "actions_sheet.hpp"
#include "plan_layout.hpp"

namespace sdiag::xlsx {

namespace dates = sdiag::dates;

void write_about_sheet(const SheetContext& sc, std::time_t generated) {
  const auto& f = sc.formats;
  const auto& m = sc.diagnostic.meta;
  auto* ws = workbook_add_worksheet(sc.workbook, "About");
  protect_filled_sheet(ws);
  worksheet_set_column(ws, 0, 0, 24, f.label);
  worksheet_set_column(ws, 1, 1, 90, f.wrap);

  put_text(ws, 0, 0, m.title.empty() ? "Data service diagnostic: action plan" : m.title + ": action plan", f.title);
  lxw_row_t row = 2;
  auto line = [&](const std::string& label, const std::string& value) {
    put_text(ws, row, 0, label, f.label);
    put_text(ws, row, 1, value.empty() ? "not recorded" : value, f.wrap);
    ++row;
  };
  auto workshop_date = dates::parse_iso(m.date);
  line("Organisation", m.organisation);
  line("Service", m.service);
  line("Workshop date", workshop_date ? dates::uk_numeric(*workshop_date) : m.date);
  line("Facilitator", m.facilitator);
  line("Plan written", dates::uk_numeric(dates::utc_date(generated)));
  line("Actions", std::to_string(plan_actions(sc.diagnostic).size()));

  ++row;
  put_text(ws, row++, 0, "How to use this plan", f.title);
  const std::string return_to = m.facilitator.empty() ? "the person who sent it to you" : m.facilitator;
  const std::string steps[] = {
      "Each row of the Actions sheet is one action agreed at the workshop. Keep Owner and Due up to date, choose the "
      "Status from the dropdown (Not started, In progress, Done, Blocked, Dropped) and write what has happened in "
      "Comments or Latest update: both are read back.",
      "RAG is worked out for you: red when overdue or blocked, amber when due within 14 days, green when done or on "
      "track. Overdue rows are shaded red, rows due soon amber, done rows green.",
      "Do not change, rename or delete the ID column: the IDs are how your updates are matched to the actions when the "
      "plan is read back, even after sorting or filtering.",
      "You may sort and filter the table, add new actions as new rows at the bottom of the table (leave the ID empty: "
      "one is given when the plan is read back), and add your own columns to the right of Comments: they are kept.",
      "Type dates as dd/mm/yyyy: the Due column holds dates only. A due date agreed in words (such as \"TBC\" or "
      "\"end of Q2\") is kept in the note on the Due cell.",
      "Write only in the Actions sheet: every cell there is read back. The Summary, Themes and About sheets are "
      "filled in by sdiag when the plan is refreshed, so they are protected.",
      "To return the plan, save it as an Excel workbook (.xlsx) and send it to " + return_to +
          ". It is read back with 'sdiag track', which records the changes with today's date, reports progress "
          "and sends you a refreshed plan that keeps your comments and your own columns.",
  };
  int n = 1;
  for (const auto& s : steps) {
    put_text(ws, row, 0, std::to_string(n++) + ".", f.text);
    put_text(ws, row++, 1, s, f.wrap);
  }
}

}  // namespace sdiag::xlsx
