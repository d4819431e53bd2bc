#include "executive_summary.hpp"

#include <algorithm>

namespace castlebrook {

namespace {

using namespace sdiag::doc;

std::string count(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<const sdiag::Theme*> top_themes(const sdiag::Diagnostic& d, std::size_t n) {
  std::vector<const sdiag::Theme*> themes;
  for (const auto& t : d.themes) themes.push_back(&t);
  std::stable_sort(themes.begin(), themes.end(),
                   [](const auto* a, const auto* b) { return a->note_ids.size() > b->note_ids.size(); });
  if (themes.size() > n) themes.resize(n);
  return themes;
}

std::vector<Block> executive_summary(const sdiag::Diagnostic& d) {
  std::vector<Block> out;
  out.push_back(Heading{1, "At a glance", summary_id});

  const auto present = static_cast<std::size_t>(
      std::count_if(d.people.begin(), d.people.end(), [](const auto& p) { return p.present; }));
  std::string people = count(present, "colleague", "colleagues") + " took part";
  if (present < d.people.size())
    people += "; " + count(d.people.size() - present, "other was", "others were") + " invited but not there";
  out.push_back(Paragraph::plain(people + ". Between them they wrote " + count(d.notes.size(), "note", "notes") + "."));

  if (d.themes.empty()) {
    out.push_back(Paragraph::plain("The notes have not been grouped into themes yet.", style::note));
  } else {
    const auto top = top_themes(d, 3);
    out.push_back(Paragraph::plain("We grouped what was said into " + count(d.themes.size(), "theme", "themes") +
                                   (top.size() == 1 ? ". The one raised most often:" : ". Those raised most often:")));
    List list{.numbered = true};
    for (const auto* t : top)
      list.items.push_back({Paragraph::plain(t->label + " (" + count(t->note_ids.size(), "note", "notes") + ")")});
    out.push_back(std::move(list));
  }

  const auto owned = static_cast<std::size_t>(
      std::count_if(d.actions.begin(), d.actions.end(), [](const auto& a) { return !a.owner.empty(); }));
  if (d.actions.empty())
    out.push_back(Paragraph::plain("No actions were agreed on the day.", style::note));
  else
    out.push_back(Paragraph::plain("We agreed " + count(d.actions.size(), "action", "actions") + "; " +
                                   std::to_string(owned) + " of them " + (owned == 1 ? "has" : "have") +
                                   " a named owner."));
  return out;
}

void insert_at_top(Document& doc, std::vector<Block> summary) {
  auto first = std::find_if(doc.blocks.begin(), doc.blocks.end(),
                            [](const Block& b) { return std::holds_alternative<Heading>(b); });
  doc.blocks.insert(first, std::make_move_iterator(summary.begin()), std::make_move_iterator(summary.end()));
}

}  // namespace castlebrook
