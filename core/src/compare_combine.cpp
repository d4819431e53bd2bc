#include "compare_combine.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include <sdiag/extra_json.hpp>

namespace sdiag::core {

std::string council_letter(std::size_t index) {
  std::string letters;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return "Council " + letters;
}

Diagnostic combine(std::vector<CouncilDiagnostic> parts) {
  Diagnostic all;
  nlohmann::json councils = nlohmann::json::array();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto& part = parts[i];
    auto& d = part.diagnostic;
    const std::string prefix = "c" + std::to_string(i + 1) + ":";
    const std::string council = extra_json(part.council);
    auto id = [&](std::string& s) {
      if (!s.empty()) s = prefix + s;
    };
    auto ids = [&](std::vector<std::string>& v) { std::for_each(v.begin(), v.end(), id); };

    if (i == 0) all.tmpl = d.tmpl;
    for (auto& p : d.people) {
      id(p.id);
      p.extra["council"] = council;
      all.people.push_back(std::move(p));
    }
    for (auto& n : d.notes) {
      id(n.id);
      id(n.duplicate_of);
      n.extra["council"] = council;
      all.notes.push_back(std::move(n));
    }
    for (auto& node : d.system_map.nodes) {
      id(node.id);
      node.extra["council"] = council;
      all.system_map.nodes.push_back(std::move(node));
    }
    for (auto& e : d.system_map.edges) {
      id(e.from);
      id(e.to);
      e.extra["council"] = council;
      all.system_map.edges.push_back(std::move(e));
    }
    for (auto& t : d.themes) {
      id(t.id);
      ids(t.note_ids);
      id(t.example_note_id);
      t.extra["council"] = council;
      all.themes.push_back(std::move(t));
    }
    for (auto& g : d.goals) {
      id(g.id);
      ids(g.theme_ids);
      id(g.note_id);
      g.extra["council"] = council;
      all.goals.push_back(std::move(g));
    }
    for (auto& a : d.actions) {
      id(a.id);
      ids(a.theme_ids);
      ids(a.goal_ids);
      id(a.note_id);
      a.extra["council"] = council;
      all.actions.push_back(std::move(a));
    }
    nlohmann::json redaction = nlohmann::json::object();
    if (auto r = d.meta.extra.find("redaction"); r != d.meta.extra.end()) redaction = nlohmann::json::parse(r->second);
    councils.push_back({{"council", part.council}, {"title", d.meta.title}, {"date", d.meta.date},
                        {"file", part.path}, {"sha256", part.sha256}, {"notes", d.notes.size()},
                        {"themes", d.themes.size()}, {"actions", d.actions.size()},
                        {"findings_in_input", d.findings.size()}, {"redaction", redaction}});
    all.meta.sources.push_back(Source{part.path, "diagnostic", part.sha256, "json"});
    if (d.meta.date > all.meta.date) all.meta.date = d.meta.date;
  }
  all.meta.template_id = all.tmpl.id;
  all.meta.title = "Comparison of " + std::to_string(parts.size()) + " councils' data service diagnostics";
  all.meta.extra["councils"] = councils.dump();
  return all;
}

}  // namespace sdiag::core
