// The cluster analysis: groups the notes of the chosen sections into themes.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <sdiag/extra_json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "clusterer.hpp"
#include "manual_themes.hpp"
#include "markers.hpp"
#include "textmatch.hpp"
#include "section_filter.hpp"
#include "specific_term.hpp"

namespace {

using namespace sdiag;
using namespace sdiag::cluster;

// A cluster with no phrase (its words all weigh nothing) is headed by its first keyword.
std::string heading_of(const ClusterInfo& info) {
  std::string label = !info.phrase.empty() ? info.phrase : info.keywords.empty() ? "Unsorted" : info.keywords.front();
  if (label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 32);
  return label;
}

std::string id_list(const std::vector<std::string>& ids, std::size_t shown = 10) {
  std::string s;
  for (std::size_t i = 0; i < ids.size() && i < shown; ++i) s += (i ? ", " : "") + ids[i];
  if (ids.size() > shown) s += " and " + std::to_string(ids.size() - shown) + " more";
  return s;
}

// Whole themes a facilitator would keep for this many notes: about 6-10 for
// a workshop's 30-60 issue notes, fewer for a small board (1.2 x sqrt n).
std::size_t facilitator_theme_count(std::size_t notes) {
  return std::clamp<std::size_t>(static_cast<std::size_t>(std::lround(1.2 * std::sqrt(double(notes)))), 2, 10);
}

class Cluster : public Analysis {
 public:
  void analyse(Diagnostic& d, Context& ctx) override {
    std::vector<std::string> unknown;
    SectionFilter filter(ctx.options().list("sections"), d.tmpl, unknown);
    for (const auto& u : unknown)
      ctx.finding(Severity::warning, "", "sections", "'" + u + "' is not a section or prompt of the template '" +
                                                         d.tmpl.id + "'; notes filed under it are still grouped");
    const auto markers = load_data_files<Markers>(ctx, "markers", "marker list");
    const auto vocabulary = load_data_files<Vocabulary>(ctx, "vocabulary", "vocabulary");
    const auto taxonomy = load_data_files<Taxonomy>(ctx, "taxonomy", "theme taxonomy");
    mark_notes(d, markers);
    Analyser analyser(vocabulary);
    const TaxonomyMatcher matcher(taxonomy, analyser);
    std::vector<const Note*> selected;
    std::vector<std::string> noise, housekeeping, not_issues;
    for (const auto& n : d.notes) {
      if (!filter.matches(n)) continue;
      // A facilitator said so (`sdiag serve`, or by hand): "not_an_issue": true.
      auto said = n.extra.find("not_an_issue");
      if (said != n.extra.end() && said->second == "true") not_issues.push_back(n.id);
      else if (markers.is_noise(n.text) || n.extra.count("heading")) noise.push_back(n.id);
      else if (markers.is_housekeeping(n.text) && matcher.themes_of(analyser.analyse(n.text)).empty())
        housekeeping.push_back(n.id);
      else selected.push_back(&n);
    }
    // Out of any theme it was in, the facilitator's own included.
    for (auto& t : d.themes)
      std::erase_if(t.note_ids, [&](const std::string& id) {
        return std::find(not_issues.begin(), not_issues.end(), id) != not_issues.end();
      });
    if (!not_issues.empty())
      ctx.finding(Severity::info, "", id_list(not_issues),
                  std::to_string(not_issues.size()) + " notes were marked as not an issue and join no theme; "
                  "remove \"not_an_issue\" from them to group them again");
    if (!noise.empty())
      ctx.finding(Severity::info, "", id_list(noise),
                  std::to_string(noise.size()) + " notes are not workshop content ('test' and the like) and join no "
                  "theme; they stay in the appendix. Add a word to them, or edit the noise list of the markers "
                  "file, to group them");
    if (!housekeeping.empty())
      ctx.finding(Severity::info, "", id_list(housekeeping),
                  std::to_string(housekeeping.size()) + " notes are about the day's arrangements (wifi, lunch and "
                  "the like) and join no theme; they stay in the appendix. Edit the housekeeping list of the "
                  "markers file to group them");

    auto manual = place_manual(d, selected, ctx.options().boolean("tags-as-themes"),
                               ctx.options().boolean("frames-as-themes"), markers);
    join_duplicates_to_manual(selected, manual);
    std::vector<const Note*> rest;
    for (const Note* n : selected)
      if (!manual.placed.count(n->id)) rest.push_back(n);

    std::set<std::string> taken;
    for (const auto& t : manual.themes) taken.insert(t.id);
    const auto wanted = ctx.options().integer("themes");
    std::size_t target = wanted < 0 ? 0 : wanted > 0 ? static_cast<std::size_t>(wanted)
                                                     : facilitator_theme_count(selected.size());
    if (target > 0) target = std::max<std::size_t>(1, target > manual.themes.size() ? target - manual.themes.size() : 1);
    // Every note of the board, for the names of systems some note writes as names.
    std::vector<std::string> board_texts;
    for (const auto& n : d.notes) board_texts.push_back(n.text);
    std::vector<Theme> clustered = cluster_rest(rest, taken, target, board_texts, vocabulary, taxonomy, ctx);

    d.themes = std::move(manual.themes);
    d.themes.insert(d.themes.end(), clustered.begin(), clustered.end());
    std::size_t made = d.themes.size() - manual.kept;
    ctx.info(std::to_string(selected.size()) + " notes: " + std::to_string(manual.kept) + " themes kept, " +
             std::to_string(made) + " made");
  }

 private:
  // A near-duplicate follows its original into a manual theme.
  static void join_duplicates_to_manual(const std::vector<const Note*>& selected, ManualPlacement& manual) {
    for (const Note* n : selected) {
      if (n->duplicate_of.empty() || manual.placed.count(n->id) || !manual.placed.count(n->duplicate_of)) continue;
      for (auto& t : manual.themes)
        if (std::find(t.note_ids.begin(), t.note_ids.end(), n->duplicate_of) != t.note_ids.end()) {
          t.note_ids.push_back(n->id);
          manual.placed.insert(n->id);
          break;
        }
    }
  }

  // Each note's marker tags, recorded so the report shows them beside it.
  static void mark_notes(Diagnostic& d, const Markers& markers) {
    for (auto& n : d.notes) {
      std::vector<std::string> found;
      for (const auto& tag : n.tags)
        if (markers.is_marker(tag)) found.push_back(text::collapse_whitespace(tag));
      if (!found.empty()) n.extra["markers"] = extra_json(found);
      else n.extra.erase("markers");
    }
  }

  // Two clusters that point to the same taxonomy theme are one theme.
  static bool join_same_taxonomy(std::vector<Theme>& themes, const std::string& id, const Theme& t) {
    const auto key = extra_json(id);
    for (auto& into : themes) {
      auto it = into.extra.find("taxonomy_id");
      if (it == into.extra.end() || it->second != key) continue;
      const double a = static_cast<double>(into.note_ids.size()), b = static_cast<double>(t.note_ids.size());
      into.confidence = (into.confidence * a + t.confidence * b) / (a + b);
      into.note_ids.insert(into.note_ids.end(), t.note_ids.begin(), t.note_ids.end());
      return true;
    }
    return false;
  }

  static std::vector<Theme> cluster_rest(const std::vector<const Note*>& notes, std::set<std::string>& taken,
                                         std::size_t target, const std::vector<std::string>& board_texts,
                                         const Vocabulary& vocabulary, const Taxonomy& taxonomy, Context& ctx) {
    std::vector<Theme> themes;
    if (notes.empty()) return themes;
    MethodOptions o;
    o.merge_threshold = ctx.options().number("merge-threshold");
    o.attach_threshold = ctx.options().number("attach-threshold");
    o.max_clusters = static_cast<int>(std::max(0LL, ctx.options().integer("max-themes")));
    o.keywords = static_cast<std::size_t>(std::clamp(ctx.options().integer("keywords"), 1LL, 20LL));
    o.target_clusters = target;
    o.taxonomy = &taxonomy;
    o.context = &board_texts;
    std::vector<std::string> texts;
    for (const Note* n : notes) texts.push_back(n->text);
    Clustering c = cluster_texts(texts, vocabulary, o);

    std::vector<std::string> alone;
    for (const auto& info : c.clusters) {
      Theme t;
      t.example_note_id = notes[info.medoid]->id;
      t.keywords = info.keywords;
      t.origin = "cluster";
      t.confidence = info.cohesion;
      for (auto i : info.members) t.note_ids.push_back(notes[i]->id);
      if (info.other) {
        t.id = unique_id("t-other", taken);
        t.label = "Other points";
      } else if (info.taxonomy >= 0) {
        // Named by the taxonomy, so diagnostics can be compared theme by theme.
        const auto& named = taxonomy.themes()[static_cast<std::size_t>(info.taxonomy)];
        if (join_same_taxonomy(themes, named.id, t)) continue;
        t.id = unique_id(named.id, taken);
        // Its generic slot holds the system the notes name: "Hard to report from CaseLink".
        const auto with_term = heading_with_term(named.with_term, info.term);
        t.label = with_term.empty() ? named.name : with_term;
        t.extra["taxonomy_id"] = extra_json(named.id);
        t.extra["taxonomy_dimension"] = extra_json(named.dimension);
        t.extra["phrase_label"] = extra_json(heading_of(info));
      } else {
        // Named after its most central note: stable while the notes are.
        t.id = unique_id("t-" + t.example_note_id, taken);
        t.label = heading_of(info);
      }
      taken.insert(t.id);
      if (t.note_ids.size() == 1) alone.push_back(t.note_ids.front());
      themes.push_back(std::move(t));
    }
    std::vector<std::string> wordless;
    for (std::size_t i = 0; i < notes.size(); ++i)
      if (c.label[i] < 0) wordless.push_back(notes[i]->id);
    if (!wordless.empty()) {
      Theme t;
      t.id = unique_id("t-unsorted", taken);
      t.label = "Unsorted";
      t.origin = "cluster";
      t.note_ids = wordless;
      t.example_note_id = wordless.front();
      themes.push_back(std::move(t));
      ctx.finding(Severity::info, "", id_list(wordless),
                  std::to_string(wordless.size()) + " notes have no words to group by (only stop words, numbers "
                  "or symbols); they are in the theme 'Unsorted'");
    }
    if (!alone.empty())
      ctx.finding(Severity::info, "", id_list(alone),
                  std::to_string(alone.size()) + " notes share no theme with any other note; each stands alone");
    ctx.finding(Severity::info, "", "",
                "grouped " + std::to_string(notes.size()) + " notes into " + std::to_string(c.clusters.size()) +
                    " themes (silhouette cut " + std::to_string(c.k_cut) + ", then close themes merged" +
                    (c.sampled ? "; large input: tree built on a sample, the rest placed by nearest theme" : "") +
                    ")");
    return themes;
  }
};

}  // namespace

SDIAG_PLUGIN(Cluster, .name = "cluster", .kinds = {sdiag::Kind::analysis}, .version = "1.0.0",
             .summary = "Groups issue notes into themes (TF-IDF, average-link clustering) named as a facilitator would",
             .options = {
                 {"sections", sdiag::OptionType::list, "key_issues/pain_points,key_issues/problems,ideas,unsorted",
                  "Notes to group: section or section/prompt ids, comma-separated; * for all"},
                 {"vocabulary", sdiag::OptionType::list, "vocabulary/abbreviations.json",
                  "Abbreviation vocabularies (relative to the templates folder, or absolute paths)"},
                 {"merge-threshold", sdiag::OptionType::number, "0.1",
                  "Merge themes whose c-TF-IDF vectors have a cosine above this (1 = never)"},
                 {"attach-threshold", sdiag::OptionType::number, "0.05",
                  "A note left alone joins the theme it is most like when their mean cosine is above this (1 = never)"},
                 {"max-themes", sdiag::OptionType::integer, "0",
                  "Most themes the clustering may cut (0 = up to 2 x square root of the notes)"},
                 {"keywords", sdiag::OptionType::integer, "5", "Keywords kept per theme"},
                 {"themes", sdiag::OptionType::integer, "0",
                  "Themes to aim for, tags and frames included (0 = as a facilitator would: 1.2 x square root of the "
                  "notes, 2 to 10; negative = as the clustering cuts); notes left alone share 'Other points'"},
                 {"taxonomy", sdiag::OptionType::list, "vocabulary/themes.json",
                  "Theme taxonomies: a theme that most notes of a cluster point to names it (empty = none)"},
                 {"markers", sdiag::OptionType::list, "vocabulary/markers.json",
                  "Marker lists: tags that mark a note's status (parked, quick win, votes) make no theme"},
                 {"tags-as-themes", sdiag::OptionType::boolean, "true", "A note's tag makes a manual theme"},
                 {"frames-as-themes", sdiag::OptionType::boolean, "true",
                  "A frame named as a theme (not a template section) makes a manual theme"},
             })
