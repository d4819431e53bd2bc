// The tidy analysis (runs first): normalises each note's text, drops empty
// notes with a finding (the only removal), and links exact and near
// duplicates to their first note through duplicate_of (nothing is deleted).
#include <algorithm>
#include <map>
#include <set>

#include <sdiag/plugin.hpp>

#include "duplicates.hpp"
#include "normalise.hpp"

namespace {

using namespace sdiag;
using namespace sdiag::tidy;

class Tidy : public Analysis {
 public:
  void analyse(Diagnostic& d, Context& ctx) override {
    std::size_t changed = 0;
    for (auto& n : d.notes) {
      auto clean = normalise_text(n.text);
      if (clean != n.text) ++changed, n.text = std::move(clean);
    }
    if (changed)
      ctx.finding(Severity::info, "", "", std::to_string(changed) + " notes had their whitespace or bullets tidied");
    drop_empty(d, ctx);
    link_duplicates(d, ctx);
  }

 private:
  static void drop_empty(Diagnostic& d, Context& ctx) {
    std::set<std::string> dropped;
    std::vector<Note> kept;
    for (auto& n : d.notes) {
      if (!n.text.empty()) { kept.push_back(std::move(n)); continue; }
      dropped.insert(n.id);
      ctx.finding(Severity::info, n.source.file, n.source.ref.empty() ? n.id : n.source.ref,
                  "empty note " + n.id + " dropped" + (n.section.empty() ? "" : " (section " + n.section + ")"));
    }
    d.notes = std::move(kept);
    if (dropped.empty()) return;
    for (auto& t : d.themes)
      std::erase_if(t.note_ids, [&](const std::string& id) { return dropped.count(id) != 0; });
  }

  // Each link is said up to this many times; past it, one finding counts
  // the rest (each note's duplicate_of still names what it repeats). A
  // workshop has a handful; a board of 100,000 notes had 80,000, a third of
  // the run's memory in findings nobody reads one by one.
  static constexpr std::size_t kLinksSaid = 200;

  static void link_duplicates(Diagnostic& d, Context& ctx) {
    const double threshold = ctx.options().number("near-threshold");
    std::size_t linked = 0;
    // Compared within a section and prompt: the same words under two prompts can be meant.
    std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < d.notes.size(); ++i) groups[{d.notes[i].section, d.notes[i].prompt}].push_back(i);
    for (const auto& [where, members] : groups) {
      std::vector<std::string> keys;
      for (auto i : members) keys.push_back(comparison_key(d.notes[i].text));
      for (const auto& dup : find_duplicates(keys, threshold)) {
        auto& note = d.notes[members[dup.note]];
        const auto& original = d.notes[members[dup.original]];
        if (!note.duplicate_of.empty()) continue;  // set by an earlier run or by hand
        note.duplicate_of = original.id;
        if (++linked > kLinksSaid) continue;
        bool exact = dup.similarity >= 1.0;
        ctx.finding(Severity::info, note.source.file, note.id,
                    note.id + (exact ? " repeats " : " nearly repeats ") + original.id +
                        (exact ? "" : " (similarity " + std::to_string(static_cast<int>(dup.similarity * 100)) + "%)") +
                        "; linked, not removed");
      }
    }
    if (linked > kLinksSaid)
      ctx.finding(Severity::info, "", "", std::to_string(linked - kLinksSaid) +
                  " more notes repeat or nearly repeat another in their section and prompt, linked the same way "
                  "(each note's duplicate_of names the note it repeats); none removed");
  }
};

}  // namespace

SDIAG_PLUGIN(Tidy, .name = "tidy", .kinds = {sdiag::Kind::analysis}, .version = "1.0.0",
             .summary = "Normalises note text, drops empty notes, links exact and near duplicates",
             .options = {
                 {"near-threshold", sdiag::OptionType::number, "0.8",
                  "Character-trigram similarity (0-1) from which two notes are near duplicates (1 = exact only)"},
             })
