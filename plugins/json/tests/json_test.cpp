// The json plugin, loaded as the real plugin: diagnostic.json in and out.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <sdiag/testing.hpp>

namespace {

using namespace sdiag;

const std::string sample = std::string(SDIAG_TEST_SOURCE_DIR) + "/samples/castlebrook/diagnostic.json";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("sdiag-json-test-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

testing::Harness harness() {
  testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/json.so");
  h.data_dir(SDIAG_TEST_DATA_DIR);
  return h;
}

}  // namespace

TEST_CASE("a diagnostic.json is recognised; other JSON is not") {
  auto h = harness();
  CHECK(h.sniff(sample) == 100);
  CHECK(h.sniff(write_temp("board.json", R"({"data": [{"type": "sticky_note"}]})")) == 0);
  CHECK(h.sniff(write_temp("empty.json", "")) == 0);
}

TEST_CASE("written and read back, a diagnostic is the same, and so is its file") {
  auto h = harness();
  auto d = h.read(sample, Diagnostic{});
  CHECK(d.notes.size() > 50);
  CHECK(d.people.size() == 8);
  d.actions.push_back(Action{.id = "a1", .text = "Agree one definition", .owner = "Priya Shah", .due = "2026-03-31",
                             .status = "in progress", .theme_ids = {"t1"},
                             .updates = {{"2026-02-01", "in progress", "Draft shared \"v2\"", "Priya"}}});
  d.themes.push_back(Theme{.id = "t1", .label = "Definitions differ", .note_ids = {d.notes.front().id}, .confidence = 0.75});
  h.set("file", "first.json");
  auto first = h.write(d, nullptr).front();
  auto again = h.read(first, Diagnostic{});
  CHECK(again.actions == d.actions);
  CHECK(again.themes == d.themes);
  CHECK(again.notes == d.notes);
  CHECK(again.people == d.people);
  h.set("file", "second.json");
  CHECK(slurp(h.write(again, nullptr).front()) == slurp(first));
}

TEST_CASE("a second diagnostic adds to the first rather than replacing it") {
  auto h = harness();
  auto first = h.read(sample, Diagnostic{});
  auto both = h.read(sample, first);
  CHECK(both.notes.size() == 2 * first.notes.size());
  CHECK(both.actions.size() == 2 * first.actions.size());
  CHECK(both.meta.organisation == first.meta.organisation);
}

TEST_CASE("fields other tools added are kept and written back") {
  auto text = slurp(sample);
  auto at = text.find("\"notes\": [\n    {");
  REQUIRE(at != std::string::npos);
  text.insert(at + std::string("\"notes\": [\n    {").size(), "\n      \"council_ref\": {\"n\": 7},");
  auto h = harness();
  auto d = h.read(write_temp("extra.json", text), Diagnostic{});
  REQUIRE(!d.notes.empty());
  CHECK(d.notes.front().extra.at("council_ref") == R"({"n":7})");
  h.set("file", "extra-out.json");
  CHECK(slurp(h.write(d, nullptr).front()).find("\"council_ref\": {\n        \"n\": 7\n      }") != std::string::npos);
}

TEST_CASE("broken, newer, wrongly typed and deeply nested files are refused with where and why") {
  auto h = harness();
  auto refused = [&](const std::string& name, const std::string& content, const std::string& words) {
    try {
      h.read(write_temp(name, content), Diagnostic{});
      FAIL("accepted " << name);
    } catch (const InputError& e) {
      CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, name << ": " << e.what());
    }
  };
  refused("truncated.json", slurp(sample).substr(0, 4000), "not valid JSON");
  refused("newer.json", R"({"schema": "sdiag/2"})", "newer than this sdiag reads");
  refused("not-ours.json", R"({"schema": "other/1"})", "not a diagnostic.json");
  refused("notes-object.json", R"({"schema": "sdiag/1", "notes": {"a": 1}})", "'notes' should be a list");
  refused("deep.json", R"({"schema": "sdiag/1", "meta": )" + std::string(100000, '[') + std::string(100000, ']') + "}",
          "nest");
}
