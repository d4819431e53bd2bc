#include "comparison_workbook.hpp"

#include <stdexcept>
#include <string>

#include <xlsxwriter.h>

#include <sdiag/ooxml/properties.hpp>
#include <sdiag/ooxml/workbook.hpp>

namespace sdiag::compare_workbook {

namespace {

using nlohmann::json;

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(e));
}

// Untrusted text always as a string (never a formula), cut to Excel's cell limit.
void put(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* f = nullptr) {
  if (text.empty()) return;
  check(worksheet_write_string(ws, row, col, sdiag::ooxml::fit_cell(text).c_str(), f), "writing a cell");
}

void put(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double n) {
  check(worksheet_write_number(ws, row, col, n, nullptr), "writing a number");
}

std::string joined(const json& list) {
  std::string s;
  for (const auto& x : list) s += (s.empty() ? "" : ", ") + x.get<std::string>();
  return s;
}

void header(lxw_worksheet* ws, const std::vector<std::string>& names, lxw_format* bold) {
  for (std::size_t c = 0; c < names.size(); ++c) put(ws, 0, static_cast<lxw_col_t>(c), names[c], bold);
  worksheet_freeze_panes(ws, 1, 0);
}

}  // namespace

void write_workbook(const json& c, const std::string& title, std::time_t now, const std::filesystem::path& file) {
  if (!c.is_object() || !c.contains("councils"))
    throw std::runtime_error("no comparison to write: run the compare analysis first (sdiag compare does)");
  lxw_workbook* wb = workbook_new(file.c_str());
  if (!wb) throw std::runtime_error("cannot create " + file.string());
  try {
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    std::string subject = "Many councils' data service diagnostics compared";
    lxw_doc_properties p{};
    p.title = const_cast<char*>(title.c_str());
    p.subject = subject.data();
    p.created = now;  // a fixed time makes the file the same run after run
    check(workbook_set_properties(wb, &p), "document properties");

    // Councils x themes: how many of each council's notes point to each theme.
    auto* grid = workbook_add_worksheet(wb, "Councils x themes");
    std::vector<std::string> names{"Council"};
    for (const auto& th : c["themes"]) names.push_back(th["name"]);
    header(grid, names, bold);
    lxw_row_t row = 1;
    for (const auto& council : c["councils"]) {
      put(grid, row, 0, council.get<std::string>());
      lxw_col_t col = 1;
      for (const auto& th : c["themes"]) put(grid, row, col++, th["notes_by_council"].value(council.get<std::string>(), 0.0));
      ++row;
    }
    worksheet_set_column(grid, 0, 0, 18, nullptr);
    worksheet_set_column(grid, 1, static_cast<lxw_col_t>(names.size()), 14, nullptr);

    auto* actions = workbook_add_worksheet(wb, "Actions");
    header(actions, {"Council", "ID", "Action", "Owner", "Due", "Status", "Overdue", "Themes", "Updates"}, bold);
    row = 1;
    for (const auto& a : c["actions"]) {
      put(actions, row, 0, a["council"].get<std::string>());
      put(actions, row, 1, a["id"].get<std::string>());
      put(actions, row, 2, a["text"].get<std::string>());
      put(actions, row, 3, a["owner"].get<std::string>());
      put(actions, row, 4, a["due"].get<std::string>());
      put(actions, row, 5, a["status"].get<std::string>());
      put(actions, row, 6, a["overdue"].get<bool>() ? "yes" : "no");
      put(actions, row, 7, joined(a["themes"]));
      put(actions, row, 8, a["updates"].get<double>());
      ++row;
    }
    worksheet_set_column(actions, 2, 2, 60, nullptr);
    worksheet_set_column(actions, 7, 7, 30, nullptr);

    auto* systems = workbook_add_worksheet(wb, "Systems");
    header(systems, {"System or team", "Councils", "Which councils", "What it does"}, bold);
    row = 1;
    for (const auto& s : c["systems"]) {
      put(systems, row, 0, s["name"].get<std::string>());
      put(systems, row, 1, static_cast<double>(s["councils"].size()));
      put(systems, row, 2, joined(s["councils"]));
      put(systems, row, 3, joined(s["functions"]));
      ++row;
    }
    worksheet_set_column(systems, 0, 0, 30, nullptr);
    worksheet_set_column(systems, 2, 3, 50, nullptr);

    auto* about = workbook_add_worksheet(wb, "About");
    const auto& profile = c["profile"];
    put(about, 0, 0, title, bold);
    put(about, 1, 0, "Councils");
    put(about, 1, 1, static_cast<double>(c["councils"].size()));
    put(about, 2, 0, "Redaction profile");
    put(about, 2, 1, profile.value("name", ""));
    put(about, 3, 0, "Left out");
    put(about, 3, 1, joined(profile.value("omitted", json::array())));
    put(about, 4, 0, "Redacted, by kind");
    row = 5;
    for (const auto& [kind, n] : c["redacted"].items()) {
      put(about, row, 0, kind);
      put(about, row++, 1, n.get<double>());
    }
    put(about, row + 1, 0, "Redacted is not anonymous: share this workbook only with the audience of the profile.");
    worksheet_set_column(about, 0, 0, 24, nullptr);
  } catch (...) {
    workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "writing the workbook");
  if (now == 0) sdiag::ooxml::record_epoch_zero(file);
}

}  // namespace sdiag::compare_workbook
