// The cluster analysis: groups the notes of the chosen sections into themes.
#include <algorithm>
#include <map>
#include <set>

#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "clusterer.hpp"
#include "manual_themes.hpp"
#include "section_filter.hpp"

namespace {

using namespace sdiag;
using namespace sdiag::cluster;

std::string label_of(const std::vector<std::string>& keywords) {
  std::string label;
  for (std::size_t i = 0; i < keywords.size() && i < 3; ++i) label += (i ? ", " : "") + keywords[i];
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 32);
  return label;
}

std::string id_list(const std::vector<std::string>& ids, std::size_t shown = 10) {
  std::string s;
  for (std::size_t i = 0; i < ids.size() && i < shown; ++i) s += (i ? ", " : "") + ids[i];
  if (ids.size() > shown) s += " and " + std::to_string(ids.size() - shown) + " more";
  return s;
}

Vocabulary load_vocabulary(Context& ctx) {
  Vocabulary v;
  for (const auto& entry : ctx.options().list("vocabulary")) {
    std::filesystem::path p(entry);
    if (p.is_relative()) p = ctx.data_dir() / p;
    try {
      v.load(p);
    } catch (const std::exception& e) {
      ctx.finding(Severity::warning, p.string(), "", std::string("vocabulary not used: ") + e.what());
    }
  }
  return v;
}

class Cluster : public Analysis {
 public:
  void analyse(Diagnostic& d, Context& ctx) override {
    std::vector<std::string> unknown;
    SectionFilter filter(ctx.options().list("sections"), d.tmpl, unknown);
    for (const auto& u : unknown)
      ctx.finding(Severity::warning, "", "sections", "'" + u + "' is not a section or prompt of the template '" +
                                                         d.tmpl.id + "'; notes filed under it are still grouped");
    std::vector<const Note*> selected;
    for (const auto& n : d.notes)
      if (filter.matches(n)) selected.push_back(&n);

    auto manual = place_manual(d, selected, ctx.options().boolean("tags-as-themes"),
                               ctx.options().boolean("frames-as-themes"));
    join_duplicates_to_manual(selected, manual);
    std::vector<const Note*> rest;
    for (const Note* n : selected)
      if (!manual.placed.count(n->id)) rest.push_back(n);

    std::set<std::string> taken;
    for (const auto& t : manual.themes) taken.insert(t.id);
    std::vector<Theme> clustered = cluster_rest(rest, taken, ctx);

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

  static std::vector<Theme> cluster_rest(const std::vector<const Note*>& notes, std::set<std::string>& taken,
                                         Context& ctx) {
    std::vector<Theme> themes;
    if (notes.empty()) return themes;
    MethodOptions o;
    o.merge_threshold = ctx.options().number("merge-threshold");
    o.attach_threshold = ctx.options().number("attach-threshold");
    o.max_clusters = static_cast<int>(std::max(0LL, ctx.options().integer("max-themes")));
    o.keywords = static_cast<std::size_t>(std::clamp(ctx.options().integer("keywords"), 1LL, 20LL));
    Vocabulary vocabulary = load_vocabulary(ctx);
    std::vector<std::string> texts;
    for (const Note* n : notes) texts.push_back(n->text);
    Clustering c = cluster_texts(texts, vocabulary, o);

    std::vector<std::string> alone;
    for (const auto& info : c.clusters) {
      Theme t;
      t.example_note_id = notes[info.medoid]->id;
      // Named after its most central note: stable while the notes are.
      t.id = unique_id("t-" + t.example_note_id, taken);
      taken.insert(t.id);
      t.keywords = info.keywords;
      t.label = label_of(info.keywords);
      t.origin = "cluster";
      t.confidence = info.cohesion;
      for (auto i : info.members) t.note_ids.push_back(notes[i]->id);
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
             .summary = "Groups issue notes into themes (TF-IDF, average-link clustering, c-TF-IDF labels)",
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
                 {"tags-as-themes", sdiag::OptionType::boolean, "true", "A note's tag makes a manual theme"},
                 {"frames-as-themes", sdiag::OptionType::boolean, "true",
                  "A frame named as a theme (not a template section) makes a manual theme"},
             })
