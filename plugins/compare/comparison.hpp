// What recurs across councils' diagnostics, from one combined diagnostic
// whose notes, themes, actions, nodes and people each carry extra "council"
// (as `sdiag compare` combines them): the comparison model the
// compare-report layout and the compare-workbook output read from
// meta.extra["comparison"]. Its shape is described in plugins/compare/README.md.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/textmatch/analyser.hpp>
#include <sdiag/textmatch/taxonomy.hpp>

namespace sdiag::compare {

struct Settings {
  std::vector<std::string> works_well;   ///< prompt or section ids of what works well
  std::vector<std::string> pain_points;  ///< prompt or section ids of problems
  std::string change_theme;              ///< taxonomy id of "reports wait on IT or the supplier"
  std::size_t examples = 3;              ///< example notes per theme
};

/// @param analyser reads node labels to find the systems the vocabulary knows.
nlohmann::json compare(const Diagnostic& combined, const textmatch::Taxonomy& taxonomy, textmatch::Analyser& analyser,
                       const textmatch::Vocabulary& vocabulary, const Settings& settings, std::time_t now);

/// The council an item of a combined diagnostic belongs to ("" when none).
std::string council_of(const Extra& extra);

}  // namespace sdiag::compare
