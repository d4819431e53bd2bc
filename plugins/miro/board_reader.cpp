#include "board_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include <sdiag/extra_json.hpp>
#include <sdiag/text.hpp>

#include "board_areas.hpp"
#include "board_layout.hpp"
#include "colour_legend.hpp"
#include "html_text.hpp"
#include "section_numbers.hpp"
#include "london_time.hpp"
#include "workshop_date.hpp"

namespace sdiag::miro {

namespace {

using sdiag::Severity;

struct Place {
  std::string section;
  std::string prompt;       ///< set when the area itself names a prompt
  bool container = false;  ///< a frame that only holds sections ("Morning"), not one itself
};

// Headings and captions on a text item are one short line.
constexpr std::size_t kLongestHeadingWords = 12;

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n';
    n += !space && !in_word;
    in_word = !space;
  }
  return n;
}

struct Heading {
  std::string prompt;
  Point at;
};

std::string in_quotes(const std::string& s) {
  constexpr std::size_t max = 60;
  auto line = s.substr(0, s.find('\n'));
  if (line.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    line = line.substr(0, cut) + "…";
  }
  return "'" + line + "'";
}

// A connector end draws an arrow unless its cap is "none".
bool draws_arrow(const std::string& cap) { return !cap.empty() && cap != "none"; }

// Red-ish strokes mark pain points on D2I boards.
bool is_red(const std::string& colour) {
  if (colour.size() < 7 || colour[0] != '#') return colour == "red";
  auto hex = [&](std::size_t at) { return std::stoi(colour.substr(at, 2), nullptr, 16); };
  try {
    int r = hex(1), g = hex(3), b = hex(5);
    return r >= 0xC0 && g < 0x90 && b < 0x90;
  } catch (...) {
    return false;
  }
}

class Reader {
 public:
  Reader(const Board& board, const ReadSettings& s, sdiag::Diagnostic& d, sdiag::Context& ctx)
      : board_(board), s_(s), d_(d), ctx_(ctx), given_(sdiag::text::without_input_sections(d.tmpl)), layout_(board, problems_),
        areas_(layout_, [&](const std::string& title) { return sdiag::text::match_title(given_, title).has_value(); }, problems_) {
    // Sections an earlier input made are joined word for word, like this board's own.
    for (const auto& section : d_.tmpl.sections) {
      section_ids_.insert(section.id);
      if (section.made_by_input) own_sections_[sdiag::text::own_title_key(section.title)] = section.id;
    }
  }

  void run() {
    for (const auto& p : board_.problems) finding(p.severity, p.location, p.message);
    map_areas();
    find_headings_and_legends();
    infer_colour_legends();
    // Room for every note at once: growing a list of 100,000 notes by doubling holds two copies at a time.
    d_.notes.reserve(d_.notes.size() + static_cast<std::size_t>(std::count_if(
        layout_.items().begin(), layout_.items().end(), [](const Item* i) { return i->type != "frame" && i->type != "card"; })));
    for (const auto* item : layout_.items()) read_item(*item);
    read_connectors();
    for (const auto& p : problems_) finding(p.severity, p.location, p.message);
    if (d_.meta.title.empty() && !board_.name.empty()) d_.meta.title = board_.name;
    if (d_.meta.organisation.empty() && !board_.team.empty()) d_.meta.organisation = board_.team;
    for (const auto& p : apply_workshop_date(board_, d_.meta)) finding(p.severity, p.location, p.message);
    finding(Severity::info, "", "read " + std::to_string(notes_) + " notes, " + std::to_string(d_.system_map.nodes.size() - nodes_before_) +
                                    " map nodes, " + std::to_string(edges_) + " map edges and " + std::to_string(actions_) +
                                    " actions from a Miro " + board_.format);
  }

 private:
  void finding(Severity sev, const std::string& location, const std::string& message) {
    ctx_.finding(sev, s_.file, location, message);
  }

  // ---- areas (frames and region shapes) -> sections

  static const char* kind_of(const Item& area) { return area.type == "frame" ? "frame" : "region"; }

  void map_areas() {
    // An area titled like no section that holds areas titled like sections
    // ("Morning" around "Key issues today") is a container, not a section.
    std::set<std::string> holds_sections;
    std::vector<NumberedTitle> titles;
    for (const auto* a : areas_.outside_in()) {
      auto title = html_to_text(a->content);
      area_titles_[a->id] = title.empty() ? "untitled " + std::string(kind_of(*a)) : title;
      titles.push_back({a->id, title});
      if (sdiag::text::match_title(given_, title))
        for (std::string o = areas_.outer(a->id); !o.empty(); o = areas_.outer(o)) holds_sections.insert(o);
    }
    section_by_number_ = sections_by_number(titles, given_);
    for (std::size_t i = 0; i < titles.size(); ++i) {
      const Item& a = *areas_.outside_in()[i];
      const auto& outer = areas_.outer(a.id);
      const Place* around = outer.empty() || places_.at(outer).container ? nullptr : &places_.at(outer);
      places_[a.id] = place_area(a, titles[i].title, around, holds_sections.count(a.id) > 0);
    }
  }

  Place place_area(const Item& f, const std::string& title, const Place* outer, bool holds_sections) {
    const auto& tmpl = d_.tmpl;
    const std::string kind = kind_of(f);
    if (outer && outer->section != sdiag::unsorted_section) {
      if (auto m = sdiag::text::match_prompt(tmpl, outer->section, title)) {
        finding(Severity::info, f.id, kind + " " + in_quotes(title) + " read as the prompt " + in_quotes(prompt_title(m->section, m->prompt)));
        return {m->section, m->prompt};
      }
    }
    if (auto m = sdiag::text::match_title(given_, title)) {
      const auto* section = given_.find_section(m->section);
      finding(Severity::info, f.id,
              kind + " " + in_quotes(title) + " read as the section " + in_quotes(section->title) +
                  (m->prompt.empty() ? "" : ", prompt " + in_quotes(prompt_title(m->section, m->prompt))));
      return {m->section, m->prompt};
    }
    if (auto n = section_by_number_.find(f.id); n != section_by_number_.end()) {
      finding(Severity::info, f.id,
              kind + " " + in_quotes(title) + " read as the section " + in_quotes(tmpl.find_section(n->second)->title) +
                  " by its number: the board's other numbered titles follow the template's order. Rename it if that is wrong");
      return {n->second, ""};
    }
    if (holds_sections) {
      finding(Severity::info, f.id, kind + " " + in_quotes(title) + " holds sections but is not one itself");
      return {sdiag::unsorted_section, "", true};
    }
    if (outer) {
      finding(Severity::info, f.id, kind + " " + in_quotes(title) + " matches no section or prompt; its notes stay with the area around it");
      return *outer;
    }
    if (title.empty()) {
      finding(Severity::warning, f.id, "a " + kind + " has no title; its notes go to 'unsorted'. Give it a section title and run again");
      return {sdiag::unsorted_section, ""};
    }
    // Areas with titles of their own are the same section only when titled
    // alike word for word: close wording is for the template's titles, and
    // "Team Rovers" is not "Team Rivers".
    if (auto same = own_sections_.find(sdiag::text::own_title_key(title)); same != own_sections_.end()) {
      finding(Severity::info, f.id, kind + " " + in_quotes(title) + " read as the section '" + same->second + "'");
      return {same->second, ""};
    }
    auto id = unused_section_id(sdiag::text::slug(title), kind + "-" + f.id);
    own_sections_[sdiag::text::own_title_key(title)] = id;
    d_.tmpl.sections.push_back(sdiag::Section{
        .id = id, .title = title, .phase = "", .prompts = {}, .aliases = {}, .keywords = {}, .made_by_input = true});
    finding(Severity::warning, f.id,
            kind + " " + in_quotes(title) + " matches no section of the template; kept as its own section '" + id +
                "'. Rename the " + kind + ", or add the title as an alias in the template, to map it");
    return {id, ""};
  }

  // A section id for an area's own title: its slug, or `fallback` when it has
  // none, numbered on when another section has it already.
  std::string unused_section_id(const std::string& slug, const std::string& fallback) {
    const std::string base = slug.empty() ? fallback : slug;
    std::string id = base;
    for (int n = 2; section_ids_.count(id); ++n) id = base + "-" + std::to_string(n);
    section_ids_.insert(id);
    return id;
  }

  // Whether a text names `section`: one of the template's, in close wording,
  // or one made for an area's own title, word for word.
  bool names_section(const std::string& text, const std::string& section, double min_score) const {
    if (auto own = own_sections_.find(sdiag::text::own_title_key(text)); own != own_sections_.end()) return own->second == section;
    auto t = sdiag::text::match_title(given_, text, min_score);
    return t && t->section == section && t->prompt.empty();
  }

  const sdiag::Prompt* find_prompt(const std::string& section, const std::string& prompt) const {
    const auto* s = d_.tmpl.find_section(section);
    return s ? s->find_prompt(prompt) : nullptr;
  }

  std::string prompt_title(const std::string& section, const std::string& prompt) const {
    const auto* p = find_prompt(section, prompt);
    return p ? p->title : prompt;
  }

  // ---- text used as headings and colour legends inside an area

  // Headings are text items and shapes; a sticky note heads a column only
  // when it says no more than a prompt's name ("PAIN POINTS"), and stays a note.
  static constexpr double kHeadingScore = 0.85;
  static constexpr double kStickyHeadingScore = 0.98;  // the whole text, not a part ("BI: Lee" is a person)
  static constexpr std::size_t kLongestStickyHeadingWords = 6;

  // A sticky heads a column only when it says a prompt's title or alias and
  // nothing else (a sticky saying "good" is a note, not the heading "The good").
  bool names_prompt_exactly(const std::string& section, const std::string& prompt, const std::string& text) const {
    const auto* p = find_prompt(section, prompt);
    if (!p) return false;
    const auto said = sdiag::text::normalise_title(text);
    if (sdiag::text::normalise_title(p->title) == said) return true;
    return std::any_of(p->aliases.begin(), p->aliases.end(),
                       [&](const std::string& a) { return sdiag::text::normalise_title(a) == said; });
  }

  void find_headings_and_legends() {
    for (const auto* item : layout_.items()) {
      const bool sticky = item->type == "sticky_note";
      if (!(sticky || item->type == "text" || item->type == "shape") || !item->has_data || areas_.is_region(*item) ||
          areas_.area_of(*item).empty())
        continue;
      auto text = html_to_text(item->content);
      if (text.empty() || text.size() > 2000) continue;
      if (read_legend(*item, text) || text.size() > 120) continue;
      if (sticky && word_count(text) > kLongestStickyHeadingWords) continue;
      const auto& area = areas_.area_of(*item);
      const auto& place = places_.at(area);
      auto m = sdiag::text::match_prompt(d_.tmpl, place.section, text, sticky ? kStickyHeadingScore : kHeadingScore);
      if (m && sticky && !names_prompt_exactly(place.section, m->prompt, text)) m.reset();
      if (m) {
        headings_[area].push_back({m->prompt, layout_.centre(*item)});
        if (sticky) heading_sticky_prompt_[item->id] = m->prompt;
        else used_as_heading_.insert(item->id);
        finding(Severity::info, item->id,
                (sticky ? "sticky note " : "text ") + in_quotes(text) + " read as the heading of the prompt " +
                    in_quotes(prompt_title(m->section, m->prompt)) + (sticky ? " (and kept as a note)" : ""));
      } else if (sticky) {
        continue;  // a sticky repeating its area's title is a note
      } else if (names_section(text, place.section, kHeadingScore)) {
        used_as_heading_.insert(item->id);
        finding(Severity::info, item->id, "text " + in_quotes(text) + " read as the title of its " + kind_of(*layout_.find(area)));
      }
    }
  }

  // A legend ("pink = pain points · green = what works well") says which
  // sticky colour means which prompt of its area's section. Meanings are
  // matched to prompts; those that match none take the prompts left, in order,
  // when the legend has one entry per prompt.
  bool read_legend(const Item& item, const std::string& text) {
    auto entries = parse_colour_legend(text);
    if (entries.empty()) return false;
    const auto& area = areas_.area_of(item);
    const auto& place = places_.at(area);
    const auto* section = d_.tmpl.find_section(place.section);
    std::map<std::string, std::string> prompt_of;
    std::vector<std::string> taken, unmatched;
    for (const auto& e : entries) {
      if (auto m = sdiag::text::match_prompt(d_.tmpl, place.section, e.meaning);
          m && std::find(taken.begin(), taken.end(), m->prompt) == taken.end()) {
        prompt_of[e.family] = m->prompt;
        taken.push_back(m->prompt);
      } else {
        unmatched.push_back(e.family);
      }
    }
    if (section && !unmatched.empty() && entries.size() == section->prompts.size()) {
      auto next = unmatched.begin();
      for (const auto& p : section->prompts)
        if (std::find(taken.begin(), taken.end(), p.id) == taken.end() && next != unmatched.end()) prompt_of[*next++] = p.id;
    }
    used_as_heading_.insert(item.id);
    if (prompt_of.empty()) {
      finding(Severity::info, item.id, "text " + in_quotes(text) + " reads as a colour legend, but names no prompt of '" + place.section +
                                           "'; sticky colours are not used there");
      return true;
    }
    std::string said;
    for (const auto& e : entries)
      if (auto it = prompt_of.find(e.family); it != prompt_of.end())
        said += (said.empty() ? "" : ", ") + e.family + " = " + in_quotes(prompt_title(place.section, it->second));
    legends_[area] = std::move(prompt_of);
    finding(Severity::info, item.id, "text " + in_quotes(text) + " read as a colour legend: " + said + "; sticky colour gives the prompt there");
    return true;
  }

  // The prompt the legend gives the note's colour, or a colour next to it.
  std::string prompt_by_colour(const std::map<std::string, std::string>& legend, const Item& item) const {
    auto family = colour_family(item.colour);
    if (family.empty()) return {};
    if (auto it = legend.find(family); it != legend.end()) return it->second;
    if (auto it = legend.find(neighbour_family(family)); it != legend.end()) return it->second;
    return {};
  }

  // The prompt of the heading above the note and nearest to it: headings head
  // columns (same height, nearest across wins) or rows (nearest above wins).
  std::string prompt_by_heading(const std::vector<Heading>& headings, const Item& item) const {
    auto at = layout_.centre(item);
    double tolerance = std::max(item.height / 2, 20.0);
    const Heading* best = nullptr;
    double best_score = 0;
    for (const auto& h : headings) {
      if (h.at.y > at.y + tolerance) continue;
      double score = std::abs(h.at.x - at.x) + 0.5 * std::max(0.0, at.y - h.at.y);
      if (!best || score < best_score) {
        best = &h;
        best_score = score;
      }
    }
    return best ? best->prompt : std::string();
  }

  // The prompt of the note's area: named by the area itself, by a colour
  // legend, or by the nearest heading.
  std::string prompt_of(const Item& item) const {
    if (auto own = heading_sticky_prompt_.find(item.id); own != heading_sticky_prompt_.end()) return own->second;
    for (std::string area = areas_.area_of(item); !area.empty(); area = areas_.outer(area)) {
      const auto& place = places_.at(area);
      if (!place.prompt.empty()) return place.prompt;
      if (auto legend = legends_.find(area); legend != legends_.end())
        if (auto p = prompt_by_colour(legend->second, item); !p.empty()) return p;
      if (auto it = headings_.find(area); it != headings_.end()) return prompt_by_heading(it->second, item);
    }
    return {};
  }

  // Where an area with headings and no legend has colours that plainly
  // follow its headings, colour decides for a note nearer another column's
  // heading (see legend_from_colours).
  void infer_colour_legends() {
    for (const auto& [area, headings] : headings_) {
      if (legends_.count(area)) continue;
      std::vector<ColourSeen> seen;
      for (const auto* item : layout_.items())
        if (item->type == "sticky_note" && areas_.area_of(*item) == area)
          seen.push_back({colour_family(item->colour), prompt_by_heading(headings, *item)});
      auto legend = legend_from_colours(seen);
      if (legend.empty()) continue;
      std::string said;
      for (const auto& [family, prompt] : legend) said += (said.empty() ? "" : ", ") + family + ": " + in_quotes(prompt_title(places_.at(area).section, prompt));
      finding(Severity::info, area, "in " + in_quotes(area_titles_.at(area)) + " sticky colours follow the headings (" + said +
                                        "); a note's colour gives its prompt where it sits nearer another heading");
      legends_[area] = std::move(legend);
    }
  }

  // ---- items

  bool in_map_area(const Item& item) const {
    for (std::string a = areas_.area_of(item); !a.empty(); a = areas_.outer(a))
      if (places_.at(a).section == s_.map_section) return true;
    return false;
  }

  void read_item(const Item& item) {
    if (item.type == "frame" || areas_.is_region(item) || used_as_heading_.count(item.id)) return;
    if (!item.has_data) {
      finding(Severity::warning, item.id,
              "Miro returned this " + (item.type.empty() ? std::string("item") : item.type) +
                  " without its content, so it could not be read; copy its text onto a sticky note if it matters");
      return;
    }
    if (item.type == "card") return read_card(item);
    if (item.type == "sticky_note" || item.type == "text" || item.type == "shape") return read_text_item(item);
    finding(Severity::info, item.id,
            "a " + (item.type.empty() ? std::string("item of unknown type") : item.type) + " holds no text sdiag can read; not used");
  }

  void read_text_item(const Item& item) {
    auto text = html_to_text(item.content);
    bool mapped = in_map_area(item);
    if (text.empty()) {
      if (item.type == "sticky_note")
        finding(Severity::warning, item.id, "an empty sticky note was skipped");
      else
        finding(Severity::info, item.id, "a " + item.type + " without text was skipped");
      return;
    }
    if (mapped && item.type == "shape") {
      add_node(item, text);
      return;
    }
    if (item.type == "text" && is_all_emphasised(item.content) && text.find('\n') == std::string::npos &&
        word_count(text) <= kLongestHeadingWords) {
      finding(Severity::info, item.id, "text " + in_quotes(text) + " is all bold or italic: read as a heading or caption, not a note");
      return;
    }
    add_note(item, text);
  }

  void add_note(const Item& item, const std::string& text) {
    sdiag::Note n;
    n.id = "miro-" + item.id;
    const auto& area = areas_.area_of(item);
    if (area.empty()) {
      n.section = sdiag::unsorted_section;
      finding(Severity::warning, item.id,
              "the " + std::string(item.type == "sticky_note" ? "sticky note " : item.type + " ") + in_quotes(text) +
                  " is outside every frame; it goes to 'unsorted'. Move it into a frame and run again to place it");
    } else if (places_.at(area).container) {
      n.section = sdiag::unsorted_section;
      finding(Severity::warning, item.id,
              "the " + std::string(item.type == "sticky_note" ? "sticky note " : item.type + " ") + in_quotes(text) + " is in " +
                  in_quotes(area_titles_.at(area)) + " but on none of the sections in it; it goes to 'unsorted'. Move it onto a section and run again to place it");
    } else {
      n.section = places_.at(area).section;
      n.prompt = prompt_of(item);
    }
    n.text = text;
    n.colour = item.colour;
    n.author = author(item.created_by);
    for (const auto& t : item.tag_ids) {
      auto it = board_.tag_titles.find(t);
      if (it != board_.tag_titles.end())
        n.tags.push_back(it->second);
      else
        finding(Severity::info, item.id, "tag " + t + " is not in the board's tag list; left off the note");
    }
    if (item.has_position) {
      auto c = layout_.centre(item);
      n.position = sdiag::Position{c.x, c.y, area.empty() ? "" : area_titles_.at(area)};
    }
    n.source = {s_.file, ctx_.plugin(), item.id};
    // A sticky that heads a column is kept, marked, so themes and the report's lists leave it out.
    if (heading_sticky_prompt_.count(item.id)) n.extra["heading"] = "true";  // raw JSON
    d_.notes.push_back(std::move(n));
    ++notes_;
  }

  std::string author(const std::string& user) const {
    auto it = board_.member_names.find(user);
    return it == board_.member_names.end() ? "" : it->second;
  }

  // ---- cards -> actions

  void read_card(const Item& item) {
    auto title = html_to_text(item.content);
    auto description = html_to_text(item.description);
    if (title.empty() && description.empty()) {
      finding(Severity::warning, item.id, "an empty card was skipped");
      return;
    }
    sdiag::Action a;
    a.id = "miro-" + item.id;
    a.text = title.empty() ? description : description.empty() ? title : title + "\n" + description;
    if (!item.assignee_id.empty()) {
      a.owner = author(item.assignee_id);
      if (a.owner.empty())
        finding(Severity::info, item.id, "the card's assignee " + item.assignee_id + " is not among the board members; the owner is left blank");
    }
    if (!item.due_date.empty()) {
      a.due_text = item.due_date;
      if (auto due = due_date_in_london(item.due_date))
        a.due = *due;
      else
        finding(Severity::warning, item.id, "the card's due date " + in_quotes(item.due_date) + " is not a date; kept as written");
    }
    std::vector<std::string> tags;
    for (const auto& t : item.tag_ids)
      if (auto it = board_.tag_titles.find(t); it != board_.tag_titles.end()) tags.push_back(it->second);
    if (!tags.empty()) a.extra["tags"] = sdiag::extra_json(tags);
    const auto& area = areas_.area_of(item);
    if (!area.empty() && !places_.at(area).container) a.extra["section"] = sdiag::extra_json(places_.at(area).section);
    a.source = {s_.file, ctx_.plugin(), item.id};
    d_.actions.push_back(std::move(a));
    ++actions_;
  }

  // ---- the system map

  const sdiag::MapNode& add_node(const Item& item, const std::string& text) {
    if (auto it = node_of_.find(item.id); it != node_of_.end()) return d_.system_map.nodes[it->second];
    sdiag::MapNode node;
    node.id = "node-" + item.id;
    auto newline = text.find('\n');
    node.label = text.substr(0, newline);
    if (newline != std::string::npos) {
      node.capacity = text.substr(newline + 1);
      std::replace(node.capacity.begin(), node.capacity.end(), '\n', ' ');
    }
    node.function = s_.categories.function_of(text);
    node.business_area = s_.categories.business_area_of(text);
    node.source = item.id;
    node_of_[item.id] = d_.system_map.nodes.size();
    d_.system_map.nodes.push_back(std::move(node));
    return d_.system_map.nodes.back();
  }

  // A connector end as a map node: shapes already are; a sticky or text
  // joined by a connector becomes one too (and stays a note).
  const sdiag::MapNode* node_for_end(const Connector& c, const Item& item) {
    if (auto it = node_of_.find(item.id); it != node_of_.end()) return &d_.system_map.nodes[it->second];
    bool joinable = item.has_data && (item.type == "sticky_note" || item.type == "text" || item.type == "shape");
    auto text = joinable ? html_to_text(item.content) : "";
    if (text.empty()) {
      finding(Severity::warning, c.id,
              "the connector joins a " + (item.type.empty() ? std::string("item") : item.type) + " (" + item.id +
                  ") with no text, so the map has no node for it; not a map edge");
      return nullptr;
    }
    return &add_node(item, text);
  }

  bool is_comment(const Item& end) const {
    auto it = lines_at_.find(end.id);
    return end.type == "sticky_note" && it != lines_at_.end() && it->second == 1;
  }

  void read_connectors() {
    for (const auto& c : board_.connectors) {
      ++lines_at_[c.start_id];
      if (c.end_id != c.start_id) ++lines_at_[c.end_id];
    }
    for (const auto& c : board_.connectors) {
      if (c.start_id.empty() || c.end_id.empty()) {
        finding(Severity::warning, c.id, "the connector is not attached at both ends; not a map edge. Attach both ends to a box to map it");
        continue;
      }
      const Item* a = layout_.find(c.start_id);
      const Item* b = layout_.find(c.end_id);
      if (!a || !b) {
        finding(Severity::warning, c.id,
                "the connector points to " + (a ? c.end_id : c.start_id) + ", which is not on the board; not a map edge");
        continue;
      }
      if (!in_map_area(*a) || !in_map_area(*b)) {
        finding(Severity::info, c.id, "the connector is outside the system map's frame or region; not a map edge");
        continue;
      }
      // A sticky note on one line without a caption is a comment pinned to a
      // box ("how many of these get opened?"); a sticky that is a system has
      // flows in and out, or says what flows.
      if (html_to_text(c.caption).empty() && (is_comment(*a) || is_comment(*b))) {
        finding(Severity::info, c.id, "the connector pins a sticky note to the map by one line without a caption: read as a comment on it, not a map edge");
        continue;
      }
      bool start_arrow = draws_arrow(c.start_cap), end_arrow = draws_arrow(c.end_cap);
      // Ids copied at once: adding the second node may move the first.
      const auto* from = node_for_end(c, *a);
      std::string from_id = from ? from->id : "";
      const auto* to = node_for_end(c, *b);
      if (!from || !to) continue;
      std::string to_id = to->id;
      sdiag::MapEdge e;
      if (start_arrow && !end_arrow) std::swap(from_id, to_id);  // drawn backwards: the arrow decides
      e.from = from_id;
      e.to = to_id;
      e.label = html_to_text(c.caption);
      std::replace(e.label.begin(), e.label.end(), '\n', ' ');
      e.pain_point = is_red(c.stroke_colour);
      if (start_arrow && end_arrow) e.extra["direction"] = sdiag::extra_json("both");
      if (!start_arrow && !end_arrow) e.extra["direction"] = sdiag::extra_json("none");
      e.extra["source"] = sdiag::extra_json(c.id);
      d_.system_map.edges.push_back(std::move(e));
      ++edges_;
    }
  }

  const Board& board_;
  const ReadSettings& s_;
  sdiag::Diagnostic& d_;
  sdiag::Context& ctx_;
  const sdiag::Template given_;  ///< the template's own sections: only their titles are matched in close wording
  std::set<std::string> section_ids_;  ///< ids taken, the template's and those made for areas' own titles
  std::map<std::string, std::string> own_sections_;  ///< own title (see own_title_key) -> the section made for it
  std::vector<Problem> problems_;
  BoardLayout layout_;
  BoardAreas areas_;
  std::map<std::string, Place> places_;
  std::map<std::string, std::string> area_titles_;
  std::map<std::string, std::string> section_by_number_;  ///< area id -> section its number points to
  std::map<std::string, std::vector<Heading>> headings_;
  std::map<std::string, std::map<std::string, std::string>> legends_;  ///< area -> colour family -> prompt
  std::set<std::string> used_as_heading_;
  std::map<std::string, std::string> heading_sticky_prompt_;  ///< a sticky heading's own prompt
  std::map<std::string, std::size_t> node_of_;
  std::map<std::string, int> lines_at_;  ///< item id -> connectors attached to it
  std::size_t nodes_before_ = d_.system_map.nodes.size();
  std::size_t notes_ = 0, edges_ = 0, actions_ = 0;
};

}  // namespace

void read_board(const Board& board, const ReadSettings& settings, sdiag::Diagnostic& into, sdiag::Context& ctx) {
  Reader(board, settings, into, ctx).run();
}

}  // namespace sdiag::miro
