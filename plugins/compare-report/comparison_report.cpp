#include "comparison_report.hpp"

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>

namespace sdiag::compare_report {

namespace {

using nlohmann::json;
using doc::Paragraph;

Paragraph text(std::string s) { return Paragraph::plain(std::move(s)); }
Paragraph none(const std::string& s) { return Paragraph::plain(s, doc::style::note); }

std::string uk(const std::string& iso) {
  auto d = dates::parse_iso(iso);
  return d ? dates::uk_long(*d) : iso;
}

std::string joined(const json& names, std::size_t shown = 8) {
  std::string s;
  std::size_t i = 0;
  for (const auto& n : names) {
    if (i == shown) return s + " and " + std::to_string(names.size() - shown) + " more";
    s += (i++ ? ", " : "") + n.get<std::string>();
  }
  return s;
}

std::string of(std::size_t n, std::size_t all) { return std::to_string(n) + " of " + std::to_string(all); }

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

doc::Document comparison_report(const json& c, const std::string& title) {
  if (!c.is_object() || !c.contains("councils"))
    throw std::runtime_error("no comparison to lay out: run the compare analysis first (sdiag compare does)");
  const std::size_t all = c["councils"].size();
  doc::Document d;
  d.meta.title = title;
  d.meta.subject = "What recurs across councils' data service diagnostics";
  d.meta.date = c.value("last_date", "");
  d.meta.keywords = {"data service diagnostic", "comparison", "children's services"};
  auto& b = d.blocks;
  b.push_back(doc::Heading{1, title, "comparison"});

  // How many councils, when, and what was redacted.
  std::string when = c.value("first_date", "").empty() ? std::string()
                     : c["first_date"] == c["last_date"] ? " held on " + uk(c["first_date"])
                     : " held between " + uk(c["first_date"]) + " and " + uk(c["last_date"]);
  b.push_back(text("This report compares the diagnostics of " + plural(all, "council", "councils") + when + ": " +
                   joined(c["councils"], 30) + "."));
  const auto& profile = c["profile"];
  std::string counts;
  for (const auto& [kind, n] : c["redacted"].items()) counts += (counts.empty() ? "" : ", ") + std::to_string(n.get<std::size_t>()) + " " + kind;
  b.push_back(text("Each diagnostic was redacted by the '" + profile.value("name", "") + "' profile before they were combined (" +
                   profile.value("summary", "") + "). Items redacted: " + (counts.empty() ? "none found" : counts) +
                   ". Redaction lowers the risk of sharing; it does not make the record anonymous, and it should "
                   "be shared only with the audience the profile is for."));
  if (!profile.value("omitted", json::array()).empty())
    b.push_back(text("Left out entirely by the profile: " + joined(profile["omitted"]) + "."));

  b.push_back(doc::Heading{2, "Themes most councils share", "shared-themes"});
  b.push_back(text("The themes of the taxonomy, ranked by how many councils raised them (a theme of theirs, or two "
                   "notes or more, points to it)."));
  if (c["themes"].empty()) b.push_back(none("No theme of the taxonomy was raised."));
  else {
    doc::Table t;
    t.caption = "Taxonomy themes by the number of councils that raised them";
    t.header = {text("Theme"), text("Maturity dimension"), text("Councils"), text("Notes")};
    t.widths = {5, 4, 2, 1};
    for (const auto& th : c["themes"])
      t.rows.push_back({text(th["name"]), text(th["dimension"]), text(of(th["councils"].size(), all)),
                        text(std::to_string(th["notes"].get<std::size_t>()))});
    b.push_back(t);
    for (const auto& th : c["themes"]) {
      if (th["councils"].size() < 2 || th["examples"].empty()) continue;
      b.push_back(doc::Heading{3, th["name"].get<std::string>() + " (" + of(th["councils"].size(), all) + " councils)",
                               "theme-" + th["id"].get<std::string>()});
      doc::List examples;
      for (const auto& e : th["examples"])
        examples.items.push_back({text(e["council"].get<std::string>() + ": " + e["text"].get<std::string>())});
      b.push_back(examples);
    }
  }
  if (!c["matched_by_taxonomy_align"].empty()) {
    doc::List l;
    for (const auto& m : c["matched_by_taxonomy_align"])
      l.items.push_back({text(m["council"].get<std::string>() + ": '" + m["label"].get<std::string>() + "' as " +
                              m["taxonomy_id"].get<std::string>())});
    b.push_back(text("These themes had no taxonomy id (older diagnostics, or themes named by hand) and were matched "
                     "to the taxonomy from their notes' words, as the clustering matches:"));
    b.push_back(l);
  }
  if (!c["not_in_taxonomy"].empty())
    b.push_back(text(plural(c["not_in_taxonomy"].size(), "theme matches no theme of the taxonomy and is",
                            "themes match no theme of the taxonomy and are") + " counted only in the record."));

  b.push_back(doc::Heading{2, "Themes by maturity dimension", "dimensions"});
  if (c["dimensions"].empty()) b.push_back(none("No theme of the taxonomy was raised."));
  else {
    doc::Table t;
    t.caption = "Local Government Data Maturity Model dimensions by the number of councils with a theme in them";
    t.header = {text("Dimension"), text("Councils"), text("Themes raised")};
    t.widths = {4, 2, 2};
    for (const auto& dim : c["dimensions"])
      t.rows.push_back({text(dim["dimension"]), text(of(dim["councils"].size(), all)),
                        text(std::to_string(dim["themes"].size()))});
    b.push_back(t);
  }

  b.push_back(doc::Heading{2, "The system landscape", "systems"});
  if (c["systems"].empty()) b.push_back(none("No diagnostic mapped its systems."));
  else {
    doc::Table t;
    t.caption = "Systems, tools and teams on the councils' system maps";
    t.header = {text("System or team"), text("Councils"), text("What it does")};
    t.widths = {3, 2, 5};
    for (const auto& s : c["systems"])
      t.rows.push_back({text(s["name"]), text(of(s["councils"].size(), all)), text(joined(s["functions"]))});
    b.push_back(t);
  }
  if (!c["reporting_owners"].empty()) {
    doc::List l;
    for (const auto& o : c["reporting_owners"])
      l.items.push_back({text(o["business_area"].get<std::string>() + ": " + of(o["councils"].size(), all) + " councils")});
    b.push_back(text("Who owns reporting (the business area of the nodes that maintain and develop reports):"));
    b.push_back(l);
  }
  const auto& wait = c["report_changes_wait"];
  b.push_back(text(of(wait["councils"].size(), all) + " councils said a change to a report waits on IT or the "
                   "supplier; where their words were kept, " + std::to_string(wait["it_ticket"].size()) +
                   " named an IT ticket and " + std::to_string(wait["supplier"].size()) + " the supplier."));

  b.push_back(doc::Heading{2, "Actions by theme", "actions"});
  const std::size_t tracked = c["tracked_councils"].size();
  b.push_back(text(plural(c["actions"].size(), "action", "actions") + " agreed; " +
                   (tracked ? of(tracked, all) + " councils tracked their plan (" + joined(c["tracked_councils"]) + ")"
                            : std::string("no council has tracked its plan yet, so statuses are as agreed")) + "."));
  if (!c["actions_by_theme"].empty()) {
    doc::Table t;
    t.caption = "Actions by taxonomy theme and status";
    t.header = {text("Theme"), text("Councils"), text("Actions"), text("Done"), text("In progress"), text("Overdue")};
    t.widths = {5, 2, 1, 1, 1, 1};
    for (const auto& a : c["actions_by_theme"])
      t.rows.push_back({text(a["name"]), text(std::to_string(a["councils"].size())), text(std::to_string(a["actions"].get<std::size_t>())),
                        text(std::to_string(a["done"].get<std::size_t>())), text(std::to_string(a["in_progress"].get<std::size_t>())),
                        text(std::to_string(a["overdue"].get<std::size_t>()))});
    b.push_back(t);
  }

  b.push_back(doc::Heading{2, "What one council has that another asked for", "offers"});
  if (c["offers"].empty()) b.push_back(none("No council's 'works well' meets another's pain point."));
  else {
    doc::List l;
    for (const auto& o : c["offers"])
      l.items.push_back({text(o["name"].get<std::string>() + ": works well at " + joined(o["works_well"]) + "; " +
                              joined(o["asked_by"]) + " named it as a pain point.")});
    b.push_back(l);
  }
  return d;
}

}  // namespace sdiag::compare_report
