// The markdown input, loaded as the real plugin and run on the sample write-up.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include <sdiag/testing.hpp>

namespace {

std::string sample(const char* name) { return std::string(SDIAG_TEST_SOURCE_DIR) + "/samples/forms/" + name; }

sdiag::testing::Harness harness() {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/markdown.so");
  h.data_dir(SDIAG_TEST_DATA_DIR);
  return h;
}

const sdiag::Note* find_note(const sdiag::Diagnostic& d, const std::string& text) {
  for (const auto& n : d.notes)
    if (n.text == text) return &n;
  return nullptr;
}

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("sdiag-md-test-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

}  // namespace

TEST_CASE("the plugin is both an input and the Markdown output") {
  auto h = harness();
  CHECK(h.info().kinds.size() == 2);
  CHECK(h.sniff(sample("castlebrook-writeup.md")) >= 90);
}

TEST_CASE("a facilitator's write-up becomes meta, notes, narrative and people") {
  auto h = harness();
  auto d = h.read(sample("castlebrook-writeup.md"));

  CHECK(d.meta.title == "Castlebrook children's services data diagnostic");
  CHECK(d.meta.organisation == "Castlebrook Borough Council");
  CHECK(d.meta.date == "2025-03-14");
  CHECK(d.meta.extra.at("date_source") == "\"front matter\"");
  CHECK(d.meta.facilitator.find("Priya Natarajan") == 0);
  CHECK(d.meta.facilitator.find('@') == std::string::npos);

  const auto* pain = find_note(d, "Reports take three days to refresh after month end");
  REQUIRE(pain);
  CHECK(pain->section == "key_issues");
  CHECK(pain->prompt == "pain_points");
  CHECK(pain->source.ref.starts_with("line "));
  const auto* nested = find_note(d, "Ethnicity is blank for 14% of children in care");
  REQUIRE(nested);
  CHECK(nested->prompt == "pain_points");
  const auto* best = find_note(d, "Front-line managers use the weekly caseload dashboard");
  REQUIRE(best);
  CHECK(best->prompt == "best_things");
  const auto* resource = find_note(d, "Liquidlogic LCS");
  REQUIRE(resource);
  CHECK(resource->section == "system_mapping");
  CHECK(resource->prompt == "resources");
  const auto* action = find_note(d, "Grace to publish a data quality dashboard for ethnicity by end of April");
  REQUIRE(action);
  CHECK(action->section == "actions");

  // Commentary headings feed the report's narrative, as Markdown.
  REQUIRE(d.narrative.count("system_overview"));
  CHECK(d.narrative["system_overview"].find("**Liquidlogic**") != std::string::npos);
  CHECK(d.narrative["works_well"] == "The nightly extract is reliable and well documented.");
  CHECK(d.narrative["key_issues"].find("- The warehouse is rebuilt by one person") != std::string::npos);
  CHECK(d.narrative["next_steps"].find("six weeks") != std::string::npos);
  CHECK(d.narrative["dcs_view"].find("a month late") != std::string::npos);
  CHECK(d.narrative["contributors"] == "Eleven people took part; finance sent apologies.");
  // "Next steps" is commentary, so it must not have become an actions note.
  CHECK_FALSE(find_note(d, "The group meets again in six weeks to review progress."));

  REQUIRE(d.people.size() == 4);
  CHECK(d.people[0].name == "Helen Ashworth");
  CHECK(d.people[0].role == "Director of Children's Services");
  CHECK(d.people[3].present == false);

  // A heading that names nothing: kept as unsorted, with a finding.
  const auto* cake = find_note(d, "Lemon drizzle");
  REQUIRE(cake);
  CHECK(cake->section == "unsorted");
  CHECK(std::any_of(h.findings().begin(), h.findings().end(),
                    [](const sdiag::Finding& f) { return f.message.find("Cake preferences") != std::string::npos; }));
}

TEST_CASE("front matter problems become findings, e-mail addresses never reach notes") {
  auto p = write_temp("bad.md",
                      "---\r\ndate: sometime in spring\r\nmood: hopeful\r\n---\r\n"
                      "## Where the big pain points are\r\n\r\n* Ask jo.bloggs@example.org for the extract\r\n");
  auto h = harness();
  auto d = h.read(p);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].text == "Ask [e-mail removed] for the extract");
  CHECK(d.notes[0].source.ref == "line 7");
  CHECK(d.meta.date.empty());
  CHECK(d.meta.extra.count("date_source") == 0);
  auto has = [&](const char* word) {
    return std::any_of(h.findings().begin(), h.findings().end(),
                       [&](const sdiag::Finding& f) { return f.message.find(word) != std::string::npos; });
  };
  CHECK(has("sometime in spring"));
  CHECK(has("mood"));
  CHECK(has("e-mail"));
  std::filesystem::remove(p);
}

TEST_CASE("hostile Markdown does not crash or hang") {
  std::string deep(20000, '>');
  deep += " x\n" + std::string(5000, '[') + std::string(5000, '*') + "\n| a |\n|---|\n" + std::string(3000, '|') + "\n";
  auto p = write_temp("deep.md", deep);
  auto h = harness();
  CHECK_NOTHROW(h.read(p));
  std::filesystem::remove(p);
}
