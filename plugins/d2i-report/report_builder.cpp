#include "report_builder.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>
#include <sdiag/text.hpp>

#include "markdown_blocks.hpp"
#include "method_roles.hpp"
#include "system_map_figure.hpp"

namespace sdiag::d2i_report {

namespace {

using namespace sdiag;
using namespace sdiag::doc;

/// "2026-02-10" -> "10 February 2026"; anything else unchanged.
std::string long_date(const std::string& iso) {
  auto d = dates::parse_iso(iso);
  return d ? dates::uk_long(*d) : iso;
}

/// "2026-03-31" -> "31 Mar 2026" (for tables); anything else unchanged.
std::string short_date(const std::string& iso) {
  auto d = dates::parse_iso(iso);
  return d ? dates::uk_short(*d) : iso;
}

std::string capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

class Builder {
 public:
  Builder(const Diagnostic& d, const ReportOptions& o) : d_(d), o_(o) {
    for (const auto& n : d.notes) by_id_[n.id] = &n;
  }

  Document build() {
    cover();
    contributors();
    dcs_view();
    system_mapping();
    key_issues();
    relationships();
    target_outputs();
    service_model();
    actions();
    ideas();
    other_sections();
    if (o_.appendix) appendix();
    source_notes();
    return std::move(doc_);
  }

 private:
  // ---- small pieces -------------------------------------------------------
  void heading(int level, const std::string& text, const std::string& id = {}) {
    doc_.blocks.push_back(Heading{level, text, id.empty() ? text::slug(text) : id});
  }
  void para(const std::string& s, const std::string& style = {}) { doc_.blocks.push_back(Paragraph::plain(s, style)); }
  void missing(const std::string& s) { para(s, style::note); }
  void bullets(const std::vector<std::string>& items) {
    if (items.empty()) return;
    List l;
    for (const auto& i : items) l.items.push_back(ListItem{Paragraph::plain(i), 0});
    doc_.blocks.push_back(std::move(l));
  }
  /// The facilitator's own words for `key`, if any; returns whether there were some.
  bool narrative(const std::string& key, int level) {
    auto it = d_.narrative.find(key);
    if (it == d_.narrative.end() || text::trim(it->second).empty()) return false;
    for (auto& b : markdown_to_blocks(it->second, level)) doc_.blocks.push_back(std::move(b));
    return true;
  }
  std::string section_title(const std::string& id, const std::string& fallback) const {
    const auto* s = d_.tmpl.find_section(id);
    return s && !s->title.empty() ? s->title : fallback;
  }
  bool has_section(const std::string& id) const { return d_.tmpl.find_section(id) != nullptr; }
  std::string prompt_title(const std::string& section, const std::string& prompt) const {
    const auto* s = d_.tmpl.find_section(section);
    const auto* p = s ? s->find_prompt(prompt) : nullptr;
    return p ? p->title : prompt;
  }
  /// Notes of a section (and prompt, when given), duplicates and column headings
  /// ("PAIN POINTS" on a sticky, marked by the input) left out.
  std::vector<const Note*> notes(const std::string& section, const std::string* prompt = nullptr) const {
    std::vector<const Note*> out;
    for (const auto& n : d_.notes)
      if (n.section == section && (!prompt || n.prompt == *prompt) && n.duplicate_of.empty() && !n.extra.count("heading"))
        out.push_back(&n);
    return out;
  }
  std::vector<std::string> texts(const std::vector<const Note*>& ns) const {
    std::vector<std::string> out;
    for (const auto* n : ns) out.push_back(n->text);
    return out;
  }
  void note_list(const std::string& section, const std::string* prompt = nullptr) { bullets(texts(notes(section, prompt))); }

  // ---- sections -----------------------------------------------------------
  void cover() {
    const auto& m = d_.meta;
    doc_.meta.title = m.title.empty() ? "Data service diagnostic" : m.title;
    doc_.meta.organisation = m.organisation;
    doc_.meta.author = m.facilitator;
    doc_.meta.date = m.date;
    doc_.meta.subject = "Data service diagnostic report" + (m.organisation.empty() ? "" : ": " + m.organisation);
    doc_.meta.subtitle = m.organisation.empty() ? m.service : m.organisation + (m.service.empty() ? "" : ", " + m.service);
    doc_.meta.keywords = {"data service diagnostic", "Data to Insight", "children's services"};

    para(doc_.meta.title, style::title);
    if (!doc_.meta.subtitle.empty()) para(doc_.meta.subtitle, style::subtitle);
    if (!m.date.empty()) para("Workshop held on " + long_date(m.date));
    if (!m.facilitator.empty()) para("Facilitated by " + m.facilitator);
    para("This report records what colleagues said in a data service diagnostic workshop, following the Data to "
         "Insight (D2I) method. It is not an inspection: views are given as stated by the people who took part, "
         "unless the report says otherwise. It is a shared record to help the council decide what to do next.");
    doc_.blocks.push_back(Contents{});
    doc_.blocks.push_back(PageBreak{});
  }

  void contributors() {
    heading(1, "Contributors", "contributors");
    narrative("contributors", 1);
    if (d_.people.empty()) {
      missing("No contributors were recorded. Add them to the 'Who needs to be involved' section of the board, or a "
              "Contributors table in the write-up, and run sdiag again.");
    } else {
      std::size_t present = 0;
      for (const auto& p : d_.people) present += p.present ? 1 : 0;
      para(plural(present, "person", "people") + " took part in the workshop" +
           (present == d_.people.size() ? "." : "; " + plural(d_.people.size() - present, "other was", "others were") +
                                                    " invited or needed but not present."));
      Table t;
      t.caption = "Contributors: name, role, team and whether they were present";
      t.widths = {2.2, 3, 2.6, 1.2};
      for (const char* h : {"Name", "Role", "Team", "Present"}) t.header.push_back(Paragraph::plain(h));
      for (const auto& p : d_.people)
        t.rows.push_back({Paragraph::plain(p.name), Paragraph::plain(p.role.empty() ? "Not recorded" : p.role),
                          Paragraph::plain(p.team), Paragraph::plain(p.present ? "Yes" : "No")});
      doc_.blocks.push_back(std::move(t));
      std::vector<std::string> absent;
      for (const auto& p : d_.people)
        if (!p.present) absent.push_back(p.role.empty() ? p.name : p.role + (p.name.empty() ? "" : " (" + p.name + ")"));
      if (!absent.empty()) {
        para("Not present; their views should be sought before the plan is agreed:");
        bullets(absent);
      }
    }
    missing_roles();
    // Without a people list the notes are all there is; with one, they are in the table.
    if (d_.people.empty() && has_section("involvement") && !notes("involvement").empty()) {
      para("Noted under '" + section_title("involvement", "Who needs to be involved") + "':");
      note_list("involvement");
    }
  }

  /// The roles the D2I method asks for in the room (the involvement prompts) that nobody present holds, said once.
  void missing_roles() {
    if (d_.people.empty()) return;
    auto gaps = roles_nobody_present_holds(d_.tmpl, d_.people);
    if (gaps.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < gaps.size(); ++i)
      list += (i ? (i + 1 == gaps.size() ? " and " : ", ") : "") + ("'" + gaps[i] + "'");
    missing("Nobody recorded as present holds " + std::string(gaps.size() == 1 ? "this role" : "these roles") +
            " the D2I method asks for in the room: " + list + ".");
  }

  void dcs_view() {
    if (!has_section("dcs_view")) return;
    heading(1, section_title("dcs_view", "What the DCS sees now"), "dcs-view");
    bool said = narrative("dcs_view", 1);
    auto ns = notes("dcs_view");
    if (!ns.empty()) {
      if (said) para("Points the DCS raised:");
      bullets(texts(ns));
    }
    if (!said && ns.empty())
      missing("Nothing was recorded for this section. The D2I method asks the facilitator to meet the DCS before "
              "the session and note their view of how things are, their concerns and what they hope to achieve.");
  }

  void system_mapping() {
    if (!has_section("system_mapping")) return;
    const auto& map = d_.system_map;
    auto fig = system_map_figure(map);
    const bool drawn = fig && !fig->figure.drawing.ops.empty();
    // The map gets a page of its own, turned when that prints it larger, so
    // it prints as large as the page allows.
    if (drawn) doc_.blocks.push_back(PageBreak{.landscape = fig->landscape});
    heading(1, "System mapping", "system-mapping");
    if (drawn) {
      doc_.blocks.push_back(std::move(fig->figure));
      doc_.blocks.push_back(PageBreak{});
    }
    if (map.nodes.empty()) {
      missing("No system map was drawn from the board. The notes from the mapping exercise follow.");
      const auto* s = d_.tmpl.find_section("system_mapping");
      for (const auto& p : s->prompts) {
        auto ns = notes("system_mapping", &p.id);
        if (ns.empty()) continue;
        heading(3, p.title);
        bullets(texts(ns));
      }
      std::string none;
      auto rest = notes("system_mapping", &none);
      bullets(texts(rest));
    } else {
      resources_table();
      connections_table();
    }

    heading(2, "System overview", "system-overview");
    if (!narrative("system_overview", 2)) {
      if (map.nodes.empty()) {
        missing("No overview has been written yet. Add a 'System overview' section to the facilitator's write-up.");
      } else {
        std::set<std::string> areas;
        std::size_t pain = 0;
        for (const auto& n : map.nodes) areas.insert(n.business_area.empty() ? "other" : n.business_area);
        for (const auto& e : map.edges) pain += e.pain_point ? 1 : 0;
        para("The map shows " + plural(map.nodes.size(), "resource", "resources") + " across " +
             plural(areas.size(), "business area", "business areas") + ", joined by " +
             plural(map.edges.size(), "connection", "connections") +
             (pain ? ", of which " + plural(pain, "is", "are") + " marked as a pain point." : "."));
        missing("The facilitator has not yet written how the system works and why it is designed as it is.");
      }
    }

    heading(2, "What currently works well?", "works-well");
    if (!narrative("works_well", 2)) {
      std::string best = "best_things";
      auto ns = notes("key_issues", &best);
      if (ns.empty()) missing("Nothing was recorded about what works well.");
      else {
        para("Participants said these things work well:");
        bullets(texts(ns));
      }
    }

    heading(2, "Where are the key issues?", "where-key-issues");
    if (!narrative("key_issues", 2)) {
      auto themes = sorted_themes();
      if (!themes.empty()) {
        para("The issues people raised fall into " + plural(themes.size(), "theme", "themes") +
             ", set out in the next section:");
        std::vector<std::string> items;
        for (const auto* t : themes) items.push_back(t->label + " (" + plural(t->note_ids.size(), "note", "notes") + ")");
        bullets(items);
      } else {
        std::string pain = "pain_points";
        auto ns = notes("key_issues", &pain);
        if (ns.empty()) missing("No pain points were recorded.");
        else bullets(texts(ns));
      }
    }
  }

  void resources_table() {
    Table t;
    t.caption = "Resources in the data system: function, business area and capacity";
    t.widths = {3, 3, 2.5, 2};
    for (const char* h : {"Resource", "Function", "Business area", "Capacity"}) t.header.push_back(Paragraph::plain(h));
    for (const auto& n : d_.system_map.nodes)
      t.rows.push_back({Paragraph::plain(n.label), Paragraph::plain(n.function), Paragraph::plain(n.business_area),
                        Paragraph::plain(n.capacity)});
    heading(2, "Resources");
    doc_.blocks.push_back(std::move(t));
  }

  void connections_table() {
    const auto& map = d_.system_map;
    if (map.edges.empty()) return;
    std::map<std::string, std::string> label;
    for (const auto& n : map.nodes) label[n.id] = n.label;
    auto name = [&](const std::string& id) { return label.count(id) ? label[id] : id; };
    Table t;
    t.caption = "Connections in the data system: what flows between resources, and the pain points";
    t.widths = {2.5, 2.5, 3, 1.5};
    for (const char* h : {"From", "To", "What flows", "Pain point"}) t.header.push_back(Paragraph::plain(h));
    for (const auto& e : map.edges)
      t.rows.push_back({Paragraph::plain(name(e.from)), Paragraph::plain(name(e.to)), Paragraph::plain(e.label),
                        Paragraph::plain(e.pain_point ? "Yes" : "No")});
    heading(2, "Connections");
    doc_.blocks.push_back(std::move(t));
  }

  /// The action as the table shows it: its title (set by the actions
  /// analysis, without the owner and date lines) when it has one, else its text.
  static std::string title_of(const Action& a) {
    auto it = a.extra.find("title");
    if (it == a.extra.end()) return a.text;
    auto j = nlohmann::json::parse(it->second, nullptr, false);
    return j.is_string() && !j.get<std::string>().empty() ? j.get<std::string>() : a.text;
  }

  /// The facilitator's markers on a note (set by the cluster analysis from
  /// its tags), shown after it: " [parked] [quick win]".
  static std::string marker_suffix(const Note& n) {
    auto it = n.extra.find("markers");
    if (it == n.extra.end()) return "";
    auto j = nlohmann::json::parse(it->second, nullptr, false);
    std::string out;
    if (j.is_array())
      for (const auto& m : j)
        if (m.is_string()) out += " [" + m.get<std::string>() + "]";
    return out;
  }

  std::vector<const Theme*> sorted_themes() const {
    std::vector<const Theme*> out;
    for (const auto& t : d_.themes) out.push_back(&t);
    std::stable_sort(out.begin(), out.end(),
                     [](const Theme* a, const Theme* b) { return a->note_ids.size() > b->note_ids.size(); });
    return out;
  }

  void key_issues() {
    if (!has_section("key_issues")) return;
    heading(1, "Key issues by theme", "key-issues-by-theme");
    auto themes = sorted_themes();
    if (themes.empty()) {
      missing("The issues have not been grouped into themes yet. The cluster analysis (part of the full-report "
              "preset) does this, and tags on the board make themes of their own.");
      std::string pain = "pain_points";
      auto ns = notes("key_issues", &pain);
      if (!ns.empty()) {
        heading(2, prompt_title("key_issues", "pain_points"));
        bullets(texts(ns));
      }
    } else {
      para("Each theme groups notes that raise the same issue. The number of notes gives a sense of how often it "
           "came up, not of its importance.");
      for (const auto* t : themes) {
        heading(2, capitalise(t->label), "theme-" + text::slug(t->id));
        std::string about = plural(t->note_ids.size(), "note", "notes");
        if (t->origin == "manual") about += ", grouped by the facilitator";
        if (!t->keywords.empty()) {
          about += ". Key words: ";
          for (std::size_t i = 0; i < t->keywords.size() && i < 5; ++i) about += (i ? ", " : "") + t->keywords[i];
        }
        para(about + ".");
        std::vector<std::string> shown;
        std::vector<const Note*> quoted;
        auto add = [&](const std::string& id) {
          auto it = by_id_.find(id);
          if (it == by_id_.end() || static_cast<int>(shown.size()) >= o_.theme_examples) return;
          if (std::find(shown.begin(), shown.end(), it->second->text) == shown.end()) {
            shown.push_back(it->second->text);
            quoted.push_back(it->second);
          }
        };
        if (!t->example_note_id.empty()) add(t->example_note_id);
        for (const auto& id : t->note_ids) add(id);
        for (const auto* n : quoted) para("\u201C" + n->text + "\u201D" + marker_suffix(*n), style::quote);
      }
    }
    std::string problems = "problems";
    auto ns = notes("key_issues", &problems);
    if (!ns.empty()) {
      heading(2, prompt_title("key_issues", "problems"), "problems-to-solve");
      bullets(texts(ns));
    }
  }

  void simple_section(const std::string& id, const std::string& fallback, const char* empty_message) {
    if (!has_section(id)) return;
    heading(1, section_title(id, fallback), text::slug(id));
    bool said = narrative(id, 1);
    const auto* s = d_.tmpl.find_section(id);
    bool any = false;
    std::string none;
    auto top = notes(id, &none);
    if (!top.empty()) { bullets(texts(top)); any = true; }
    for (const auto& p : s->prompts) {
      auto ns = notes(id, &p.id);
      if (ns.empty()) continue;
      heading(2, p.title);
      bullets(texts(ns));
      any = true;
    }
    if (!said && !any) missing(empty_message);
  }

  void relationships() {
    if (!has_section("relationships")) return;
    if (notes("relationships").empty() && !d_.narrative.count("relationships")) return;
    simple_section("relationships", "Key people and relationships", "");
  }

  void target_outputs() {
    if (!has_section("target_outputs")) return;
    heading(1, "Target outputs and goals", "target-outputs");
    bool said = narrative("target_outputs", 1);
    bool any = false;
    for (const auto& [kind, prompt] : {std::pair<std::string, std::string>{"capability", "capabilities"},
                                       {"product", "products"}}) {
      std::vector<std::string> items;
      for (const auto& g : d_.goals)
        if (g.kind == kind) items.push_back(g.text);
      for (const auto* n : notes("target_outputs", &prompt))
        if (std::find(items.begin(), items.end(), n->text) == items.end()) items.push_back(n->text);
      if (items.empty()) continue;
      heading(2, prompt_title("target_outputs", prompt));
      bullets(items);
      any = true;
    }
    std::string none;
    auto other = notes("target_outputs", &none);
    if (!other.empty()) { bullets(texts(other)); any = true; }
    if (!said && !any)
      missing("No goals were recorded. The afternoon's 'Target outputs (goals)' exercise agrees what the system "
              "should deliver.");
    heading(2, "Next steps", "next-steps");
    if (!narrative("next_steps", 2))
      para(d_.actions.empty() ? "No next steps were agreed yet."
                              : "The immediate actions agreed at the end of the workshop are the next steps "
                                "towards these goals; they are listed in the next sections.");
  }

  void service_model() {
    simple_section("service_model", "Service model (vision)",
                   "No service model was drawn. The afternoon's 'Service model (vision)' exercise sketches an "
                   "arrangement of resources that would deliver the goals.");
  }

  void actions() {
    if (!has_section("actions") && d_.actions.empty()) return;
    heading(1, "Immediate actions", "immediate-actions");
    narrative("actions", 1);
    if (d_.actions.empty()) {
      auto ns = notes("actions");
      if (ns.empty()) {
        missing("No actions were agreed. The D2I method ends the day by agreeing who will do what next, so that the "
                "work is not lost.");
      } else {
        missing("These actions have not yet been given owners and dates (the actions analysis does this):");
        bullets(texts(ns));
      }
      return;
    }
    Table t;
    t.caption = "Immediate actions: what, who, by when, and status";
    t.widths = {0.7, 5.5, 2.2, 1.8, 1.5};
    for (const char* h : {"No.", "Action", "Owner", "Due", "Status"}) t.header.push_back(Paragraph::plain(h));
    std::size_t unowned = 0, undated = 0, i = 0;
    for (const auto& a : d_.actions) {
      std::string due = !a.due.empty() ? short_date(a.due) : !a.due_text.empty() ? a.due_text : "Not set";
      if (a.owner.empty()) ++unowned;
      if (a.due.empty()) ++undated;
      t.rows.push_back({Paragraph::plain(std::to_string(++i)), Paragraph::plain(title_of(a)),
                        Paragraph::plain(a.owner.empty() ? "Not agreed" : a.owner), Paragraph::plain(due),
                        Paragraph::plain(capitalise(a.status))});
    }
    para(plural(d_.actions.size(), "action was", "actions were") + " agreed. The action plan workbook "
         "(action-plan.xlsx) tracks them from here.");
    doc_.blocks.push_back(std::move(t));
    if (unowned)
      missing(plural(unowned, "action has", "actions have") + " no owner yet: agree one before the plan is circulated.");
    if (undated) missing(plural(undated, "action has", "actions have") + " no firm date yet.");
  }

  void ideas() {
    if (!has_section("ideas")) return;
    auto ns = notes("ideas");
    if (ns.empty() && !d_.narrative.count("ideas")) return;
    heading(1, "Ideas held for later", "ideas");
    narrative("ideas", 1);
    bullets(texts(ns));
  }

  /// Sections the report does not know by id: a council's own, frames that
  /// matched nothing, and notes whose section is unknown.
  void other_sections() {
    static const std::set<std::string> known = {"dcs_view",      "involvement",    "ideas",         "key_issues",
                                                "system_mapping", "relationships", "target_outputs", "service_model",
                                                "actions"};
    for (const auto& s : d_.tmpl.sections) {
      if (known.count(s.id)) continue;
      auto ns = notes(s.id);
      if (ns.empty() && !d_.narrative.count(s.id)) continue;
      heading(1, s.title.empty() ? s.id : s.title, text::slug(s.id));
      narrative(s.id, 1);
      bullets(texts(ns));
    }
    auto unsorted = notes(unsorted_section);
    if (!unsorted.empty()) {
      heading(1, "Notes not placed in a section", "unsorted");
      missing("These notes were outside every section of the board. Move them into a section to place them.");
      bullets(texts(unsorted));
    }
  }

  void appendix() {
    if (d_.notes.empty()) return;
    doc_.blocks.push_back(PageBreak{});
    heading(1, "Appendix: every note by section", "appendix-notes");
    para("Every note from the workshop, as written, including repeats. The reference after each note traces it to "
         "its source.");
    std::vector<std::pair<std::string, std::string>> sections;
    for (const auto& s : d_.tmpl.sections) sections.emplace_back(s.id, s.title);
    sections.emplace_back(unsorted_section, "Not placed in a section");
    std::set<std::string> listed;
    for (const auto& [id, title] : sections) listed.insert(id);
    for (const auto& n : d_.notes)
      if (!listed.count(n.section)) {
        sections.emplace_back(n.section, n.section);
        listed.insert(n.section);
      }
    for (const auto& [id, title] : sections) {
      std::vector<const Note*> ns;
      for (const auto& n : d_.notes)
        if (n.section == id) ns.push_back(&n);
      if (ns.empty()) continue;
      heading(2, title, "appendix-" + text::slug(id));
      List l;
      for (const auto* n : ns) {
        Paragraph p;
        if (!n->prompt.empty()) p.runs.push_back(Run{prompt_title(id, n->prompt) + ": ", true, false, {}});
        p.runs.push_back(Run{n->text + marker_suffix(*n), false, false, {}});
        std::string ref = n->author;
        if (!n->source.ref.empty()) ref += (ref.empty() ? "" : ", ") + n->source.ref;
        if (!ref.empty()) p.runs.push_back(Run{" (" + ref + ")", false, true, {}});
        l.items.push_back(ListItem{std::move(p), 0});
      }
      doc_.blocks.push_back(std::move(l));
    }
  }

  /// Problems met while reading the sources, so the facilitator can fix the board.
  void source_notes() {
    std::vector<const Finding*> shown;
    for (const auto& f : d_.findings)
      if (f.severity != Severity::info) shown.push_back(&f);
    if (shown.empty()) return;
    heading(1, "Appendix: problems found in the sources", "appendix-findings");
    para("sdiag met these problems while reading and analysing the workshop material. Nothing was dropped silently; "
         "fix the source and run sdiag again to clear them.");
    Table t;
    t.caption = "Problems found in the sources";
    t.widths = {1.3, 3, 6};
    for (const char* h : {"Severity", "Where", "Problem"}) t.header.push_back(Paragraph::plain(h));
    for (const auto* f : shown) {
      std::string where = std::filesystem::path(f->source).filename().string();
      if (!f->location.empty()) where += (where.empty() ? "" : ", ") + f->location;
      t.rows.push_back({Paragraph::plain(capitalise(to_string(f->severity))), Paragraph::plain(where),
                        Paragraph::plain(f->message)});
    }
    doc_.blocks.push_back(std::move(t));
  }

  const Diagnostic& d_;
  const ReportOptions& o_;
  std::map<std::string, const Note*> by_id_;
  Document doc_;
};

}  // namespace

Document build_report(const Diagnostic& d, const ReportOptions& options) { return Builder(d, options).build(); }

}  // namespace sdiag::d2i_report
