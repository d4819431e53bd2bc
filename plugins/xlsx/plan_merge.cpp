#include "plan_merge.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <sdiag/ooxml/workbook.hpp>
#include <sdiag/dates/excel.hpp>
#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>
#include <sdiag/text.hpp>

namespace sdiag::xlsx {

namespace dates = sdiag::dates;

namespace {

struct Due {
  std::string iso;
  std::string text;
};

// The Due cell as the model holds it: a real date, a date typed as text, or
// words that are not a date (kept as written).
Due due_of(const PlanRow& row, const sdiag::Action* before) {
  const auto& cell = row.due;
  // An empty cell keeps the words agreed ("TBC"): the record's when it has
  // them (a note may not follow its row when a sheet is re-sorted by hand),
  // else those of the cell's note, for a plan read on its own.
  const bool blank = !cell || (cell->type != Cell::Type::number &&
                                cell->text.find_first_not_of(" \t\r\n") == std::string::npos);
  if (blank) {
    if (before) return before->due.empty() ? Due{"", before->due_text} : Due{};
    return {"", row.due_words};
  }
  if (cell->type == Cell::Type::number) {
    if (auto d = dates::excel_date(cell->number)) return {dates::iso(*d), dates::uk_numeric(*d)};
    return {"", cell->text};
  }
  auto text = cell->text;
  if (before && text == before->due_text) return {before->due, before->due_text};
  if (auto d = dates::parse_uk_date(text)) return {dates::iso(*d), text};
  return {"", text};
}

std::string next_id(const sdiag::Diagnostic& d, const std::set<std::string>& taken) {
  // Plan ids are "A<n>" (the actions analysis gives them); older plans used "a<n>": keep their case.
  long max = 0;
  char prefix = 'A';
  for (const auto& a : d.actions) {
    if (a.id.size() < 2 || (a.id[0] != 'a' && a.id[0] != 'A')) continue;
    if (!std::all_of(a.id.begin() + 1, a.id.end(), [](unsigned char c) { return std::isdigit(c); })) continue;
    if (a.id.size() < 12 && std::stol(a.id.substr(1)) >= max) {
      max = std::stol(a.id.substr(1));
      prefix = a.id[0];
    }
  }
  for (long n = max + 1;; ++n) {
    auto id = prefix + std::to_string(n);
    if (!taken.count(id)) return id;
  }
}

void add_sentence(std::string& to, const std::string& s) {
  if (s.empty()) return;
  to += (to.empty() ? "" : " ") + s;
}

std::string shown_due(const Due& d) {
  if (auto date = dates::parse_iso(d.iso)) return dates::uk_numeric(*date);
  return d.text.empty() ? "none" : "\"" + d.text + "\"";
}

// The user's columns: those in the sheet now, then any kept from earlier.
UserValues merged_user_values(const sdiag::Action& a, const UserValues& from_sheet,
                              const std::vector<std::string>& sheet_columns) {
  UserValues out = from_sheet;
  for (const auto& [name, v] : user_values(a))
    if (std::find(sheet_columns.begin(), sheet_columns.end(), name) == sheet_columns.end()) out.push_back({name, v});
  return out;
}

// A cell sdiag wrote as the plan reader gives it back: cut to Excel's limit
// and trimmed (leading and trailing spaces and line ends are not words).
std::string as_read_back(const std::string& written) { return sdiag::text::trim(ooxml::fit_cell(written)); }

// What people typed over the cells sdiag fills in, as the words of an update.
// `latest_written` is what sdiag wrote in Latest update (typed text that
// starts with it adds to it); the typed text is never lost.
std::string typed_over(const PlanRow& row, const std::string& latest_written, const std::string& links_written) {
  const std::string latest_before = as_read_back(latest_written), links_before = as_read_back(links_written);
  std::string note;
  if (!row.latest.empty() && row.latest != latest_before) {
    std::string added = row.latest;
    if (!latest_before.empty() && added.starts_with(latest_before)) added = added.substr(latest_before.size());
    auto b = added.find_first_not_of(" \t\r\n.;:-");
    add_sentence(note, b == std::string::npos ? row.latest : added.substr(b));
  }
  if (!row.links.empty() && row.links != links_before) add_sentence(note, "Theme or goal (typed in the plan): " + row.links + ".");
  if (!row.rag.empty()) add_sentence(note, "RAG set by hand in the plan: " + row.rag + ".");
  return note;
}

// sdiag's own "dd/mm/yyyy: Status. comment" (a plan read without its
// diagnostic) as an update; other words are an update of `today`.
sdiag::ActionUpdate update_from_latest(const std::string& text, const std::string& status, const std::string& today) {
  sdiag::ActionUpdate u{today, status, text, ""};
  auto colon = text.find(": ");
  if (colon == std::string::npos) return u;
  auto date = dates::parse_uk_date(text.substr(0, colon));
  if (!date) return u;
  u.date = dates::iso(*date);
  u.comment = text.substr(colon + 2);
  for (const auto& s : statuses()) {
    const std::string label = s.label;
    if (u.comment == label || u.comment.starts_with(label + ". ")) {
      u.status = s.model;
      u.comment = u.comment.size() > label.size() ? u.comment.substr(label.size() + 2) : "";
      break;
    }
  }
  if (auto open = u.comment.rfind(" ("); open != std::string::npos && u.comment.ends_with(")")) {
    u.by = u.comment.substr(open + 2, u.comment.size() - open - 3);
    u.comment.erase(open);
  }
  return u;
}

}  // namespace

MergeReport merge_plan(const PlanTable& plan, sdiag::Diagnostic& d, const MergeInput& in) {
  MergeReport report;
  auto finding = [&](sdiag::Severity s, std::string where, std::string message) {
    report.findings.push_back({s, "", in.file, std::move(where), std::move(message)});
  };
  const bool first_import = d.actions.empty();

  std::set<std::string> taken, seen;
  for (const auto& a : d.actions) taken.insert(a.id);
  std::vector<sdiag::Action> added;

  for (const auto& row : plan.rows) {
    const std::string where = plan.sheet + "!row " + std::to_string(row.sheet_row);
    for (const auto& column : row.errors)
      finding(sdiag::Severity::warning, where,
              "the " + column + " cell holds an Excel error, not a value; the record keeps what it had");
    for (const auto& cell : row.unsaved)
      finding(sdiag::Severity::warning, plan.sheet + "!" + cell,
              "the " + cell + " cell holds a formula whose result was never saved, and sdiag does not calculate "
              "formulas: its value is not read (the record keeps what it had), and the refreshed plan keeps the "
              "formula. Open the plan in Excel or LibreOffice and save it to save the results");
    for (const auto& [cell, why] : row.formulas_not_kept)
      finding(sdiag::Severity::warning, plan.sheet + "!" + cell,
              "the " + cell + " cell " + why + ": its saved value, if it has one, is read, and the refreshed plan "
              "holds that value, not the formula");
    std::string status = row.status;
    if (!row.status.empty()) {
      if (auto s = status_from_text(row.status)) {
        status = *s;
      } else {
        finding(sdiag::Severity::warning, where,
                "status \"" + row.status + "\" is not one of the list; kept as written");
      }
    }

    sdiag::Action* a = nullptr;
    if (!row.id.empty() && !seen.count(row.id))
      for (auto& x : d.actions)
        if (x.id == row.id) a = &x;

    if (!a) {
      sdiag::Action n;
      n.id = row.id;
      if (n.id.empty() || taken.count(n.id)) {
        if (!row.id.empty())
          finding(sdiag::Severity::warning, where,
                  "ID " + row.id + " is used by another row; this row is read as a new action");
        n.id = next_id(d, taken);
      }
      taken.insert(n.id);
      seen.insert(n.id);
      n.text = row.text;
      n.owner = row.owner;
      auto due = due_of(row, nullptr);
      n.due = due.iso;
      n.due_text = due.text;
      if (!status.empty()) n.status = status;
      set_extra_string(n.extra, comments_key, row.comments);
      set_user_values(n, row.user);
      set_formulas(n, row.formulas);
      n.source = {in.file, "xlsx", where};
      if (first_import) {
        // The plan read on its own: its Latest update is the action's history so far (its
        // Theme or goal names themes of a record not given: nothing to tell typed words from).
        if (!row.latest.empty()) n.updates.push_back(update_from_latest(row.latest, n.status, in.today));
      } else {
        std::string note = "Added in the action plan.";
        add_sentence(note, row.comments);
        add_sentence(note, typed_over(row, "", ""));
        n.updates.push_back({in.today, n.status, note, ""});
        finding(sdiag::Severity::info, where, "new action " + n.id + " added in the plan: " + n.text);
      }
      ++report.added;
      added.push_back(std::move(n));
      continue;
    }

    seen.insert(a->id);
    std::string note;
    bool changed = false;
    const std::string typed = typed_over(row, latest_update(*a), links_of(*a, d));
    if (a->extra.erase(removed_key)) {
      add_sentence(note, "Back in the action plan.");
      changed = true;
    }
    if (!row.text.empty() && row.text != shown_text(*a)) {
      add_sentence(note, "Reworded (was: \"" + shown_text(*a) + "\").");
      a->text = row.text;
      a->extra.erase(title_key);  // the words in the plan are the action now
      changed = true;
    }
    if (row.owner != a->owner) {
      add_sentence(note, row.owner.empty() ? "Owner " + a->owner + " removed."
                         : a->owner.empty() ? "Owner set to " + row.owner + "."
                                            : "Owner changed from " + a->owner + " to " + row.owner + ".");
      a->owner = row.owner;
      changed = true;
    }
    auto due = due_of(row, a);
    if (due.iso != a->due || (due.iso.empty() && due.text != a->due_text)) {
      add_sentence(note, "Due changed from " + shown_due({a->due, a->due_text}) + " to " + shown_due(due) + ".");
      a->due = due.iso;
      a->due_text = due.text;
      changed = true;
    }
    bool status_changed = !status.empty() && status != a->status;
    if (status_changed) {
      a->status = status;
      changed = true;
    }
    auto old_comment = extra_string(a->extra, comments_key);
    if (row.comments != old_comment) {
      add_sentence(note, row.comments.empty() ? "Comments cleared." : row.comments);
      set_extra_string(a->extra, comments_key, row.comments);
      changed = true;
    }
    if (!typed.empty()) {
      add_sentence(note, typed);
      changed = true;
    }
    if (row.formulas != formulas(*a)) set_formulas(*a, row.formulas);  // the users' own work: kept, not an update
    auto values = merged_user_values(*a, row.user, plan.user_columns);
    if (values != user_values(*a)) set_user_values(*a, values);  // the users' own data: kept, not an update

    if (changed) {
      a->updates.push_back({in.today, a->status, note, ""});
      ++report.updated;
    } else {
      ++report.unchanged;
    }
  }

  // Actions whose rows were deleted: kept, marked, and reported.
  if (!first_import) {
    for (auto& a : d.actions) {
      if (seen.count(a.id) || a.extra.count(removed_key)) continue;
      set_extra_string(a.extra, removed_key, in.today);
      a.updates.push_back({in.today, a.status, "Removed from the action plan.", ""});
      ++report.removed;
      finding(sdiag::Severity::warning, a.id,
              "action " + a.id + " (\"" + a.text + "\") is no longer in the plan; it is kept in diagnostic.json, "
              "marked as removed");
    }
  }
  for (auto& n : added) d.actions.push_back(std::move(n));

  // The users' columns: the sheet's order, then earlier ones no longer there
  // (their values are still kept in the actions).
  auto columns = plan.user_columns;
  for (const auto& c : user_columns(d))
    if (std::find(columns.begin(), columns.end(), c) == columns.end()) {
      finding(sdiag::Severity::info, c, "column \"" + c + "\" is no longer in the plan; its values are kept in diagnostic.json");
    }
  set_user_columns(d, columns);

  finding(sdiag::Severity::info, "",
          "read the plan: " + std::to_string(report.updated) + " actions updated, " + std::to_string(report.added) +
              " added, " + std::to_string(report.removed) + " removed, " + std::to_string(report.unchanged) +
              " unchanged");
  return report;
}

}  // namespace sdiag::xlsx
