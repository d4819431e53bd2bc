// Tests {{name}}.so as the host runs it: loaded from its file by the SDK's Harness.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <sdiag/testing.hpp>

namespace {

sdiag::Diagnostic two_notes() {
  sdiag::Diagnostic d;
  d.notes.push_back({.id = "n1", .section = "key_issues", .text = "Data quality"});
  d.notes.push_back({.id = "n2", .section = "key_issues", .text = "Reports take three days to refresh"});
  return d;
}

}  // namespace

TEST_CASE("describes itself") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  CHECK(h.info().name == "{{name}}");
  CHECK(h.info().kinds == std::vector{sdiag::Kind::analysis});
}

TEST_CASE("flags short notes and only those") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  auto out = h.analyse(two_notes());
  CHECK(out.notes[0].tags == std::vector<std::string>{"too-short"});
  CHECK(out.notes[1].tags.empty());
  REQUIRE(h.findings().size() == 1);
  CHECK(h.findings()[0].location == "n1");
  CHECK(h.findings()[0].plugin == "{{name}}");
}

TEST_CASE("min-words is an option") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  h.set("min-words", "1");
  h.analyse(two_notes());
  CHECK(h.findings().empty());
  CHECK_THROWS_AS(h.set("min-words", "many").analyse(two_notes()), sdiag::OptionError);
}
