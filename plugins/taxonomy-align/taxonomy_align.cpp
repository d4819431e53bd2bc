// taxonomy-align: gives every theme that has no taxonomy id (a diagnostic made
// before the taxonomy, or a theme a facilitator named by hand) the taxonomy
// theme its notes point to, matched as the clustering matches (libs/textmatch:
// most of the notes, two or more), and else the one its label and keywords
// name; and gives every note, and every action, the taxonomy theme its words point to. `sdiag
// compare` runs it on each diagnostic so themes line up across councils.
#include <unordered_map>

#include <sdiag/extra_json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/textmatch/analyser.hpp>
#include <sdiag/textmatch/data_file.hpp>
#include <sdiag/textmatch/taxonomy.hpp>

namespace {

using namespace sdiag;
using namespace sdiag::textmatch;

/// The plugin that marks a theme it matched, so a report can say which were matched this way.
constexpr const char* matched_by = "taxonomy-align";

void name_theme(Theme& t, const TaxonomyTheme& named) {
  t.extra["taxonomy_id"] = extra_json(named.id);
  t.extra["taxonomy_dimension"] = extra_json(named.dimension);
  t.extra["taxonomy_matched"] = extra_json(matched_by);
}

class TaxonomyAlign : public Analysis {
 public:
  void analyse(Diagnostic& d, Context& ctx) override {
    const auto vocabulary = load_data_files<Vocabulary>(ctx, "vocabulary", "vocabulary");
    const auto taxonomy = load_data_files<Taxonomy>(ctx, "taxonomy", "theme taxonomy");
    if (taxonomy.empty()) {
      ctx.finding(Severity::warning, "", "taxonomy", "no theme taxonomy could be read, so no theme was matched to one");
      return;
    }
    Analyser analyser(vocabulary);
    const TaxonomyMatcher matcher(taxonomy, analyser);
    const double share = ctx.options().number("share");

    std::unordered_map<std::string, std::vector<Token>> words;  // by note id
    for (const auto& n : d.notes) words.emplace(n.id, analyser.analyse(n.text));

    std::size_t matched = 0;
    std::unordered_map<std::string, std::string> theme_of_note;  // note id -> taxonomy id, from its theme
    for (auto& t : d.themes) {
      if (!t.extra.count("taxonomy_id")) {
        std::vector<const std::vector<Token>*> group;
        for (const auto& id : t.note_ids)
          if (auto w = words.find(id); w != words.end()) group.push_back(&w->second);
        int which = matcher.theme_of_group(group, share);
        if (which < 0) {
          std::string named = t.label;
          for (const auto& k : t.keywords) named += " " + k;
          which = matcher.main_theme_of(analyser.analyse(named));
        }
        if (which < 0) continue;
        name_theme(t, taxonomy.themes()[static_cast<std::size_t>(which)]);
        ++matched;
      }
      for (const auto& id : t.note_ids) theme_of_note.emplace(id, t.extra.at("taxonomy_id"));
    }
    for (auto& n : d.notes) {
      if (n.extra.count("taxonomy_id")) continue;
      int which = matcher.main_theme_of(words.at(n.id));
      if (which >= 0) n.extra["taxonomy_id"] = extra_json(taxonomy.themes()[static_cast<std::size_t>(which)].id);
      else if (auto t = theme_of_note.find(n.id); t != theme_of_note.end()) n.extra["taxonomy_id"] = t->second;
    }
    // An action no theme links to the taxonomy is read by its own words.
    for (auto& a : d.actions) {
      if (a.extra.count("taxonomy_id")) continue;
      int which = matcher.main_theme_of(analyser.analyse(a.text));
      if (which >= 0) a.extra["taxonomy_id"] = extra_json(taxonomy.themes()[static_cast<std::size_t>(which)].id);
    }
    ctx.info(std::to_string(matched) + " themes matched to the taxonomy");
  }
};

}  // namespace

SDIAG_PLUGIN(TaxonomyAlign, .name = "taxonomy-align", .kinds = {sdiag::Kind::analysis}, .version = "1.0.0",
             .summary = "Themes and notes without a taxonomy id matched to the theme taxonomy, as the clustering matches",
             .options = {
                 {"taxonomy", sdiag::OptionType::list, "vocabulary/themes.json",
                  "Theme taxonomies (relative to the templates folder, or absolute paths)"},
                 {"vocabulary", sdiag::OptionType::list, "vocabulary/abbreviations.json",
                  "Abbreviation vocabularies the notes are read with"},
                 {"share", sdiag::OptionType::number, "0.5",
                  "Share of a theme's notes that must point to a taxonomy theme for it to take that theme"},
             })
