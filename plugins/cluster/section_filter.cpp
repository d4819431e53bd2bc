#include "section_filter.hpp"

#include <algorithm>

#include <sdiag/text.hpp>

namespace sdiag::cluster {

SectionFilter::SectionFilter(const std::vector<std::string>& entries, const Template& tmpl,
                             std::vector<std::string>& unknown) {
  for (const auto& raw : entries) {
    std::string e = text::trim(raw);
    if (e == "*") { all_ = true; continue; }
    auto slash = e.find('/');
    std::string section = text::trim(e.substr(0, slash));
    std::string prompt = slash == std::string::npos ? "" : text::trim(e.substr(slash + 1));
    if (prompt == "*") prompt.clear();
    wanted_.emplace_back(section, prompt);
    if (section == unsorted_section) continue;
    const Section* s = tmpl.find_section(section);
    bool known = s && (prompt.empty() || std::any_of(s->prompts.begin(), s->prompts.end(),
                                                     [&](const Prompt& p) { return p.id == prompt; }));
    // An empty template (a plain list of notes) knows no sections: nothing to warn about.
    if (!known && !tmpl.sections.empty()) unknown.push_back(e);
  }
}

bool SectionFilter::matches(const Note& note) const {
  if (all_) return true;
  return std::any_of(wanted_.begin(), wanted_.end(), [&](const auto& w) {
    return w.first == note.section && (w.second.empty() || w.second == note.prompt);
  });
}

}  // namespace sdiag::cluster
