// compare: what recurs across many councils' diagnostics, combined (and
// redacted) by `sdiag compare`: themes ranked by how many councils raised
// them, by maturity dimension, the system landscape, actions by theme and
// status, and what one council has that another asked for. The model goes
// into meta.extra["comparison"] for the compare-report layout and the
// compare-workbook output (and the combined record).
#include <algorithm>

#include <sdiag/plugin.hpp>
#include <sdiag/textmatch/data_file.hpp>

#include "comparison.hpp"

namespace {

using namespace sdiag;

class Compare : public Analysis {
 public:
  void analyse(Diagnostic& d, Context& ctx) override {
    const auto vocabulary = textmatch::load_data_files<textmatch::Vocabulary>(ctx, "vocabulary", "vocabulary");
    const auto taxonomy = textmatch::load_data_files<textmatch::Taxonomy>(ctx, "taxonomy", "theme taxonomy");
    textmatch::Analyser analyser(vocabulary);
    compare::Settings s;
    s.works_well = ctx.options().list("works-well");
    s.pain_points = ctx.options().list("pain-points");
    s.change_theme = ctx.options().str("change-theme");
    s.examples = static_cast<std::size_t>(std::max(0LL, ctx.options().integer("examples")));
    d.meta.extra["comparison"] = compare::compare(d, taxonomy, analyser, vocabulary, s, ctx.now()).dump();
  }
};

}  // namespace

SDIAG_PLUGIN(Compare, .name = "compare", .kinds = {sdiag::Kind::analysis}, .version = "1.0.0",
             .summary = "What recurs across councils' combined diagnostics: shared themes, systems, actions and offers",
             .options = {
                 {"taxonomy", sdiag::OptionType::list, "vocabulary/themes.json", "Theme taxonomies the themes are named by"},
                 {"vocabulary", sdiag::OptionType::list, "vocabulary/abbreviations.json",
                  "Abbreviation vocabularies: the systems they mark name the system landscape"},
                 {"works-well", sdiag::OptionType::list, "best_things", "Prompt or section ids of what works well"},
                 {"pain-points", sdiag::OptionType::list, "pain_points,problems", "Prompt or section ids of problems"},
                 {"change-theme", sdiag::OptionType::string, "report-changes-wait",
                  "Taxonomy id of the theme 'changing a report waits on IT or the supplier'"},
                 {"examples", sdiag::OptionType::integer, "3", "Example notes shown per theme"},
             })
