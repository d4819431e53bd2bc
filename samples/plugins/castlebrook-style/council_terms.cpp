#include "council_terms.hpp"

#include <variant>

namespace castlebrook {

const std::map<std::string, std::string>& council_terms() {
  // Agreed with Castlebrook's Children's Services leadership team: the words
  // their staff and members already use in board papers.
  static const std::map<std::string, std::string> terms = {
      {"contributors", "Who took part"},
      {"dcs-view", "Our Director's view today"},
      {"system-mapping", "Our data landscape"},
      {"system-overview", "How our data fits together"},
      {"works-well", "What is working for us"},
      {"where-key-issues", "Where we are getting stuck"},
      {"key-issues-by-theme", "Our challenges, theme by theme"},
      {"problems-to-solve", "Problems we will solve"},
      {"relationships", "People who make it work"},
      {"target-outputs", "Where we want to be"},
      {"next-steps", "How we get there"},
      {"service-model", "Our future data service"},
      {"immediate-actions", "Our first steps"},
      {"ideas", "Ideas for later"},
      {"appendix-notes", "Annex A: everything that was said"},
      {"appendix-findings", "Annex B: gaps in the record"},
  };
  return terms;
}

std::size_t use_council_terms(sdiag::doc::Document& doc) {
  const auto& terms = council_terms();
  std::size_t renamed = 0;
  for (auto& block : doc.blocks) {
    if (auto* h = std::get_if<sdiag::doc::Heading>(&block)) {
      // Annex A repeats the sections as "appendix-<id>": same words there.
      const std::string prefix = "appendix-";
      auto key = h->id.starts_with(prefix) && !terms.count(h->id) ? h->id.substr(prefix.size()) : h->id;
      if (auto term = terms.find(key); term != terms.end()) {
        h->text = term->second;
        ++renamed;
      }
    } else if (auto* c = std::get_if<sdiag::doc::Contents>(&block)) {
      c->title = "In this report";
    }
  }
  return renamed;
}

}  // namespace castlebrook
