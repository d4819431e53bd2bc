#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>

using namespace sdiag;

static std::string read_all(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("diagnostic.json round trip keeps every field") {
  std::vector<Finding> w;
  auto text = read_all(std::string(SDIAG_TEST_SOURCE_DIR) + "/samples/castlebrook/diagnostic.json");
  auto d = diagnostic_from_json(text, w);
  CHECK(w.empty());
  CHECK(d.notes.size() == 59);
  CHECK(d.tmpl.sections.size() == 9);
  CHECK(d.system_map.edges.size() == 7);
  d.actions.push_back(Action{.id = "a1", .text = "Do it", .owner = "Tom", .due = "2026-03-31",
                             .due_text = "by end of March", .updates = {{"2026-04-01", "done", "finished", "Tom"}}});
  d.themes.push_back(Theme{.id = "t1", .label = "Warehouse", .keywords = {"load"}, .note_ids = {"n001"},
                           .origin = "manual", .confidence = 0.5});
  d.findings.push_back(Finding{Severity::error, "miro", "b.json", "item 1", "broken"});
  d.notes[0].position = Position{1.5, -2, "Frame 1"};
  d.notes[0].duplicate_of = "n002";
  auto again = diagnostic_from_json(to_json(d), w);
  CHECK(w.empty());
  CHECK(again == d);
  CHECK(to_json(again) == to_json(d));
}

TEST_CASE("unknown fields are kept and reported, never dropped") {
  std::vector<Finding> w;
  auto d = diagnostic_from_json(
      R"({"schema":"sdiag/1","x_council":{"code":"E1"},"notes":[{"id":"n1","text":"a","mood":"happy"}]})", w);
  REQUIRE(w.size() == 2);
  CHECK(w[0].location == "notes[0].mood");
  CHECK(w[1].location == "x_council");
  auto out = to_json(d);
  CHECK(out.find("\"mood\": \"happy\"") != std::string::npos);
  CHECK(out.find("\"code\": \"E1\"") != std::string::npos);
}

TEST_CASE("broken diagnostic.json gives a clear error naming the place") {
  std::vector<Finding> w;
  CHECK_THROWS_WITH_AS(diagnostic_from_json("{\"schema\":\"sdiag/1\",\n\"notes\": [", w),
                       doctest::Contains("not valid JSON"), InputError);
  try {
    diagnostic_from_json("{\"schema\":\"sdiag/1\",\n\n\"notes\": [}", w);
  } catch (const InputError& e) {
    CHECK(e.location() == "line 3");
  }
  CHECK_THROWS_WITH_AS(diagnostic_from_json(R"({"schema":"sdiag/1","notes":[{"id":"n1","tags":"x"}]})", w),
                       "'notes[0].tags' should be a list of strings", InputError);
  CHECK_THROWS_WITH_AS(diagnostic_from_json(R"({"schema":"sdiag/9"})", w), doctest::Contains("newer"), InputError);
  CHECK_THROWS_WITH_AS(diagnostic_from_json(R"([1,2])", w), doctest::Contains("should be an object"), InputError);
  CHECK_THROWS_AS(diagnostic_from_json("", w), InputError);
}
