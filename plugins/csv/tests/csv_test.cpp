// The csv input plugin through the Harness (its CSV reader is tested in libs/tabular).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <sdiag/testing.hpp>

namespace fs = std::filesystem;

namespace {

std::string plugin_path() { return std::string(SDIAG_TEST_PLUGIN_DIR) + "/csv.so"; }

fs::path write_temp(const std::string& name, const std::string& bytes) {
  auto dir = fs::temp_directory_path() / "sdiag-csv-tests";
  fs::create_directories(dir);
  auto p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

struct Run {
  sdiag::Diagnostic d;
  std::vector<sdiag::Finding> findings;
  bool has_finding(const std::string& words) const {
    return std::any_of(findings.begin(), findings.end(),
                       [&](const sdiag::Finding& f) { return f.message.find(words) != std::string::npos; });
  }
};

Run read_file(const fs::path& p) {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  Run r;
  r.d = h.read(p);
  r.findings = h.findings();
  return r;
}

Run read_bytes(const std::string& bytes, const std::string& name = "notes.csv") { return read_file(write_temp(name, bytes)); }

}  // namespace

TEST_CASE("sniffs .csv files only") {
  sdiag::testing::Harness h(plugin_path());
  CHECK(h.sniff(write_temp("a.csv", "text\nhello\n")) > 50);
  CHECK(h.sniff(write_temp("a.json", "{\"items\": []}")) == 0);
}

TEST_CASE("a notes table with a header: columns by name, sections and prompts matched") {
  auto r = read_file(fs::path(SDIAG_TEST_SOURCE_DIR) / "samples" / "csv" / "castlebrook-notes.csv");
  const auto& notes = r.d.notes;
  REQUIRE(notes.size() == 11);
  CHECK(notes[0].section == "dcs_view");
  CHECK(notes[0].text == "We have lots of data, but leaders still ask for the same numbers in three different ways.");
  CHECK(notes[0].author == "Helen Ward");
  CHECK(notes[0].colour == "yellow");
  CHECK(notes[0].extra.at("votes") == "\"3\"");
  CHECK(notes[0].source.ref == "2");
  CHECK(notes[0].id == "csv-castlebrook-notes-2");
  CHECK(notes[1].section == "key_issues");
  CHECK(notes[1].prompt == "pain_points");
  CHECK(notes[2].text == "Team managers keep \"shadow\" spreadsheets");
  CHECK(notes[2].tags == std::vector<std::string>{"Data quality", "Workforce"});
  CHECK(notes[3].prompt == "best_things");
  CHECK(notes[3].text == "Weekly MASH dashboard is trusted\nand used by team managers");
  CHECK(notes[4].section == "system_mapping");
  CHECK(notes[4].prompt == "resources");
  CHECK(notes[5].section == "target_outputs");
  CHECK(notes[5].prompt == "products");
  CHECK(notes[7].section == "actions");
  CHECK(notes[7].extra.at("owner") == "\"Priya Shah\"");
  CHECK(notes[7].extra.at("due") == "\"27/03/2026\"");
  CHECK(notes[8].extra.at("due") == "\"w/c 16 Feb\"");
  CHECK(notes[9].section == "unsorted");
  CHECK(notes[10].section == "room-and-catering");
  CHECK(r.d.tmpl.find_section("room-and-catering"));
  CHECK(r.has_finding("matches no section"));
  CHECK(r.has_finding("no section"));
}

TEST_CASE("section names the template lacks are matched word for word among themselves, never in close wording") {
  auto r = read_bytes("section,text\nTeam Rovers,a\nTeam Rivers,b\nHealth visitors,c\nWealth visitors,d\n"
                      "team  ROVERS,e\nTeam-Rovers,f\nImmediate acions,g\n");
  REQUIRE(r.d.notes.size() == 7);
  CHECK(r.d.notes[0].section == "team-rovers");
  CHECK(r.d.notes[1].section == "team-rivers");
  CHECK(r.d.notes[2].section == "health-visitors");
  CHECK(r.d.notes[3].section == "wealth-visitors");
  CHECK(r.d.notes[4].section == "team-rovers");    // the same name but for case and spaces
  CHECK(r.d.notes[5].section == "team-rovers-2");  // another name whose id would be the same
  REQUIRE(r.d.tmpl.find_section("team-rovers-2"));
  CHECK(r.d.tmpl.find_section("team-rovers-2")->title == "Team-Rovers");
  CHECK(r.d.notes[6].section == "actions");  // the template's titles still in close wording
}

TEST_CASE("Miro's one-column export: BOM, no header, multi-line cells, emoji") {
  auto r = read_file(fs::path(SDIAG_TEST_SOURCE_DIR) / "samples" / "csv" / "miro-stickies-export.csv");
  REQUIRE(r.d.notes.size() == 4);
  CHECK(r.d.notes[0].text == "Could we share a Power BI workspace with health partners?");
  CHECK(r.d.notes[1].text == "Reports take three days to refresh,\nafter month end");
  CHECK(r.d.notes[2].text == "Data champions in each service area \xF0\x9F\x99\x82");
  CHECK(r.d.notes[3].source.ref == "6");
  for (const auto& n : r.d.notes) CHECK(n.section == "unsorted");
  CHECK(r.has_finding("no header row"));
}

TEST_CASE("Excel's ';' CSV in Windows-1252") {
  auto r = read_bytes("Section;Text;Author\r\nIdeas for later;Caf\xE9 data \x93" "champions\x94;Jos\xE9\r\n");
  REQUIRE(r.d.notes.size() == 1);
  CHECK(r.d.notes[0].section == "ideas");
  CHECK(r.d.notes[0].text == "Caf\xC3\xA9 data \xE2\x80\x9C" "champions\xE2\x80\x9D");
  CHECK(r.d.notes[0].author == "Jos\xC3\xA9");
  CHECK(r.has_finding("Windows-1252"));
}

TEST_CASE("odd rows give findings, never a crash") {
  SUBCASE("rows without text, extra cells, an unclosed quote") {
    auto r = read_bytes("text,section\n,Ideas\nhello,Ideas,surplus\n\"open,Ideas\n");
    REQUIRE(r.d.notes.size() == 2);
    CHECK(r.has_finding("no note text"));
    CHECK(r.d.notes[0].extra.at("column-3") == "\"surplus\"");
    CHECK(r.has_finding("never closed"));
    CHECK(r.d.notes[1].text == "\"open");  // the quote kept as written, the section still read
    CHECK(r.d.notes[1].section == "ideas");
  }
  SUBCASE("stray quotes cost no row: one never closed, one closed rows later") {
    auto r = read_bytes("section,text,author\nIdeas,\"Data champions in each team,Jo\nIdeas,A shared glossary,Sam\n"
                        "Ideas,\"Weekly huddle,Ali\nActions,Book the \"big\" room,Kim\nActions,Last row,\"Lee\n");
    REQUIRE(r.d.notes.size() == 5);
    CHECK(r.d.notes[0].text == "\"Data champions in each team");
    CHECK(r.d.notes[0].author == "Jo");
    CHECK(r.d.notes[1].text == "A shared glossary");
    CHECK(r.d.notes[2].author == "Ali");
    CHECK(r.d.notes[3].text == "Book the \"big\" room");
    CHECK(r.d.notes[3].section == "actions");
    CHECK(r.d.notes[4].author == "\"Lee");
    std::vector<std::string> lines;
    for (const auto& f : r.findings)
      if (f.message.find("stray \"") != std::string::npos) {
        CHECK(f.severity == sdiag::Severity::warning);
        lines.push_back(f.location);
      }
    CHECK(lines == std::vector<std::string>{"line 2", "line 4", "line 6"});
  }
  SUBCASE("a header without a text column") {
    sdiag::testing::Harness h(plugin_path());
    h.data_dir(SDIAG_TEST_DATA_DIR);
    CHECK_THROWS_WITH_AS(h.read(write_temp("h.csv", "section,author\nIdeas,Jo\n")), doctest::Contains("no column of note text"),
                         sdiag::InputError);
  }
  SUBCASE("empty and binary files") {
    sdiag::testing::Harness h(plugin_path());
    h.data_dir(SDIAG_TEST_DATA_DIR);
    CHECK_THROWS_AS(h.read(write_temp("e.csv", "\r\n,,\n")), sdiag::InputError);
    CHECK_THROWS_AS(h.read(write_temp("b.csv", std::string("PK\x03\x04\0\0\x01", 7))), sdiag::InputError);
  }
  SUBCASE("a huge cell") {
    auto r = read_bytes("\"" + std::string(3 << 20, 'x') + "\"\n");
    REQUIRE(r.d.notes.size() == 1);
    CHECK(r.d.notes[0].text.size() == (3u << 20));
  }
  SUBCASE("an unknown prompt") {
    auto r = read_bytes("section,prompt,text\nKey issues,Weather,rain\n");
    REQUIRE(r.d.notes.size() == 1);
    CHECK(r.d.notes[0].section == "key_issues");
    CHECK(r.d.notes[0].prompt == "");
    CHECK(r.has_finding("not one of the section's prompts"));
  }
}

TEST_CASE("notes written as CSV are read back as the same notes, in the same sections and prompts") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  sdiag::Diagnostic d;
  d.tmpl = sdiag::testing::default_template(SDIAG_TEST_DATA_DIR);
  d.notes = {{.id = "n1", .section = "key_issues", .prompt = "pain_points",
              .text = "Reports \"take months\", and nobody owns them", .author = "Priya Shah"},
             {.id = "n2", .section = "actions", .text = "Agree one definition\nby end of March", .author = "Tom, BI"},
             {.id = "n3", .section = "dcs_view", .text = "=HYPERLINK(\"x\")", .author = ""}};
  h.set("file", "notes.csv");
  auto written = h.write(d, nullptr);
  REQUIRE(written.size() == 1);
  auto back = h.read(written.front());
  REQUIRE(back.notes.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(back.notes[i].text == d.notes[i].text);
    CHECK(back.notes[i].section == d.notes[i].section);
    CHECK(back.notes[i].prompt == d.notes[i].prompt);
    CHECK(back.notes[i].author == d.notes[i].author);
  }
}

TEST_CASE("with no notes, the CSV is the blank template: an example row per prompt, read back into its prompt") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  sdiag::Diagnostic d;
  d.tmpl = sdiag::testing::default_template(SDIAG_TEST_DATA_DIR);
  h.set("file", "blank.csv");
  auto back = h.read(h.write(d, nullptr).front());
  std::size_t rows = 0;
  for (const auto& s : d.tmpl.sections) rows += std::max<std::size_t>(1, s.prompts.size());
  REQUIRE(back.notes.size() == rows);
  CHECK(std::none_of(back.notes.begin(), back.notes.end(),
                     [](const sdiag::Note& n) { return n.section == sdiag::unsorted_section; }));
  CHECK(back.notes.front().text.starts_with("Example for "));
}
