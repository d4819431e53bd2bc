// Which notes the cluster analysis groups: a comma list of "section" (every
// prompt of it) or "section/prompt", by template id; "*" means every note.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::cluster {

class SectionFilter {
 public:
  /// Entries naming neither a template section nor "unsorted" are kept (a
  /// board may still use them) and returned in `unknown` for a finding.
  SectionFilter(const std::vector<std::string>& entries, const Template& tmpl, std::vector<std::string>& unknown);
  bool matches(const Note& note) const;

 private:
  bool all_ = false;
  std::vector<std::pair<std::string, std::string>> wanted_;  // section, prompt ("" = any)
};

}  // namespace sdiag::cluster
