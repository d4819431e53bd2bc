// The d2i-report layout, loaded as the real plugin, on the bundled Castlebrook
// diagnostic and on an empty one.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <sdiag/json.hpp>
#include <sdiag/testing.hpp>

namespace {

using namespace sdiag;

Diagnostic castlebrook() {
  std::ifstream in(std::string(SDIAG_TEST_SOURCE_DIR) + "/samples/castlebrook/diagnostic.json", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  std::vector<Finding> ignored;
  auto d = diagnostic_from_json(s.str(), ignored);
  // What the analyses would add: a theme and two actions.
  d.themes.push_back(Theme{.id = "t1", .label = "Reports take months to change",
                           .note_ids = {d.notes.at(10).id, d.notes.at(11).id}, .origin = "cluster"});
  d.actions.push_back(Action{.id = "a1", .text = "Map every feed into the warehouse", .owner = "Priya Shah",
                             .due = "2026-03-31", .theme_ids = {"t1"}});
  d.actions.push_back(Action{.id = "a2", .text = "Agree who can change a report", .due_text = "by half term"});
  return d;
}

testing::Harness harness() {
  testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/d2i-report.so");
  h.data_dir(SDIAG_TEST_DATA_DIR);
  return h;
}

std::vector<std::string> top_headings(const doc::Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (auto* h = std::get_if<doc::Heading>(&b); h && h->level == 1) out.push_back(h->text);
  return out;
}


}  // namespace

TEST_CASE("the report follows the D2I structure, in the method's order") {
  auto h = harness();
  auto report = h.layout(castlebrook());
  auto headings = top_headings(report);
  const std::vector<std::string> method = {"Contributors", "What the DCS sees now", "System mapping",
                                           "Key issues by theme", "Target outputs and goals", "Immediate actions"};
  std::size_t at = 0;
  for (const auto& want : method) {
    auto it = std::find(headings.begin() + static_cast<long>(at), headings.end(), want);
    CHECK_MESSAGE(it != headings.end(), "missing or out of order: " << want);
    if (it != headings.end()) at = static_cast<std::size_t>(it - headings.begin());
  }
  CHECK(report.meta.title.find("Castlebrook") != std::string::npos);
  CHECK(report.meta.language == "en-GB");
}

TEST_CASE("every figure has alt text and every table a header row") {
  auto report = harness().layout(castlebrook());
  int figures = 0;
  for (const auto& b : report.blocks) {
    if (auto* f = std::get_if<doc::Figure>(&b)) {
      ++figures;
      CHECK(f->alt.size() > 20);
      CHECK(!f->drawing.ops.empty());
    }
    if (auto* t = std::get_if<doc::Table>(&b)) {
      CHECK(!t->header.empty());
      for (const auto& row : t->rows) CHECK(row.size() == t->header.size());
    }
  }
  CHECK(figures >= 1);  // the system map
}

TEST_CASE("every action and every theme of the diagnostic is in the report") {
  auto d = castlebrook();
  auto text = testing::text_of(harness().layout(d));
  REQUIRE(!d.actions.empty());
  for (const auto& a : d.actions) CHECK_MESSAGE(text.find(a.text) != std::string::npos, a.text);
  for (const auto& t : d.themes) CHECK_MESSAGE(text.find(t.label) != std::string::npos, t.label);
}

TEST_CASE("the actions table shows the action's title, not its owner and date lines") {
  auto d = castlebrook();
  Action a{.id = "a3", .text = "Who: Kim and Lee\nWhat: map the flow from referral\nWhen: TBC", .owner = "Kim Tran; Lee Ward",
           .due_text = "TBC"};
  a.extra["title"] = "\"Map the flow from referral\"";
  d.actions.push_back(a);
  auto text = testing::text_of(harness().layout(d));
  CHECK(text.find("Map the flow from referral") != std::string::npos);
  CHECK(text.find("What: map the flow") == std::string::npos);
  CHECK(text.find("Kim Tran; Lee Ward") != std::string::npos);
}

TEST_CASE("a sticky that heads a column is in no list of the report's body, only in the appendix") {
  auto d = castlebrook();
  Note heading{.id = "h1", .section = "key_issues", .prompt = "pain_points", .text = "PAIN POINTS ON THE WALL"};
  heading.extra["heading"] = "true";
  d.notes.push_back(heading);
  auto h = harness();
  h.set("appendix", "false");
  CHECK(testing::text_of(h.layout(d)).find("PAIN POINTS ON THE WALL") == std::string::npos);
  h.set("appendix", "true");
  CHECK(testing::text_of(h.layout(d)).find("PAIN POINTS ON THE WALL") != std::string::npos);
}

TEST_CASE("the appendix is optional, and an empty diagnostic still gives a readable report") {
  auto h = harness();
  h.set("appendix", "false");
  auto without = top_headings(h.layout(castlebrook()));
  CHECK(std::find(without.begin(), without.end(), "Appendix: every note by section") == without.end());

  Diagnostic empty;
  empty.tmpl = testing::default_template(SDIAG_TEST_DATA_DIR);
  auto report = harness().layout(empty);
  auto headings = top_headings(report);
  CHECK(std::find(headings.begin(), headings.end(), "Contributors") != headings.end());
  CHECK(std::find(headings.begin(), headings.end(), "Immediate actions") != headings.end());
}

TEST_CASE("Contributors: names and teams shown; the roles nobody present holds are said once") {
  auto h = harness();
  h.set("appendix", "false");
  Diagnostic d;
  d.tmpl = testing::default_template(SDIAG_TEST_DATA_DIR);
  d.notes = {Note{.id = "n1", .section = "involvement", .text = "Lucia Grant – DCS"}};
  d.people = {Person{.id = "p1", .name = "Lucia Grant", .role = "Director of Children's Services"},
              Person{.id = "p2", .name = "Priya K", .role = "Head of Service, Disabled Children"},
              Person{.id = "p3", .name = "Owen Tait", .team = "ICT"},
              Person{.id = "p4", .name = "Sav Nair", .role = "Senior Analyst", .team = "D&I"},
              Person{.id = "p5", .name = "Cara Lindqvist", .role = "Facilitator", .team = "D2I", .present = false}};
  auto text = testing::text_of(h.layout(d));
  CHECK(text.find("Owen Tait") != std::string::npos);
  CHECK(text.find("D&I") != std::string::npos);
  CHECK(text.find("Nobody recorded as present holds this role the D2I method asks for in the room: 'A facilitator'.") !=
        std::string::npos);
  CHECK(text.find("Lucia Grant – DCS") == std::string::npos);  // the note is in the table, not listed again
  d.people[4].present = true;
  d.people[2].team = "Early Help";
  text = testing::text_of(h.layout(d));
  CHECK(text.find("Nobody recorded as present holds this role the D2I method asks for in the room: 'IT/MI leads'.") !=
        std::string::npos);
  d.people[2].team = "ICT";
  d.people[1].role = "HoS disabled children";  // the abbreviation is an alias too
  text = testing::text_of(h.layout(d));
  CHECK(text.find("Nobody recorded as present") == std::string::npos);
}

TEST_CASE("the system map's page is turned when that prints its labels larger, and only then") {
  // Where the map's page breaks are, and which way up each turns the page.
  auto map_breaks = [](const doc::Document& r) {
    std::vector<bool> out;
    for (std::size_t i = 0; i < r.blocks.size(); ++i) {
      const auto* b = std::get_if<doc::PageBreak>(&r.blocks[i]);
      const auto* next = i + 1 < r.blocks.size() ? std::get_if<doc::Heading>(&r.blocks[i + 1]) : nullptr;
      const auto* before = i > 0 ? std::get_if<doc::Figure>(&r.blocks[i - 1]) : nullptr;
      if (b && ((next && next->id == "system-mapping") || (before && before->id == "system-map")))
        out.push_back(b->landscape);
    }
    return out;
  };
  auto h = harness();
  // The sample's map prints its labels larger upright (laid out top to bottom).
  CHECK(map_breaks(h.layout(castlebrook())) == std::vector<bool>{false, false});

  // One system feeding four teams in four business areas, each team re-keying into a return: wide both
  // ways it is laid out, its labels print about 6 pt upright and 8 pt turned.
  Diagnostic d = castlebrook();
  const char* areas[] = {"Internal CSC teams", "Corporate teams", "External suppliers", "Schools"};
  const char* functions[] = {"Front line services and management", "MIS maintenance and development",
                             "Reporting maintenance and development", "Data analysis",
                             "Corporate performance and policy"};
  d.system_map.nodes = {{.id = "hub", .label = "Case management system", .function = functions[1],
                         .business_area = "External suppliers"}};
  d.system_map.edges.clear();
  for (int i = 0; i < 4; ++i) {
    const std::string n = std::to_string(i);
    d.system_map.nodes.push_back({.id = "a" + n, .label = "Team " + n + " spreadsheet tracker",
                                  .function = functions[i], .business_area = areas[i]});
    d.system_map.nodes.push_back({.id = "b" + n, .label = "Monthly return " + n, .function = functions[(i + 2) % 5],
                                  .business_area = areas[i]});
    d.system_map.edges.push_back({.from = "hub", .to = "a" + n, .label = "nightly extract", .pain_point = i % 3 == 0});
    d.system_map.edges.push_back({.from = "a" + n, .to = "b" + n, .label = "re-keyed by hand"});
  }
  // Turned for the map, upright again after it.
  CHECK(map_breaks(h.layout(d)) == std::vector<bool>{true, false});
}
