#include <sdiag/model/diagnostic.hpp>
#include <sdiag/plugin.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace sdiag {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

std::optional<Severity> severity_from_string(const std::string& s) {
  if (s == "info") return Severity::info;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

const char* to_string(Kind k) {
  switch (k) {
    case Kind::input: return "input";
    case Kind::analysis: return "analysis";
    case Kind::layout: return "layout";
    case Kind::output: return "output";
  }
  return "?";
}

std::string InputFile::extension() const {
  auto e = path.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

void append_content(Diagnostic& into, Diagnostic from) {
  auto append = [](auto& to, auto& more) { to.insert(to.end(), std::make_move_iterator(more.begin()),
                                                     std::make_move_iterator(more.end())); };
  append(into.people, from.people);
  append(into.notes, from.notes);
  append(into.system_map.nodes, from.system_map.nodes);
  append(into.system_map.edges, from.system_map.edges);
  append(into.themes, from.themes);
  append(into.goals, from.goals);
  append(into.actions, from.actions);
  append(into.findings, from.findings);
  into.narrative.merge(from.narrative);
}

}  // namespace sdiag
