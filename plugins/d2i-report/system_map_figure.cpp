#include "system_map_figure.hpp"

#include <map>
#include <set>

namespace d2i {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The words a screen reader says instead of the picture.
std::string alt_text(const sdiag::SystemMap& map) {
  std::map<std::string, std::size_t> by_area;
  for (const auto& n : map.nodes) ++by_area[n.business_area.empty() ? "other" : n.business_area];
  std::string s = "Data system map: " + plural(map.nodes.size(), "resource", "resources") + " in " +
                  plural(by_area.size(), "business area", "business areas") + " (";
  bool first = true;
  for (const auto& [area, count] : by_area) {
    s += (first ? "" : "; ") + area + ": " + std::to_string(count);
    first = false;
  }
  s += "), joined by " + plural(map.edges.size(), "connection", "connections");
  std::size_t pain = 0;
  for (const auto& e : map.edges) pain += e.pain_point ? 1 : 0;
  if (pain) s += ", " + std::to_string(pain) + " of them marked as pain points";
  s += ".";
  std::map<std::string, std::string> label;
  for (const auto& n : map.nodes) label[n.id] = n.label;
  std::size_t listed = 0;
  for (const auto& e : map.edges) {
    if (listed == 6) break;
    if (!label.count(e.from) || !label.count(e.to)) continue;
    s += std::string(listed ? " " : " Main flows: ") + label[e.from] + " to " + label[e.to] +
         (e.label.empty() ? "" : " (" + e.label + ")") + (e.pain_point ? ", a pain point" : "") + ";";
    ++listed;
  }
  if (listed) s.back() = '.';
  s += " The table of resources and connections below gives the same information.";
  return s;
}

}  // namespace

std::optional<sdiag::doc::Figure> system_map_figure(const sdiag::SystemMap& map) {
  if (map.nodes.empty()) return std::nullopt;
  sdiag::doc::Figure f;
  f.id = "system-map";
  f.alt = alt_text(map);
  f.caption = "The data system as mapped in the workshop";
  return f;
}

}  // namespace d2i
