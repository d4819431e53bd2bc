// Tests {{name}}.so as the host runs it: loaded from its file by the SDK's Harness.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <sdiag/testing.hpp>

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("writes one row per action, quoted where needed") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  sdiag::Diagnostic d;
  d.actions.push_back({.id = "a1", .text = "Agree a glossary, then share it", .owner = "BI lead", .due = "2026-03-31"});
  auto written = h.write(d, nullptr);
  REQUIRE(written.size() == 1);
  CHECK(written[0].filename() == "actions.csv");
  CHECK(slurp(written[0]) ==
        "\xEF\xBB\xBF" "id,action,owner,due,status\r\n"
        "a1,\"Agree a glossary, then share it\",BI lead,2026-03-31,not started\r\n");
}

TEST_CASE("refuses a file option that is a path") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  h.set("file", "../elsewhere.csv");
  CHECK_THROWS_WITH_AS(h.write(sdiag::Diagnostic{}, nullptr), doctest::Contains("plain file name"),
                       std::runtime_error);
}
