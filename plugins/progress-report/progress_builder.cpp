#include "progress_builder.hpp"

#include <filesystem>
#include <map>

#include <sdiag/dates/calendar.hpp>
#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>

namespace sdiag::progress_report {

namespace {

// Dates in the model are ISO, so strings compare as dates.
std::string iso_day(std::time_t t) { return dates::iso(dates::utc_date(t)); }

/// "31/03/2026" for an ISO date; anything else as it is.
std::string uk(const std::string& iso) {
  auto d = dates::parse_iso(iso);
  return d ? dates::uk_numeric(*d) : iso;
}

bool removed(const Action& a) { return a.extra.count("removed_from_plan") != 0; }
bool open(const Action& a) { return a.status != "done" && a.status != "dropped"; }
bool overdue(const Action& a, const std::string& today) { return open(a) && !a.due.empty() && a.due < today; }

std::string label(std::string status) {
  if (!status.empty()) status[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(status[0])));
  return status;
}

doc::Paragraph text(std::string s) { return doc::Paragraph::plain(std::move(s)); }
doc::Paragraph none(const std::string& s) { return doc::Paragraph::plain(s, doc::style::note); }

std::string due_words(const Action& a) { return a.due.empty() ? a.due_text : uk(a.due); }

doc::Table action_table(const std::vector<const Action*>& rows, const std::string& caption) {
  doc::Table t;
  t.caption = caption;
  t.header = {text("ID"), text("Action"), text("Owner"), text("Due"), text("Status")};
  t.widths = {1, 6, 3, 2, 2};
  for (const auto* a : rows)
    t.rows.push_back({text(a->id), text(a->text), text(a->owner), text(due_words(*a)), text(label(a->status))});
  return t;
}

}  // namespace

std::string plan_name(const Diagnostic& d) {
  for (auto s = d.meta.sources.rbegin(); s != d.meta.sources.rend(); ++s)
    if (s->kind == "action-plan") return std::filesystem::path(s->path).filename().string();
  return "the action plan";
}

doc::Document progress_report(const Diagnostic& d, std::time_t now) {
  const std::string today = iso_day(now);
  doc::Document doc;
  doc.meta.title = "Progress on the action plan";
  doc.meta.subtitle = d.meta.organisation;
  doc.meta.organisation = d.meta.organisation;
  doc.meta.author = d.meta.facilitator;
  doc.meta.subject = "Progress on the actions agreed at the data service diagnostic";
  doc.meta.date = today;
  auto& b = doc.blocks;
  b.push_back(doc::Heading{1, "Progress on the action plan", "progress"});

  std::vector<const Action*> live, changed, done, late, blocked, gone;
  for (const auto& a : d.actions) {
    bool today_update = !a.updates.empty() && a.updates.back().date == today;
    if (removed(a)) {
      if (today_update) gone.push_back(&a);
      continue;
    }
    live.push_back(&a);
    if (today_update) changed.push_back(&a);
    if (a.status == "done") done.push_back(&a);
    if (a.status == "blocked") blocked.push_back(&a);
    if (overdue(a, today)) late.push_back(&a);
  }
  b.push_back(text("Read back from " + plan_name(d) + " on " + uk(today) + ": " + std::to_string(live.size()) +
                   " actions in the plan, " + std::to_string(done.size()) + " done, " + std::to_string(late.size()) +
                   " overdue and " + std::to_string(blocked.size()) + " blocked. " + std::to_string(changed.size()) +
                   " actions changed in this return" + (gone.empty() ? "" : " and " + std::to_string(gone.size()) +
                   " were removed from the plan") + "."));

  b.push_back(doc::Heading{2, "At a glance", "at-a-glance"});
  {
    doc::Table t;
    t.caption = "Number of actions by status";
    t.header = {text("Status"), text("Actions")};
    std::map<std::string, int> counts;
    for (const auto* a : live) ++counts[a->status];
    for (const char* s : {"not started", "in progress", "done", "blocked", "dropped"})
      t.rows.push_back({text(label(s)), text(std::to_string(counts[s]))});
    for (const auto& [s, n] : counts)
      if (s != "not started" && s != "in progress" && s != "done" && s != "blocked" && s != "dropped")
        t.rows.push_back({text(label(s)), text(std::to_string(n))});
    b.push_back(t);
  }

  b.push_back(doc::Heading{2, "Changes in this return", "changes"});
  if (changed.empty() && gone.empty()) b.push_back(none("No action changed since the last version of the plan."));
  doc::List changes;
  for (const auto* a : changed) {
    const auto& u = a->updates.back();
    changes.items.push_back({text(a->id + " " + a->text + ": " + label(u.status) + (u.comment.empty() ? "" : ". " + u.comment))});
  }
  for (const auto* a : gone) changes.items.push_back({text(a->id + " " + a->text + ": removed from the plan (kept in the record).")});
  if (!changes.items.empty()) b.push_back(changes);

  b.push_back(doc::Heading{2, "Done", "done"});
  if (done.empty()) b.push_back(none("No action is done yet."));
  else b.push_back(action_table(done, "Actions done"));

  b.push_back(doc::Heading{2, "Overdue", "overdue"});
  if (late.empty()) b.push_back(none("No action is overdue."));
  else b.push_back(action_table(late, "Actions past their due date and not done"));

  b.push_back(doc::Heading{2, "Blocked", "blocked"});
  if (blocked.empty()) b.push_back(none("No action is blocked."));
  else b.push_back(action_table(blocked, "Actions marked as blocked"));

  struct Tally { int all = 0, done = 0, overdue = 0, blocked = 0; };
  auto tally_table = [&](const std::map<std::string, Tally>& m, const char* what, const std::string& caption) {
    doc::Table t;
    t.caption = caption;
    t.header = {text(what), text("Actions"), text("Done"), text("Overdue"), text("Blocked")};
    t.widths = {5, 1, 1, 1, 1};
    for (const auto& [k, v] : m)
      t.rows.push_back({text(k), text(std::to_string(v.all)), text(std::to_string(v.done)),
                        text(std::to_string(v.overdue)), text(std::to_string(v.blocked))});
    return t;
  };
  auto count = [&](Tally& t, const Action& a) {
    ++t.all;
    t.done += a.status == "done";
    t.overdue += overdue(a, today);
    t.blocked += a.status == "blocked";
  };

  b.push_back(doc::Heading{2, "By owner", "by-owner"});
  std::map<std::string, Tally> owners;
  for (const auto* a : live) count(owners[a->owner.empty() ? "(no owner yet)" : a->owner], *a);
  if (owners.empty()) b.push_back(none("The plan has no actions."));
  else b.push_back(tally_table(owners, "Owner", "Actions by owner"));

  b.push_back(doc::Heading{2, "By theme", "by-theme"});
  std::map<std::string, Tally> themes;
  for (const auto* a : live)
    for (const auto& id : a->theme_ids) {
      std::string name = id;
      for (const auto& t : d.themes)
        if (t.id == id && !t.label.empty()) name = t.label;
      count(themes[name], *a);
    }
  if (themes.empty()) b.push_back(none("No action is linked to a theme."));
  else b.push_back(tally_table(themes, "Theme", "Actions by theme"));
  return doc;
}

}  // namespace sdiag::progress_report
