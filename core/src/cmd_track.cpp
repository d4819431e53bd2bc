// sdiag track PLAN.xlsx: read back an action plan people have updated,
// merge it into the diagnostic, and write the updated diagnostic.json, a
// refreshed plan and a progress report. The reading and merging are the xlsx
// plugin's (loaded as an input, like any other); this file only orders the
// steps and lays out the progress report.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <spdlog/spdlog.h>

#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>

#include "commands.hpp"
#include "sha256.hpp"
#include "paths.hpp"
#include "registry.hpp"

namespace sdiag::core {

namespace {

namespace fs = std::filesystem;

struct Failure : std::runtime_error {
  int code;
  Failure(const std::string& m, int c) : std::runtime_error(m), code(c) {}
};

std::string slurp(const fs::path& p, std::uintmax_t limit) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) throw Failure(p.string() + ": cannot read: " + ec.message(), 1);
  if (size > limit) throw Failure(p.string() + ": is " + std::to_string(size >> 20) + " MiB; too big for this", 1);
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) throw Failure(p.string() + ": cannot read", 1);
  return s.str();
}

// ---- dates: the model's are ISO, so strings compare as dates.
std::string iso_day(std::time_t t, int plus_days = 0) {
  using namespace std::chrono;
  auto day = floor<days>(system_clock::from_time_t(t)) + days(plus_days);
  year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string uk(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// ---- the progress report
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

doc::Document progress_report(const Diagnostic& d, const std::string& plan_name, const std::string& today) {
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
  b.push_back(text("Read back from " + plan_name + " on " + uk(today) + ": " + std::to_string(live.size()) +
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

// ---- running plugins
struct Outputs {
  std::vector<fs::path> written;
  bool failed = false;
};

void write_with(const Registry& reg, const std::string& plugin, const std::string& file, const Diagnostic& d,
                const doc::Document& report, const fs::path& out_dir, std::vector<Finding>& findings, Outputs& o,
                bool required) {
  const auto* lp = reg.find(plugin);
  bool has_file_option = false;
  if (lp)
    for (const auto& spec : lp->handle.info().options) has_file_option = has_file_option || spec.name == "file";
  if (!lp || !lp->handle.is(Kind::output) || (!required && !has_file_option)) {
    if (required) {
      std::cerr << "sdiag: the " << plugin << " output plugin is not installed; " << file << " was not written\n";
      o.failed = true;
    }
    return;
  }
  try {
    Context ctx(plugin, resolve_options(lp->handle.info(), {{"file", file}}), findings);
    ctx.set_data_dir(data_dir());
    ctx.set_output_dir(out_dir);
    auto w = lp->handle.output()->write(d, &report, ctx);
    o.written.insert(o.written.end(), w.begin(), w.end());
  } catch (const std::exception& e) {
    std::cerr << "sdiag: " << file << ": " << plugin << " failed: " << e.what() << "\n";
    o.failed = true;
  }
}

}  // namespace

int cmd_track(const GlobalOptions& g, const TrackArgs& a) {
  try {
    Registry reg;
    reg.load(Registry::folders(g.plugin_dirs));
    for (const auto& r : reg.refused()) spdlog::warn("refused {}", r.reason);
    const auto* xlsx = reg.find("xlsx");
    if (!xlsx || !xlsx->handle.is(Kind::input) || !xlsx->handle.is(Kind::output))
      throw Failure("the xlsx plugin is not installed, so action plans cannot be read ('sdiag plugins' lists them)", 1);

    // Where things go. The user's file is only replaced when asked.
    const fs::path out_dir = a.in_place ? a.plan.parent_path().empty() ? fs::path(".") : a.plan.parent_path() : a.output_dir;
    const std::string plan_name = a.in_place ? a.plan.filename().string() : "action-plan.xlsx";
    std::error_code ec;
    if (!a.in_place && fs::equivalent(out_dir / plan_name, a.plan, ec))
      throw Failure(a.plan.string() + ": the refreshed plan would replace it; pass --in-place to allow that, or "
                    "choose another folder with -o",
                    2);

    Diagnostic d;
    std::vector<Finding> findings;
    if (!a.diagnostic.empty()) {
      auto text = slurp(a.diagnostic, 256u << 20);
      try {
        d = diagnostic_from_json(text, findings);
      } catch (const InputError& e) {
        throw Failure(a.diagnostic.string() + (e.location().empty() ? "" : ":" + e.location()) + ": " + e.what(), 1);
      }
    } else {
      spdlog::info("no --diagnostic: the plan alone is read; its actions start the record");
    }

    // Read the whole plan first: nothing is written before it was read in full.
    InputFile plan{a.plan, slurp(a.plan, 64u << 20)};
    const std::string today = iso_day(reproducible_now());
    {
      Context ctx("xlsx", resolve_options(xlsx->handle.info(), {}), findings);
      ctx.set_data_dir(data_dir());
      ctx.set_output_dir(out_dir);
      try {
        xlsx->handle.input()->read(plan, d, ctx);
      } catch (const InputError& e) {
        throw Failure(a.plan.string() + (e.location().empty() ? "" : ":" + e.location()) + ": " + e.what(), 1);
      } catch (const std::exception& e) {
        throw Failure(a.plan.string() + ": cannot be read: " + e.what(), 1);
      }
    }
    d.meta.sources.push_back(Source{a.plan.string(), "action-plan", sha256_hex(plan.bytes), "xlsx"});
    d.findings.insert(d.findings.end(), findings.begin(), findings.end());
    for (const auto& f : findings)
      if (f.severity != Severity::info)
        std::cerr << "sdiag: " << f.source << (f.location.empty() ? "" : ":" + f.location) << ": " << f.message << "\n";
    findings.clear();

    fs::create_directories(out_dir, ec);
    if (ec) throw Failure("cannot create the output folder " + out_dir.string() + ": " + ec.message(), 1);
    auto report = progress_report(d, a.plan.filename().string(), today);
    Outputs o;
    write_with(reg, "json", "diagnostic.json", d, report, out_dir, findings, o, true);
    write_with(reg, "xlsx", plan_name, d, report, out_dir, findings, o, true);
    write_with(reg, "markdown", "progress.md", d, report, out_dir, findings, o, true);
    write_with(reg, "docx", "progress.docx", d, report, out_dir, findings, o, false);
    write_with(reg, "pdf", "progress.pdf", d, report, out_dir, findings, o, false);
    for (const auto& f : findings)
      if (f.severity != Severity::info) std::cerr << "sdiag: " << f.message << " [" << f.plugin << "]\n";

    std::cerr << "sdiag: wrote";
    for (const auto& w : o.written) std::cerr << " " << w.string();
    std::cerr << "\n";
    return o.failed ? 1 : 0;
  } catch (const Failure& e) {
    std::cerr << "sdiag: " << e.what() << "\n";
    return e.code;
  } catch (const OptionError& e) {
    std::cerr << "sdiag: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace sdiag::core
