#include "comparison.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <sdiag/dates/calendar.hpp>
#include <sdiag/dates/iso.hpp>

namespace sdiag::compare {

namespace {

using nlohmann::json;
using Councils = std::set<std::string>;

std::string extra_string(const Extra& extra, const char* key) {
  auto it = extra.find(key);
  if (it == extra.end()) return {};
  auto j = json::parse(it->second, nullptr, false);
  return j.is_string() ? j.get<std::string>() : std::string();
}

bool in(const std::vector<std::string>& ids, const Note& n) {
  return std::find(ids.begin(), ids.end(), n.prompt) != ids.end() ||
         std::find(ids.begin(), ids.end(), n.section) != ids.end();
}

json list(const Councils& c) { return json(std::vector<std::string>(c.begin(), c.end())); }

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct ThemeTally {
  Councils councils;
  Councils matched_here;  // councils where taxonomy-align named the theme
  std::map<std::string, std::size_t> notes;  // per council
  std::vector<std::pair<std::string, std::string>> examples;  // council, text
};

}  // namespace

std::string council_of(const Extra& extra) { return extra_string(extra, "council"); }

json compare(const Diagnostic& d, const textmatch::Taxonomy& taxonomy, textmatch::Analyser& analyser,
             const textmatch::Vocabulary& vocabulary, const Settings& s, std::time_t now) {
  const std::string today = dates::iso(dates::utc_date(now));
  json out;
  // The councils, in the order they were given.
  std::vector<std::string> councils;
  std::string first, last;
  json profile = json::object(), redacted = json::object();
  if (auto it = d.meta.extra.find("councils"); it != d.meta.extra.end()) {
    for (const auto& c : json::parse(it->second)) {
      councils.push_back(c.value("council", ""));
      std::string date = c.value("date", "");
      if (!date.empty() && (first.empty() || date < first)) first = date;
      if (!date.empty() && date > last) last = date;
      const json counts = c["redaction"].value("counts", json::object());
      for (const auto& [kind, n] : counts.items())
        redacted[kind] = redacted.value(kind, 0) + n.get<std::size_t>();
      if (profile.empty() && c.contains("redaction")) profile = {{"name", c["redaction"].value("profile", "")},
                                                                 {"summary", c["redaction"].value("summary", "")},
                                                                 {"omitted", c["redaction"].value("omitted", json::array())}};
    }
  }
  out["councils"] = councils;
  out["first_date"] = first;
  out["last_date"] = last;
  out["profile"] = profile;
  out["redacted"] = redacted;

  // Themes by taxonomy id: who raised them (a theme of theirs, or two notes or more).
  std::map<std::string, ThemeTally> tally;
  std::unordered_map<std::string, std::string> taxonomy_of_theme;  // combined theme id -> taxonomy id
  json not_in_taxonomy = json::array(), matched_here = json::array();
  for (const auto& t : d.themes) {
    const auto council = council_of(t.extra);
    const auto id = extra_string(t.extra, "taxonomy_id");
    if (id.empty()) {
      not_in_taxonomy.push_back({{"council", council}, {"label", t.label}});
      continue;
    }
    taxonomy_of_theme[t.id] = id;
    tally[id].councils.insert(council);
    if (extra_string(t.extra, "taxonomy_matched") == "taxonomy-align") {
      tally[id].matched_here.insert(council);
      matched_here.push_back({{"council", council}, {"label", t.label}, {"taxonomy_id", id}});
    }
  }
  std::map<std::string, Councils> works_well, pains;  // taxonomy id -> councils
  for (const auto& n : d.notes) {
    const auto id = extra_string(n.extra, "taxonomy_id");
    if (id.empty() || !n.duplicate_of.empty()) continue;
    const auto council = council_of(n.extra);
    auto& t = tally[id];
    if (++t.notes[council] >= 2) t.councils.insert(council);
    if (in(s.works_well, n)) works_well[id].insert(council);
    if (in(s.pain_points, n)) pains[id].insert(council);
  }
  // Examples: pain points first, then any note but what works well; one per council.
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& n : d.notes) {
      const auto id = extra_string(n.extra, "taxonomy_id");
      if (id.empty() || n.text.empty() || !n.duplicate_of.empty() || in(s.works_well, n) || in(s.pain_points, n) != (pass == 0))
        continue;
      const auto council = council_of(n.extra);
      auto& t = tally[id];
      bool seen = std::any_of(t.examples.begin(), t.examples.end(), [&](const auto& e) { return e.first == council; });
      if (!seen && t.examples.size() < s.examples) t.examples.emplace_back(council, n.text);
    }

  std::vector<json> themes;
  std::map<std::string, std::pair<Councils, std::vector<std::string>>> by_dimension;
  for (const auto& th : taxonomy.themes()) {
    auto it = tally.find(th.id);
    if (it == tally.end() || it->second.councils.empty()) continue;
    const auto& t = it->second;
    std::size_t notes = 0;
    json per_council = json::object();
    for (const auto& [c, n] : t.notes) notes += n, per_council[c] = n;
    json examples = json::array();
    for (const auto& [c, text] : t.examples) examples.push_back({{"council", c}, {"text", text}});
    themes.push_back({{"id", th.id}, {"name", th.name}, {"dimension", th.dimension}, {"councils", list(t.councils)},
                      {"notes", notes}, {"notes_by_council", per_council}, {"examples", examples},
                      {"matched_by_taxonomy_align", list(t.matched_here)}});
    auto& dim = by_dimension[th.dimension];
    dim.first.insert(t.councils.begin(), t.councils.end());
    dim.second.push_back(th.id);
  }
  std::stable_sort(themes.begin(), themes.end(), [](const json& a, const json& b) {
    if (a["councils"].size() != b["councils"].size()) return a["councils"].size() > b["councils"].size();
    return a["notes"].get<std::size_t>() > b["notes"].get<std::size_t>();
  });
  out["themes"] = themes;
  out["not_in_taxonomy"] = not_in_taxonomy;
  out["matched_by_taxonomy_align"] = matched_here;
  std::vector<json> dimensions;
  for (const auto& [dim, v] : by_dimension)
    dimensions.push_back({{"dimension", dim}, {"councils", list(v.first)}, {"themes", v.second}});
  std::stable_sort(dimensions.begin(), dimensions.end(),
                   [](const json& a, const json& b) { return a["councils"].size() > b["councils"].size(); });
  out["dimensions"] = dimensions;

  // The system landscape: the systems the vocabulary names in each node's label (else the label).
  std::map<std::string, std::pair<Councils, std::set<std::string>>> systems;  // name -> councils, functions
  std::map<std::string, Councils> reporting_owners;
  for (const auto& node : d.system_map.nodes) {
    const auto council = council_of(node.extra);
    std::set<std::string> names;
    for (const auto& t : analyser.analyse(node.label))
      if (textmatch::Vocabulary::is_term(t.stem) && vocabulary.is_system(t.stem)) names.insert(t.surface);
    if (names.empty() && !node.label.empty()) names.insert(node.label);
    for (const auto& n : names) {
      systems[n].first.insert(council);
      if (!node.function.empty()) systems[n].second.insert(node.function);
    }
    if (lower(node.function).find("reporting") != std::string::npos && !node.business_area.empty())
      reporting_owners[node.business_area].insert(council);
  }
  std::vector<json> system_list;
  for (const auto& [name, v] : systems)
    system_list.push_back({{"name", name}, {"councils", list(v.first)},
                           {"functions", std::vector<std::string>(v.second.begin(), v.second.end())}});
  std::stable_sort(system_list.begin(), system_list.end(),
                   [](const json& a, const json& b) { return a["councils"].size() > b["councils"].size(); });
  out["systems"] = system_list;
  json owners = json::array();
  for (const auto& [area, c] : reporting_owners) owners.push_back({{"business_area", area}, {"councils", list(c)}});
  out["reporting_owners"] = owners;

  // Changing a report waits on an IT ticket or the supplier: the councils that raised that theme,
  // and, where their words are kept, which of the two they named.
  Councils wait_it, wait_supplier;
  for (const auto& n : d.notes) {
    if (extra_string(n.extra, "taxonomy_id") != s.change_theme) continue;
    const auto text = lower(n.text);
    if (text.find("ticket") != std::string::npos || text.find("service desk") != std::string::npos ||
        text.find(" it ") != std::string::npos)
      wait_it.insert(council_of(n.extra));
    if (text.find("supplier") != std::string::npos || text.find("vendor") != std::string::npos)
      wait_supplier.insert(council_of(n.extra));
  }
  auto change = tally.find(s.change_theme);
  out["report_changes_wait"] = {{"theme", s.change_theme},
                                {"councils", change == tally.end() ? json::array() : list(change->second.councils)},
                                {"it_ticket", list(wait_it)},
                                {"supplier", list(wait_supplier)}};

  // Actions, by theme, with their status where plans were tracked.
  Councils tracked;
  json actions = json::array();
  struct Count { std::size_t all = 0, done = 0, in_progress = 0, overdue = 0; Councils councils; };
  std::map<std::string, Count> by_theme;
  for (const auto& a : d.actions) {
    const auto council = council_of(a.extra);
    if (!a.updates.empty()) tracked.insert(council);
    const bool open = a.status != "done" && a.status != "dropped";
    const bool overdue = open && !a.due.empty() && a.due < today;
    std::set<std::string> ids;
    for (const auto& t : a.theme_ids)
      if (auto it = taxonomy_of_theme.find(t); it != taxonomy_of_theme.end()) ids.insert(it->second);
    if (ids.empty())  // its own words, as taxonomy-align read them
      if (auto own = extra_string(a.extra, "taxonomy_id"); !own.empty()) ids.insert(own);
    actions.push_back({{"council", council}, {"id", a.id}, {"text", a.text}, {"owner", a.owner}, {"due", a.due},
                       {"status", a.status}, {"overdue", overdue}, {"themes", std::vector<std::string>(ids.begin(), ids.end())},
                       {"updates", a.updates.size()}});
    for (const auto& id : ids.empty() ? std::set<std::string>{""} : ids) {
      auto& c = by_theme[id];
      ++c.all;
      c.done += a.status == "done";
      c.in_progress += a.status == "in progress";
      c.overdue += overdue;
      c.councils.insert(council);
    }
  }
  out["actions"] = actions;
  out["tracked_councils"] = list(tracked);
  std::vector<json> action_themes;
  for (const auto& [id, c] : by_theme) {
    std::string name = id.empty() ? "Not linked to a taxonomy theme" : id;
    for (const auto& th : taxonomy.themes())
      if (th.id == id) name = th.name;
    action_themes.push_back({{"id", id}, {"name", name}, {"actions", c.all}, {"done", c.done}, {"in_progress", c.in_progress},
                             {"overdue", c.overdue}, {"councils", list(c.councils)}});
  }
  std::stable_sort(action_themes.begin(), action_themes.end(),
                   [](const json& a, const json& b) { return a["actions"].get<std::size_t>() > b["actions"].get<std::size_t>(); });
  out["actions_by_theme"] = action_themes;

  // What one council has that another asked for: its "works well" meets another's pain point.
  json offers = json::array();
  for (const auto& th : taxonomy.themes()) {
    auto has = works_well.find(th.id);
    auto asks = pains.find(th.id);
    if (has == works_well.end() || asks == pains.end()) continue;
    Councils askers;
    for (const auto& c : asks->second)
      if (!has->second.count(c)) askers.insert(c);
    if (!askers.empty())
      offers.push_back({{"theme", th.id}, {"name", th.name}, {"works_well", list(has->second)}, {"asked_by", list(askers)}});
  }
  out["offers"] = offers;
  return out;
}

}  // namespace sdiag::compare
