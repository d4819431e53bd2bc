// Tests {{name}}.so as the host runs it: loaded from its file by the SDK's Harness.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fstream>

#include <sdiag/testing.hpp>

namespace {
const std::filesystem::path sample = std::filesystem::path(TEST_DATA_DIR) / "notes.txt";
}

TEST_CASE("sniffs its own files and not others") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  CHECK(h.sniff(sample) > 0);
  CHECK(h.sniff(std::filesystem::path(TEST_DATA_DIR) / ".." / "{{name}}_test.cpp") == 0);
}

TEST_CASE("reads every line, unknown sections kept as unsorted") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  auto d = h.read(sample);  // into the default workshop template (SDIAG_DATA_DIR)
  REQUIRE(d.notes.size() == 3);
  CHECK(d.notes[0].section == "key_issues");
  CHECK(d.notes[0].prompt == "pain_points");
  CHECK(d.notes[0].text == "Reports take three days to refresh");
  CHECK(d.notes[0].source.ref == "line 2");
  CHECK(d.notes[2].section == sdiag::unsorted_section);
  REQUIRE(h.findings().size() == 1);
  CHECK(h.findings()[0].location == "line 4");
}

TEST_CASE("a file with no notes is an input error") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  auto empty = std::filesystem::temp_directory_path() / "{{name}}-empty.txt";
  { std::ofstream(empty) << "# only a comment\n"; }
  CHECK_THROWS_AS(h.read(empty, sdiag::Diagnostic{}), sdiag::InputError);
  std::filesystem::remove(empty);
}
