// The miro input plugin, loaded as the host loads it.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include <sdiag/plugin.hpp>
#include <sdiag/testing.hpp>
#include <sdiag/text.hpp>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string plugin_path() { return std::string(SDIAG_TEST_PLUGIN_DIR) + "/miro.so"; }

fs::path write_temp(const std::string& name, const std::string& bytes) {
  // One folder per process: two test runs at once (two build trees) must not share files.
  auto dir = fs::temp_directory_path() / ("sdiag-miro-tests-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

// Small builders for REST-shaped items.
json frame(const std::string& id, const std::string& title, double x, double y, double w, double h,
           const std::string& parent = "") {
  json f = {{"id", id}, {"type", "frame"}, {"data", {{"title", title}, {"format", "custom"}}},
            {"position", {{"x", x}, {"y", y}, {"origin", "center"}, {"relativeTo", parent.empty() ? "canvas_center" : "parent_top_left"}}},
            {"geometry", {{"width", w}, {"height", h}}}};
  if (!parent.empty()) f["parent"] = {{"id", parent}};
  return f;
}

json item(const std::string& id, const std::string& type, const std::string& content, double x, double y,
          const std::string& parent = "") {
  json i = {{"id", id}, {"type", type}, {"data", {{"content", content}}},
            {"position", {{"x", x}, {"y", y}, {"origin", "center"}, {"relativeTo", parent.empty() ? "canvas_center" : "parent_top_left"}}},
            {"geometry", {{"width", 199}, {"height", 228}}}};
  if (!parent.empty()) i["parent"] = {{"id", parent}};
  return i;
}

json sticky(const std::string& id, const std::string& content, double x, double y, const std::string& parent = "") {
  return item(id, "sticky_note", content, x, y, parent);
}

json connector(const std::string& id, const std::string& from, const std::string& to, const std::string& start_cap,
               const std::string& end_cap, const std::string& caption = "") {
  json c = {{"id", id}, {"type", "connector"}, {"startItem", {{"id", from}}}, {"endItem", {{"id", to}}},
            {"style", {{"startStrokeCap", start_cap}, {"endStrokeCap", end_cap}}}};
  if (!caption.empty()) c["captions"] = json::array({{{"content", "<p>" + caption + "</p>"}}});
  return c;
}

// Items as a vector: a json parameter would take dump({one_item}) as that
// item itself under clang (a one-element braced list copies), not a list.
json dump(std::vector<json> items, json connectors = json::array()) {
  return {{"exportedAt", "2026-02-10T17:00:00Z"}, {"board", {{"id", "b"}, {"name", "Test board"}}},
          {"members", json::array()}, {"items", json(std::move(items))}, {"connectors", std::move(connectors)},
          {"tags", json::array()}, {"itemsByTag", json::object()}};
}

struct Run {
  sdiag::Diagnostic d;
  std::vector<sdiag::Finding> findings;

  const sdiag::Note* note(const std::string& item_id) const {
    for (const auto& n : d.notes)
      if (n.source.ref == item_id) return &n;
    return nullptr;
  }
  bool has_finding(const std::string& location, const std::string& words) const {
    return std::any_of(findings.begin(), findings.end(), [&](const sdiag::Finding& f) {
      return f.location == location && f.message.find(words) != std::string::npos;
    });
  }
};

Run read_text(const std::string& text, const std::string& name = "board.json") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  Run r;
  r.d = h.read(write_temp(name, text));
  r.findings = h.findings();
  return r;
}

Run read_json(const json& j) { return read_text(j.dump()); }

}  // namespace

TEST_CASE("the plugin declares itself and sniffs the Miro shapes, not diagnostic.json") {
  sdiag::testing::Harness h(plugin_path());
  CHECK(h.info().name == "miro");
  CHECK(h.sniff(write_temp("d.json", dump({}).dump())) >= 90);
  CHECK(h.sniff(write_temp("p.json", R"({"data":[{"id":"1","type":"sticky_note"}],"cursor":"abc","type":"cursor-list"})")) >= 80);
  CHECK(h.sniff(write_temp("a.json", R"([{"id":"1","type":"frame","title":"x"},{"id":"2","type":"sticky_note","parentId":"1"}])")) >= 70);
  CHECK(h.sniff(write_temp("s.json", R"({"schema": "sdiag/1", "notes": []})")) == 0);
  CHECK(h.sniff(write_temp("c.csv", "text\nhello\n")) == 0);
  CHECK(h.sniff(write_temp("e.json", "")) == 0);
}

TEST_CASE("frames map to template sections tolerantly; an unknown frame becomes its own section") {
  auto r = read_json(dump({frame("10", "KEY ISSUES (today)", 0, 0, 1000, 1000), sticky("11", "<p>a</p>", 100, 100, "10"),
                           frame("20", "Ideas to hold on to", 2000, 0, 1000, 1000), sticky("21", "<p>b</p>", 100, 100, "20"),
                           frame("30", "Immediate acions", 4000, 0, 1000, 1000), sticky("31", "<p>c</p>", 100, 100, "30"),
                           frame("40", "Coffee & biscuits", 6000, 0, 1000, 1000), sticky("41", "<p>d</p>", 100, 100, "40")}));
  CHECK(r.note("11")->section == "key_issues");
  CHECK(r.note("21")->section == "ideas");
  CHECK(r.note("31")->section == "actions");
  CHECK(r.note("41")->section == "coffee-biscuits");
  const auto* added = r.d.tmpl.find_section("coffee-biscuits");
  REQUIRE(added);
  CHECK(added->title == "Coffee & biscuits");
  CHECK(r.has_finding("40", "matches no section"));
  CHECK(r.has_finding("10", "read as the section"));
}

TEST_CASE("frames titled on their own are matched word for word, never in close wording") {
  // Close wording is for the template's titles: "Team Rivers" is another team than "Team Rovers".
  auto r = read_json(dump({frame("1", "Team Rovers", 0, 0, 1000, 1000), sticky("2", "<p>a</p>", 0, 0),
                           frame("3", "Team Rivers", 2000, 0, 1000, 1000), sticky("4", "<p>b</p>", 2000, 0),
                           frame("5", "Health visitors", 4000, 0, 1000, 1000), sticky("6", "<p>c</p>", 4000, 0),
                           frame("7", "Wealth visitors", 6000, 0, 1000, 1000), sticky("8", "<p>d</p>", 6000, 0),
                           frame("9", "team  ROVERS", 8000, 0, 1000, 1000), sticky("10", "<p>e</p>", 8000, 0),
                           frame("11", "Team-Rovers", 10000, 0, 1000, 1000), sticky("12", "<p>f</p>", 10000, 0),
                           frame("13", "Immediate acions", 12000, 0, 1000, 1000), sticky("14", "<p>g</p>", 12000, 0)}));
  CHECK(r.note("2")->section == "team-rovers");
  CHECK(r.note("4")->section == "team-rivers");
  CHECK(r.note("6")->section == "health-visitors");
  CHECK(r.note("8")->section == "wealth-visitors");
  // The same title but for case and spaces is the same section.
  CHECK(r.note("10")->section == "team-rovers");
  CHECK(r.has_finding("9", "read as the section 'team-rovers'"));
  // Another title whose id would be the same gets an id of its own.
  CHECK(r.note("12")->section == "team-rovers-2");
  REQUIRE(r.d.tmpl.find_section("team-rovers-2"));
  CHECK(r.d.tmpl.find_section("team-rovers-2")->title == "Team-Rovers");
  // The template's titles are still matched in close wording.
  CHECK(r.note("14")->section == "actions");
  // And a sticky saying its frame's own title is its heading, not a note.
  auto heading = read_json(dump({frame("1", "Team Rovers", 0, 0, 1000, 1000), item("2", "text", "<p>Team Rovers</p>", 0, -400),
                                 item("3", "text", "<p>Team Rivers</p>", 0, -300)}));
  CHECK(heading.has_finding("2", "read as the title of its frame"));
  CHECK_FALSE(heading.has_finding("3", "read as the title of its frame"));
}

TEST_CASE("frames placed by their bounds: the smallest around, whatever the order of the export") {
  // The half-day frame comes after the sections on it, and nothing has a parent.
  auto r = read_json(dump({frame("1", "Key issues today", 0, 0, 1000, 1000), sticky("2", "<p>in the section</p>", 100, 100),
                           frame("3", "Morning", 1000, 0, 4000, 2000), sticky("4", "<p>beside it</p>", 2500, 500),
                           sticky("5", "<p>on the edge</p>", 500, 500), frame("6", "Same size", 0, 0, 1000, 1000)}));
  CHECK(r.note("2")->section == "key_issues");
  CHECK(r.note("5")->section == "key_issues");  // edges hold; of two equal frames the first
  CHECK(r.note("4")->section == "unsorted");    // on the half-day frame, on no section of it
  CHECK(r.has_finding("3", "holds sections but is not one itself"));
}

TEST_CASE("nested frames chain relative positions; a nested frame can name a prompt") {
  // Outer frame: centre (1000, 1000), 2000 x 1000, so its top-left is (0, 500).
  // Inner frame: centre (500, 500) from there = (500, 1000), 400 x 400, top-left (300, 800).
  auto r = read_json(dump({frame("1", "How we see the key issues today", 1000, 1000, 2000, 1000),
                           frame("2", "Pain points", 500, 500, 400, 400, "1"), sticky("3", "<p>slow reports</p>", 100, 100, "2"),
                           frame("4", "Sticky wall", 1500, 500, 400, 400, "1"), sticky("5", "<p>other</p>", 10, 10, "4")}));
  const auto* n = r.note("3");
  REQUIRE(n);
  CHECK(n->section == "key_issues");
  CHECK(n->prompt == "pain_points");
  REQUIRE(n->position);
  CHECK(n->position->x == doctest::Approx(400));
  CHECK(n->position->y == doctest::Approx(900));
  CHECK(n->position->frame == "Pain points");
  // A nested frame matching nothing keeps the outer frame's section.
  CHECK(r.note("5")->section == "key_issues");
  CHECK(r.has_finding("4", "stay with the area around it"));
}

TEST_CASE("unparented stickies: inside a frame's bounds they belong to it, outside every frame they are unsorted") {
  auto r = read_json(dump({frame("1", "Ideas for later", 0, 0, 1000, 1000), sticky("2", "<p>inside</p>", 300, -300),
                           sticky("3", "<p>far away</p>", 5000, 5000)}));
  CHECK(r.note("2")->section == "ideas");
  CHECK(r.note("3")->section == "unsorted");
  CHECK(r.has_finding("3", "outside every frame"));
}

TEST_CASE("text headings inside a frame give the notes under them their prompt, by position") {
  SUBCASE("columns") {
    auto r = read_json(dump({frame("1", "Key issues today", 1500, 1000, 3000, 2000),
                             item("h1", "text", "<p>Where the best things happen</p>", 400, 300, "1"),
                             item("h2", "text", "<p><strong>Pain points</strong></p>", 1400, 300, "1"),
                             item("h3", "shape", "<p>Problems to solve</p>", 2400, 300, "1"),
                             sticky("a", "<p>good</p>", 450, 900, "1"), sticky("b", "<p>bad</p>", 1300, 400, "1"),
                             sticky("c", "<p>fix</p>", 2500, 1500, "1"), sticky("d", "<p>top</p>", 1400, 20, "1")}));
    CHECK(r.note("a")->prompt == "best_things");
    CHECK(r.note("b")->prompt == "pain_points");
    CHECK(r.note("c")->prompt == "problems");
    CHECK(r.note("d")->prompt == "");  // above every heading
    CHECK_FALSE(r.note("h1"));         // headings are not notes...
    CHECK(r.has_finding("h2", "heading"));  // ...but are accounted for
  }
  SUBCASE("rows") {
    auto r = read_json(dump({frame("1", "Target outputs (goals)", 1500, 1000, 3000, 2000),
                             item("h1", "text", "<p>General capabilities</p>", 200, 200, "1"),
                             item("h2", "text", "<p>Specific products</p>", 200, 1000, "1"),
                             sticky("a", "<p>skill</p>", 900, 250, "1"), sticky("b", "<p>thing</p>", 1800, 1050, "1")}));
    CHECK(r.note("a")->prompt == "capabilities");
    CHECK(r.note("b")->prompt == "products");
  }
}

json coloured(json sticky_item, const std::string& colour) {
  sticky_item["style"] = {{"fillColor", colour}};
  return sticky_item;
}

json region(const std::string& id, const std::string& title, double x, double y, double w, double h, const std::string& parent) {
  json r = item(id, "shape", title, x, y, parent);
  r["geometry"] = {{"width", w}, {"height", h}};
  r["data"]["shape"] = "rectangle";
  return r;
}

TEST_CASE("large titled shapes in a half-day frame are sections; the frame holds them") {
  // "Morning" 6000 x 3000 centred at (3000, 1500): positions below are from its top-left (0, 0).
  auto r = read_json(dump({frame("am", "Morning", 3000, 1500, 6000, 3000),
                           region("r1", "<p><strong>Hold that thought</strong></p><p>ideas for later</p>", 1000, 1500, 1800, 2800, "am"),
                           region("r2", "<p>KI today \xF0\x9F\x94\xA5</p>", 4000, 1500, 3800, 2800, "am"),
                           sticky("i1", "<p>an idea</p>", 900, 800, "am"), sticky("i2", "<p>another</p>", 1100, 1600, "am"),
                           sticky("k1", "<p>slow</p>", 3000, 800, "am"), sticky("k2", "<p>late</p>", 4500, 900, "am"),
                           sticky("stray", "<p>between the two</p>", 2000, 2950, "am"),
                           sticky("loose", "<p>unparented but on the region</p>", 1000 + 0, 2500 - 1500 + 1500, "")}));
  CHECK(r.note("i1")->section == "ideas");
  CHECK(r.note("i2")->section == "ideas");
  CHECK(r.note("k1")->section == "key_issues");
  CHECK(r.note("k2")->section == "key_issues");
  CHECK(r.note("i1")->position->frame == "Hold that thought\nideas for later");
  // The frame itself is no section: a note on it but on no region is unsorted, and said so.
  CHECK(r.note("stray")->section == sdiag::unsorted_section);
  CHECK(r.has_finding("stray", "on none of the sections in it"));
  CHECK(r.has_finding("am", "holds sections but is not one itself"));
  // Geometry, not the parent, decides: an unparented sticky on a region belongs to it.
  CHECK(r.note("loose")->section == "ideas");
  // The regions are sections, not notes, and are accounted for.
  CHECK_FALSE(r.note("r1"));
  CHECK(r.has_finding("r2", "region 'KI today"));
  CHECK(std::none_of(r.d.tmpl.sections.begin(), r.d.tmpl.sections.end(), [](const auto& s) { return s.id == "morning"; }));
}

TEST_CASE("areas whose parents and positions disagree in a loop are cut apart, read, and said") {
  SUBCASE("a frame parented to a smaller frame that lies inside it") {
    // "Small" has no parent and lies inside "Key issues today" by position; "Key issues today" has "Small" for parent.
    auto r = read_json(dump({frame("A", "Key issues today", 1000, 1000, 4000, 4000, "B"), frame("B", "Small", 500, 500, 1000, 1000),
                             sticky("s", "<p>x</p>", 500, 500), sticky("t", "<p>y</p>", 2000, 2000)}));
    REQUIRE(r.note("s"));
    REQUIRE(r.note("t"));
    CHECK(r.has_finding("B", "which by its parent lies inside it"));
    CHECK_FALSE(r.has_finding("A", "which by its parent lies inside it"));  // the parent is what is kept
  }
  SUBCASE("a region larger than its frame, around the frame's centre") {
    auto r = read_json(dump({frame("F", "Ideas for later", 0, 0, 1000, 1000),
                             region("R", "<p>Key issues today</p>", 500, 500, 3000, 3000, "F"),
                             sticky("s1", "<p>one</p>", 1200, 1200), sticky("s2", "<p>two</p>", -1200, 1200)}));
    REQUIRE(r.note("s1"));
    REQUIRE(r.note("s2"));
    CHECK(r.has_finding("F", "which by its parent lies inside it"));
  }
}

TEST_CASE("a shape is a region only when it is titled and holds at least two much smaller stickies") {
  auto r = read_json(dump({frame("f", "Data system mapping", 2000, 2000, 4000, 4000),
                           region("big", "<p>Liquidlogic</p>", 1000, 1000, 400, 300, "f"),  // a map box a sticky sits on
                           sticky("s1", "<p>a comment on it</p>", 1000, 1000, "f"),
                           region("untitled", "", 3000, 3000, 1800, 1800, "f"), sticky("u1", "<p>x</p>", 2900, 2900, "f"),
                           sticky("u2", "<p>y</p>", 3100, 3100, "f")}));
  REQUIRE(r.d.system_map.nodes.size() == 1);
  CHECK(r.d.system_map.nodes[0].label == "Liquidlogic");
  CHECK(r.note("s1")->section == "system_mapping");
  CHECK(r.note("u1")->section == "system_mapping");
}

TEST_CASE("a board of more titled shapes holding stickies than any workshop draws is read, the rest said") {
  std::vector<json> items = {frame("f", "Morning", 0, 0, 200000, 2000)};
  for (int i = 0; i < 1100; ++i) {
    const double x = 150.0 * i;
    items.push_back(region("r" + std::to_string(i), "<p>Key issues today</p>", x + 75, 1000, 150, 1000, "f"));
    items.push_back(sticky("a" + std::to_string(i), "<p>a</p>", x + 50, 900, "f"));
    items.push_back(sticky("b" + std::to_string(i), "<p>b</p>", x + 100, 1100, "f"));
  }
  for (auto& i : items)
    if (i["type"] == "sticky_note") i["geometry"] = {{"width", 10}, {"height", 10}};
  auto r = read_json(dump(items));
  // Every sticky kept; the shapes past the cap are read as plain shapes, with their text.
  CHECK(std::count_if(r.d.notes.begin(), r.d.notes.end(), [](const auto& n) { return n.source.ref[0] != 'r'; }) == 2200);
  CHECK(r.note("r1050"));
  CHECK(r.has_finding("r1000", "more than 1000 large shapes hold sticky notes"));
  CHECK(r.note("a999")->section == "key_issues");
  CHECK(r.note("a1050")->section == sdiag::unsorted_section);  // on the frame, beyond the regions read
}

TEST_CASE("a colour legend gives the prompt; the legend is no note") {
  auto r = read_json(dump({frame("g", "where we want to get to", 1500, 1000, 3000, 2000),
                           item("key", "text", "<p>green = what we need to be able to do \xC2\xB7 purple = things we want built</p>", 1500, 1900, "g"),
                           coloured(sticky("a", "<p>self-serve data</p>", 400, 300, "g"), "light_green"),
                           coloured(sticky("b", "<p>a CIN dashboard</p>", 500, 1200, "g"), "violet"),
                           coloured(sticky("c", "<p>one version of the truth</p>", 2500, 500, "g"), "green"),
                           coloured(sticky("d", "<p>no colour said</p>", 2000, 800, "g"), "yellow")}));
  CHECK(r.note("a")->section == "target_outputs");
  CHECK(r.note("a")->prompt == "capabilities");
  CHECK(r.note("b")->prompt == "products");
  CHECK(r.note("c")->prompt == "capabilities");
  CHECK(r.note("d")->prompt == "");
  CHECK_FALSE(r.note("key"));
  CHECK(r.has_finding("key", "read as a colour legend: green = 'General capabilities', purple = 'Specific products'"));
}

TEST_CASE("where sticky colours follow the headings, colour decides in a wide column") {
  // Three headings; the pain column is wide, so its left-hand stickies sit
  // nearer the "best bits" heading. Their pink says where they belong.
  std::vector<json> items = {frame("k", "Key issues today", 5000, 1500, 10000, 3000),
                             item("h1", "text", "<p><strong>best bits</strong></p>", 1500, 100, "k"),
                             item("h2", "text", "<p><strong>pain points</strong></p>", 5000, 100, "k"),
                             item("h3", "text", "<p><strong>problems to fix</strong></p>", 8800, 100, "k")};
  int n = 0;
  auto add = [&](double x, const std::string& colour) {
    auto id = "s" + std::to_string(++n);
    items.push_back(coloured(sticky(id, "<p>note " + id + "</p>", x, 600 + 300 * (n % 5), "k"), colour));
    return id;
  };
  for (double x : {1000.0, 1500.0, 2000.0}) add(x, "light_green");
  std::string left_pink = add(3100, "light_pink");
  add(3100, "light_pink");
  for (double x : {4500.0, 5000.0, 5500.0, 6000.0}) add(x, "light_pink");
  std::string red = add(6400, "red");
  for (double x : {8500.0, 9000.0, 9500.0}) add(x, "light_blue");
  auto r = read_json(dump(items));
  CHECK(r.note(left_pink)->prompt == "pain_points");
  CHECK(r.note(red)->prompt == "pain_points");  // red is next to pink
  CHECK(r.note("s1")->prompt == "best_things");
  CHECK(r.note("s12")->prompt == "problems");
  CHECK(r.has_finding("k", "sticky colours follow the headings"));

  SUBCASE("colours that say nothing of the columns change nothing") {
    std::vector<json> plain(items.begin(), items.begin() + 4);
    for (std::size_t i = 4; i < items.size(); ++i) plain.push_back(coloured(items[i], "yellow"));
    auto p = read_json(dump(plain));
    CHECK(p.note(left_pink)->prompt == "best_things");  // the nearest heading, as before
    CHECK_FALSE(p.has_finding("k", "sticky colours follow the headings"));
  }
}

TEST_CASE("a sticky note saying only a prompt's name heads its column, and stays a note") {
  auto r = read_json(dump({frame("1", "Key issues today", 1500, 1000, 3000, 2000),
                           sticky("h1", "<p>WHAT WORKS</p>", 400, 200, "1"), sticky("h2", "<p>PAIN POINTS \xF0\x9F\x98\xA9</p>", 1500, 200, "1"),
                           sticky("a", "<p>good</p>", 420, 900, "1"), sticky("b", "<p>bad</p>", 1480, 900, "1"),
                           sticky("c", "<p>pain points everywhere, in every team and every report</p>", 2500, 200, "1")}));
  CHECK(r.note("a")->prompt == "best_things");
  CHECK(r.note("b")->prompt == "pain_points");
  REQUIRE(r.note("h2"));
  CHECK(r.note("h2")->prompt == "pain_points");
  CHECK(r.note("h2")->extra.at("heading") == "true");  // marked, so themes and lists leave it out
  CHECK_FALSE(r.note("a")->extra.count("heading"));
  CHECK(r.has_finding("h1", "kept as a note"));
  CHECK_FALSE(r.has_finding("c", "heading"));  // a note that says more is a note
}

TEST_CASE("a sticky heading keeps its own prompt where a legend gives the others theirs") {
  auto r = read_json(dump({frame("1", "Key issues today", 1500, 1000, 3000, 2000),
                           coloured(sticky("h1", "<p>WHAT WORKS</p>", 400, 200, "1"), "dark_blue"),
                           coloured(sticky("h2", "<p>FIX FIRST</p>", 2500, 200, "1"), "dark_blue"),
                           item("key", "text", "<p>\xF0\x9F\x9F\xA9 = good stuff \xC2\xB7 \xF0\x9F\x9F\xA5 = pain \xC2\xB7 \xF0\x9F\x9F\xA6 = fix</p>", 1500, 1900, "1"),
                           coloured(sticky("a", "<p>quick</p>", 420, 900, "1"), "light_green"),
                           coloured(sticky("b", "<p>slow</p>", 450, 1200, "1"), "red"),
                           coloured(sticky("c", "<p>broken</p>", 2500, 900, "1"), "blue")}));
  CHECK(r.note("h1")->prompt == "best_things");  // not the blue of the legend
  CHECK(r.note("h2")->prompt == "problems");
  CHECK(r.note("a")->prompt == "best_things");
  CHECK(r.note("b")->prompt == "pain_points");  // colour, though under "WHAT WORKS"
  CHECK(r.note("c")->prompt == "problems");
}

TEST_CASE("a titled rectangle holding one sticky is a region when its title names a prompt") {
  auto r = read_json(dump({frame("w", "Who came", 1500, 1000, 3000, 2000),
                           region("fac", "<p>facilitator</p>", 500, 1000, 800, 800, "w"), sticky("n", "<p>Nell G (facilitating)</p>", 500, 1000, "w"),
                           region("odd", "<p>Liquidlogic</p>", 2000, 1000, 800, 800, "w"), sticky("o", "<p>on a box</p>", 2000, 1000, "w")}));
  CHECK(r.note("n")->section == "involvement");
  CHECK(r.note("n")->prompt == "facilitator");
  CHECK(r.note("o")->section == "involvement");
  CHECK(r.note("odd"));  // a shape whose title names nothing, with one sticky on it, stays a shape
}

TEST_CASE("numbered frames that follow the template's order place one whose title matches nothing") {
  auto r = read_json(dump({frame("1", "1 \xC2\xB7 The view from the top", 0, 0, 1000, 1000), frame("2", "2) who's in the room", 2000, 0, 1000, 1000),
                           frame("3", "3 \xE2\x80\x93 parked \xF0\x9F\x85\xBF", 4000, 0, 1000, 1000),
                           frame("4", "4. the wobbly bits", 6000, 0, 1000, 1000), frame("5", "5 systems & data flows", 8000, 0, 1000, 1000),
                           sticky("s", "<p>slow reports</p>", 500, 500, "4")}));
  CHECK(r.note("s")->section == "key_issues");
  CHECK(r.has_finding("4", "by its number"));
}

TEST_CASE("content is cleaned; empty stickies are skipped with a finding; repeats are kept for tidy to link") {
  auto r = read_json(dump({frame("1", "Ideas", 0, 0, 3000, 3000),
                           sticky("2", "<p>Fish &amp; chips</p><p>on <strong>Friday</strong> &#128512;</p>", 100, 100, "1"),
                           sticky("3", "<p> &nbsp; </p>", 400, 100, "1"), sticky("4", "<p>same</p>", 700, 100, "1"),
                           sticky("5", "<p>same</p>", 1000, 100, "1")}));
  CHECK(r.note("2")->text == "Fish & chips\non Friday \xF0\x9F\x98\x80");
  CHECK_FALSE(r.note("3"));
  CHECK(r.has_finding("3", "empty sticky"));
  REQUIRE(r.note("4"));
  REQUIRE(r.note("5"));
  CHECK_FALSE(r.has_finding("5", "repeats"));  // tidy links repeats and says so, once
  CHECK(r.note("2")->id == "miro-2");
  CHECK(r.note("2")->source.plugin == "miro");
}

TEST_CASE("colour, tags from itemsByTag and authors through members are kept") {
  auto board = dump({frame("1", "Ideas", 0, 0, 3000, 3000), sticky("2", "<p>tagged</p>", 100, 100, "1")});
  board["items"][1]["style"] = {{"fillColor", "light_green"}};
  board["items"][1]["createdBy"] = {{"id", "3458764516565255692"}, {"type", "user"}};
  board["members"] = {{{"id", "3458764516565255692"}, {"name", "Helen Ward"}, {"type", "board_member"}}};
  board["tags"] = {{{"id", "t1"}, {"type", "tag"}, {"title", "Quick win"}}, {{"id", "t2"}, {"type", "tag"}, {"title", "Data quality"}}};
  board["itemsByTag"] = {{"t1", {"2"}}, {"t2", {"2", "999"}}};
  auto r = read_json(board);
  const auto* n = r.note("2");
  CHECK(n->colour == "light_green");
  CHECK(n->author == "Helen Ward");
  CHECK(n->tags == std::vector<std::string>{"Quick win", "Data quality"});
}

TEST_CASE("the board's members are recorded as people, with whether they wrote anything") {
  auto board = dump({frame("1", "Ideas", 0, 0, 3000, 3000), sticky("2", "<p>an idea</p>", 100, 100, "1")});
  board["items"][1]["createdBy"] = {{"id", "u1"}, {"type", "user"}};
  board["members"] = {{{"id", "u1"}, {"name", "Kwame Asante"}, {"role", "editor"}, {"type", "board_member"}},
                      {{"id", "u2"}, {"name", "Gill Parry"}, {"role", "owner"}, {"type", "board_member"}}};
  auto r = read_json(board);
  REQUIRE(r.d.people.size() == 2);
  const auto& wrote = r.d.people[0].name == "Kwame Asante" ? r.d.people[0] : r.d.people[1];
  const auto& silent = r.d.people[0].name == "Kwame Asante" ? r.d.people[1] : r.d.people[0];
  CHECK(wrote.extra.at("source") == "\"board member\"");
  CHECK(wrote.extra.at("wrote") == "true");
  CHECK(wrote.extra.at("user_id") == "\"u1\"");
  CHECK(wrote.present);
  CHECK(silent.name == "Gill Parry");
  CHECK(silent.extra.at("wrote") == "false");
  CHECK(silent.extra.at("board_role") == "\"owner\"");
  CHECK_FALSE(silent.present);
  CHECK(r.has_finding("members", "2 board members recorded as people"));
}

TEST_CASE("cards become actions with the owner and the London due date") {
  auto board = dump({frame("1", "Immediate actions", 0, 0, 3000, 3000)});
  board["members"] = {{{"id", "u1"}, {"name", "Priya Shah"}}};
  board["items"].push_back({{"id", "c1"}, {"type", "card"},
                            {"data", {{"title", "<p>Agree the measures</p>"}, {"description", "<p>with the DCS</p>"},
                                      {"assigneeId", "u1"}, {"dueDate", "2026-04-30T23:00:00.000Z"}}},
                            {"parent", {{"id", "1"}}},
                            {"position", {{"x", 10}, {"y", 10}, {"relativeTo", "parent_top_left"}}}});
  board["items"].push_back({{"id", "c2"}, {"type", "card"}, {"data", {{"title", "Later"}, {"dueDate", "soon"}}}});
  auto r = read_json(board);
  REQUIRE(r.d.actions.size() == 2);
  const auto& a = r.d.actions[0];
  CHECK(a.id == "miro-c1");
  CHECK(a.text == "Agree the measures\nwith the DCS");
  CHECK(a.owner == "Priya Shah");
  CHECK(a.due == "2026-05-01");
  CHECK(a.due_text == "2026-04-30T23:00:00.000Z");
  CHECK(a.source.ref == "c1");
  CHECK(r.d.actions[1].due == "");
  CHECK(r.d.actions[1].due_text == "soon");
  CHECK(r.has_finding("c2", "not a date"));
  CHECK(r.d.notes.empty());
}

TEST_CASE("the mapping frame's shapes and joined stickies become the system map; arrows decide direction") {
  auto board = dump({frame("m", "Data system mapping", 0, 0, 4000, 4000), item("s1", "shape", "<p>Liquidlogic</p>", 100, 100, "m"),
                     item("s2", "shape", "<p>Data warehouse</p><p>SQL Server</p>", 800, 100, "m"),
                     item("s3", "shape", "<p>DfE returns</p>", 1600, 100, "m"), sticky("st", "<p>Excel trackers</p>", 100, 900, "m"),
                     sticky("remark", "<p>this bit is manual!!</p>", 1600, 900, "m"),
                     frame("k", "Key issues", 9000, 0, 1000, 1000), sticky("k1", "<p>a</p>", 100, 100, "k"),
                     sticky("k2", "<p>b</p>", 400, 100, "k")},
                    {connector("e1", "s2", "s1", "stealth", "none", "nightly extract"),  // drawn backwards
                     connector("e2", "s2", "s3", "none", "arrow", "returns"), connector("e3", "st", "s2", "none", "none", "copied in by hand"),
                     connector("e4", "k1", "k2", "none", "stealth"), connector("e5", "s1", "404", "none", "stealth"),
                     connector("e6", "s1", "", "none", "stealth"), connector("e7", "remark", "s3", "none", "arrow")});
  board["connectors"][1]["style"]["strokeColor"] = "#e6280e";
  auto r = read_json(board);
  const auto& map = r.d.system_map;
  REQUIRE(map.nodes.size() == 4);
  CHECK(map.nodes[0].id == "node-s1");
  CHECK(map.nodes[0].function == "MIS maintenance and development");
  CHECK(map.nodes[0].business_area == "External suppliers");
  CHECK(map.nodes[1].label == "Data warehouse");
  CHECK(map.nodes[1].capacity == "SQL Server");
  CHECK(map.nodes[2].function == "Corporate performance and policy");
  CHECK(map.nodes[3].source == "st");
  REQUIRE(map.edges.size() == 3);
  CHECK(map.edges[0].from == "node-s1");
  CHECK(map.edges[0].to == "node-s2");
  CHECK(map.edges[0].label == "nightly extract");
  CHECK_FALSE(map.edges[0].pain_point);
  CHECK(map.edges[1].pain_point);
  CHECK(map.edges[2].extra.at("direction") == "\"none\"");
  CHECK(r.note("st"));  // a sticky on the map stays a note too
  CHECK(r.note("st")->section == "system_mapping");
  CHECK_FALSE(r.note("s1"));
  CHECK(r.has_finding("e4", "outside the system map's frame or region"));
  CHECK(r.has_finding("e5", "not on the board"));
  CHECK(r.has_finding("e6", "not attached at both ends"));
  // A sticky on one uncaptioned line is a comment on the box, not a system.
  CHECK(r.has_finding("e7", "read as a comment"));
  CHECK(r.note("remark"));
}

TEST_CASE("REST pages, a list of pages and the Web SDK array all read") {
  SUBCASE("one page") {
    auto r = read_text(R"({"type":"cursor-list","data":[
      {"id":"1","type":"frame","data":{"title":"Ideas"},"position":{"x":0,"y":0,"relativeTo":"canvas_center"},"geometry":{"width":1000,"height":1000}},
      {"id":"2","type":"sticky_note","data":{"content":"<p>hi</p>"},"parent":{"id":"1"},"position":{"x":10,"y":10,"relativeTo":"parent_top_left"}}],
      "cursor":"","size":2,"limit":50,"total":2})");
    CHECK(r.note("2")->section == "ideas");
  }
  SUBCASE("pages and connectors by type") {
    auto r = read_text(R"([{"data":[{"id":"1","type":"frame","data":{"title":"System map"},"position":{"x":0,"y":0},"geometry":{"width":1000,"height":1000}},
      {"id":"2","type":"shape","data":{"content":"Mosaic"},"parent":{"id":"1"},"position":{"x":10,"y":10,"relativeTo":"parent_top_left"}},
      {"id":"3","type":"shape","data":{"content":"Power BI"},"parent":{"id":"1"},"position":{"x":400,"y":10,"relativeTo":"parent_top_left"}}],"cursor":"x"},
      {"data":[{"id":"4","type":"connector","startItem":{"id":"2"},"endItem":{"id":"3"}}]}])");
    CHECK(r.d.system_map.nodes.size() == 2);
    REQUIRE(r.d.system_map.edges.size() == 1);
    CHECK(r.d.system_map.edges[0].from == "node-2");
  }
  SUBCASE("Web SDK flattened array") {
    auto r = read_text(R"J([{"type":"tag","id":"t9","title":"Workforce","color":"blue"},
      {"type":"frame","id":"1","title":"Service model (vision)","x":0,"y":0,"width":1000,"height":1000},
      {"type":"sticky_note","id":"2","content":"<p>one team</p>","parentId":"1","x":100,"y":100,"relativeTo":"parent_top_left","tagIds":["t9"],"style":{"fillColor":"yellow"}},
      {"type":"card","id":"5","title":"<p>Agree the data flow</p>","assignee":{"userId":"u7"},"parentId":"1","x":300,"y":300},
      {"type":"board_member","id":"u7","name":"Lee Darby"}])J");
    REQUIRE(r.d.actions.size() == 1);
    CHECK(r.d.actions[0].owner == "Lee Darby");  // the Web SDK's assignee.userId
    const auto* n = r.note("2");
    REQUIRE(n);
    CHECK(n->section == "service_model");
    CHECK(n->tags == std::vector<std::string>{"Workforce"});
    CHECK(n->colour == "yellow");
  }
}

TEST_CASE("ids beyond 2^53 stay exact, even when a tool wrote them as numbers") {
  auto r = read_text(R"({"items":[{"id":3458764535167760899,"type":"sticky_note","data":{"content":"x"},"position":{"x":0,"y":0}}]})");
  REQUIRE(r.d.notes.size() == 1);
  CHECK(r.d.notes[0].source.ref == "3458764535167760899");
}

TEST_CASE("broken inputs give a clear error or findings, never a crash") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto full = dump({frame("1", "Ideas", 0, 0, 1000, 1000), sticky("2", "<p>x</p>", 10, 10, "1")}).dump();
  SUBCASE("truncated JSON") {
    CHECK_THROWS_WITH_AS(h.read(write_temp("t.json", full.substr(0, full.size() / 2))),
                         doctest::Contains("not valid JSON"), sdiag::InputError);
  }
  SUBCASE("the error names the byte, in valid UTF-8 and briefly, whatever the text read up to it") {
    // nlohmann's message quotes every byte of the token read so far: here half of an "é", and a 1 MB string.
    for (const std::string& bad : {std::string(R"({"connectors":[],"items":[{"id":"1"}, )") + "\xC3\xA9]}",
                                   R"({"connectors":[],"items":[{"id":"1"}, ")" + std::string(1 << 20, 'a') + "\x01\"]}"}) {
      try {
        h.read(write_temp("bad.json", bad));
        FAIL("read");
      } catch (const sdiag::InputError& e) {
        const std::string message = e.what();
        CHECK(message.find("not valid JSON") != std::string::npos);
        CHECK(sdiag::text::is_valid_utf8(message));
        CHECK(message.size() < 400);
        CHECK(e.location().starts_with("byte "));
      }
    }
  }
  SUBCASE("empty file and not an export") {
    CHECK_THROWS_AS(h.read(write_temp("e.json", "  \n")), sdiag::InputError);
    CHECK_THROWS_WITH_AS(h.read(write_temp("n.json", "42")), doctest::Contains("not a Miro board export"), sdiag::InputError);
  }
  SUBCASE("deep nesting") {
    std::string deep = R"({"items":[)" + std::string(10000, '[') + std::string(10000, ']') + "]}";
    CHECK_THROWS_WITH_AS(h.read(write_temp("deep.json", deep)), doctest::Contains("nested"), sdiag::InputError);
  }
  SUBCASE("wrong types") {
    auto r = read_text(R"({"items":[42, "x", {"id":{"a":1},"type":"sticky_note"},
      {"id":"5","type":"sticky_note","data":{"content":17},"position":{"x":"12.5","y":[1]}},
      {"id":"6","type":"sticky_note","data":"oops"}],
      "connectors":{"not":"a list"}, "itemsByTag":[1,2]})");
    CHECK(r.has_finding("items[0]", "not a JSON object"));
    CHECK(r.has_finding("items[2]", "no id"));
    CHECK(r.note("5"));  // content 17 read as text "17"
    CHECK(r.has_finding("6", "without its content"));
    CHECK(r.has_finding("connectors", "should be a list"));
    CHECK(r.has_finding("itemsByTag", "should map"));
  }
  SUBCASE("missing fields") {
    auto r = read_text(R"({"items":[{"id":"1","type":"sticky_note"},{"id":"2"},{"type":"frame"},
      {"id":"3","type":"card","data":{}}], "connectors":[{"id":"c"}]})");
    CHECK(r.has_finding("1", "without its content"));
    CHECK(r.has_finding("3", "empty card"));
    CHECK(r.has_finding("c", "not attached"));
    CHECK(r.has_finding("items[2]", "no id"));
  }
  SUBCASE("huge strings") {
    std::string big(4 << 20, 'a');
    auto r = read_json(dump({frame("1", "Ideas", 0, 0, 1000, 1000), sticky("2", "<p>" + big + "</p>", 10, 10, "1")}));
    REQUIRE(r.note("2"));
    CHECK(r.note("2")->text.size() == big.size());
  }
  SUBCASE("invalid UTF-8 is read as Windows-1252, with a finding") {
    auto r = read_text("{\"items\":[{\"id\":\"1\",\"type\":\"sticky_note\",\"data\":{\"content\":\"caf\xE9\"}}]}");
    REQUIRE(r.note("1"));
    CHECK(r.note("1")->text == "caf\xC3\xA9");
    CHECK(std::any_of(r.findings.begin(), r.findings.end(),
                      [](const sdiag::Finding& f) { return f.message.find("Windows-1252") != std::string::npos; }));
  }
  SUBCASE("a lone escaped surrogate costs one character; pairs, a BOM and clean text read as they are") {
    auto board = [](const std::string& content) {
      return R"({"items":[{"id":"1","type":"frame","data":{"title":"Ideas"},"position":{"x":0,"y":0},"geometry":{"width":1000,"height":1000}},
        {"id":"2","type":"sticky_note","data":{"content":")" + content + R"("},"parent":{"id":"1"},"position":{"x":10,"y":10}}]})";
    };
    auto lone = read_text(board(R"(caf\u00e9 \ud800 ok)"));
    REQUIRE(lone.note("2"));
    CHECK(lone.note("2")->text == "caf\xC3\xA9 \xEF\xBF\xBD ok");
    CHECK(std::any_of(lone.findings.begin(), lone.findings.end(),
                      [](const sdiag::Finding& f) { return f.message.find("lone surrogate") != std::string::npos; }));
    auto pair = read_text(board(R"(\ud83d\ude00 caf\u00e9)"));
    REQUIRE(pair.note("2"));
    CHECK(pair.note("2")->text == "\xF0\x9F\x98\x80 caf\xC3\xA9");
    auto bom = read_text("\xEF\xBB\xBF" + board("caf\xC3\xA9"));
    REQUIRE(bom.note("2"));
    CHECK(bom.note("2")->text == "caf\xC3\xA9");
    CHECK(std::none_of(bom.findings.begin(), bom.findings.end(),
                       [](const sdiag::Finding& f) { return f.severity == sdiag::Severity::warning; }));
  }
  SUBCASE("frame cycles and unknown parents") {
    auto r = read_json(dump({frame("1", "Ideas", 0, 0, 1000, 1000, "2"), frame("2", "Key issues", 0, 0, 1000, 1000, "1"),
                             sticky("3", "<p>x</p>", 10, 10, "1"), sticky("4", "<p>y</p>", 10, 10, "404")}));
    CHECK(r.note("3"));
    CHECK(r.has_finding("2", "loop"));
    CHECK(r.has_finding("4", "not in the export"));
  }
}

TEST_CASE("the Castlebrook sample: every item is accounted for") {
  auto path = fs::path(SDIAG_TEST_SOURCE_DIR) / "samples" / "miro" / "castlebrook-board.json";
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto d = h.read(path);
  std::ifstream in(path);
  auto board = json::parse(in);
  std::set<std::string> accounted;
  for (const auto& n : d.notes) accounted.insert(n.source.ref);
  for (const auto& n : d.system_map.nodes) accounted.insert(n.source);
  for (const auto& a : d.actions) accounted.insert(a.source.ref);
  for (const auto& f : h.findings()) accounted.insert(f.location);
  for (const auto& i : board["items"]) CHECK_MESSAGE(accounted.count(i["id"].get<std::string>()), i["id"]);
  std::ifstream ein(fs::path(SDIAG_TEST_SOURCE_DIR) / "samples" / "miro" / "castlebrook-board.expected.json");
  auto expected = json::parse(ein);
  CHECK(d.notes.size() == expected["notes"].size());
  CHECK(d.actions.size() == expected["actions"].size());
  CHECK(d.system_map.nodes.size() == expected["nodes"].size());
  CHECK(d.system_map.edges.size() == expected["edges"].size());
}

TEST_CASE("the workshop date is read from every export shape when no input gave one") {
  SUBCASE("a whole-board dump: the board's name, its description, its export time") {
    json d = dump({frame("1", "Ideas", 0, 0, 1000, 1000), sticky("2", "<p>a</p>", 100, 100, "1")});
    d.erase("exportedAt");
    d["export"] = {{"exportedAt", "2027-01-20T09:00:00Z"}};
    d["board"] = {{"id", "b"}, {"name", "Lowfield diagnostic \xE2\x80\x93 30 December"},
                  {"description", "Data diagnostic for Lowfield"}, {"createdAt", "2025-11-01T09:00:00Z"}};
    auto r = read_json(d);
    CHECK(r.d.meta.date == "2026-12-30");  // the year nearest the export, the stickies having no time
    CHECK(r.d.meta.extra.at("date_source") == "\"board name\"");
    CHECK(r.has_finding("", "the workshop date is taken as 30 December 2026 from the board"));
    d["board"]["name"] = "Lowfield";
    d["board"]["description"] = "Held on Wed 6th January 2027 in the council chamber";
    r = read_json(d);
    CHECK(r.d.meta.date == "2027-01-06");
    CHECK(r.d.meta.extra.at("date_source") == "\"board description\"");
  }
  SUBCASE("REST pages: the stickies' creation times, in London") {
    auto r = read_text(R"({"type":"cursor-list","data":[
      {"id":"1","type":"frame","data":{"title":"Ideas"},"position":{"x":0,"y":0},"geometry":{"width":1000,"height":1000},"createdAt":"2026-06-01T10:00:00Z"},
      {"id":"2","type":"sticky_note","data":{"content":"<p>a</p>"},"parent":{"id":"1"},"position":{"x":10,"y":10,"relativeTo":"parent_top_left"},"createdAt":"2026-06-23T23:30:00Z"},
      {"id":"3","type":"sticky_note","data":{"content":"<p>b</p>"},"parent":{"id":"1"},"position":{"x":10,"y":10,"relativeTo":"parent_top_left"},"createdAt":"2026-06-24T10:00:00.000Z"},
      {"id":"4","type":"sticky_note","data":{"content":"<p>c</p>"},"parent":{"id":"1"},"position":{"x":10,"y":10,"relativeTo":"parent_top_left"},"createdAt":"2026-06-22T10:00:00Z"}],
      "cursor":""})");
    CHECK(r.d.meta.date == "2026-06-24");
    CHECK(r.d.meta.extra.at("date_source") == "\"sticky notes created on that day (Europe/London)\"");
  }
  SUBCASE("the Web SDK array: flat items with createdAt") {
    auto r = read_text(R"J([{"type":"frame","id":"1","title":"Ideas","x":0,"y":0,"width":1000,"height":1000},
      {"type":"sticky_note","id":"2","content":"<p>a</p>","parentId":"1","x":1,"y":1,"createdAt":"2026-03-12T09:00:00.000Z"},
      {"type":"card","id":"3","title":"<p>b</p>","parentId":"1","x":1,"y":1,"createdAt":"2026-03-12T15:00:00.000Z"}])J");
    CHECK(r.d.meta.date == "2026-03-12");
  }
  SUBCASE("a board without any date says how to give one") {
    auto r = read_json(dump({frame("1", "Ideas", 0, 0, 1000, 1000), sticky("2", "<p>a</p>", 100, 100, "1")}));
    CHECK(r.d.meta.date.empty());
    CHECK(r.has_finding("", "--meta date=YYYY-MM-DD"));
  }
}
