// The host's reading of a script plugin's response (core/src/script_response),
// on bytes alone: what a program may answer, and what it gets back for the rest.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "script_response.hpp"

using namespace sdiag;
namespace response = sdiag::core::script_response;

namespace {

response::ojson parse(const std::string& text, const char* answer, std::vector<Finding>& findings) {
  return response::parse(text, answer, "demo", "`demo.py`", findings);
}

}  // namespace

TEST_CASE("a sound response: its answer and its findings") {
  std::vector<Finding> findings;
  auto r = parse(R"({"diagnostic": {"notes": [{"id": "n1", "section": "ideas", "text": "Data champions"}]},
                     "findings": [{"severity": "info", "message": "read 1 note", "location": "row 2"}]})",
                 "diagnostic", findings);
  auto d = response::diagnostic_of(r, "demo");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].text == "Data champions");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].severity == Severity::info);
  CHECK(findings[0].location == "row 2");
  CHECK(findings[0].plugin == "demo");
}

TEST_CASE("a sniff is a number from 0 to 100, whatever the program says") {
  std::vector<Finding> none;
  CHECK(response::sniff_of(parse(R"({"sniff": 42.9})", "sniff", none)) == 42);
  CHECK(response::sniff_of(parse(R"({"sniff": 1e300})", "sniff", none)) == 100);
  CHECK(response::sniff_of(parse(R"({"sniff": -1e300})", "sniff", none)) == 0);
  CHECK(response::sniff_of(parse(R"({"sniff": "yes"})", "sniff", none)) == 0);
}

TEST_CASE("what is not a response is refused with a reason, never a crash") {
  std::vector<Finding> findings;
  CHECK_THROWS_WITH(parse("Traceback (most recent call last):", "diagnostic", findings),
                    doctest::Contains("did not write a JSON response"));
  CHECK_THROWS_WITH(parse(R"({"document": {}})", "diagnostic", findings), doctest::Contains("has no \"diagnostic\""));
  CHECK_THROWS_WITH(parse(R"({"files": [], "findings": {}})", "files", findings), doctest::Contains("should be a list"));
  CHECK_THROWS_WITH(parse(R"({"files": [], "findings": [{"severity": "loud", "message": "x"}]})", "files", findings),
                    doctest::Contains("use info, warning or error"));
  // Nested a million levels deep: refused before anything walks it (writing it out again recursed).
  const std::string deep = R"({"diagnostic": {"extra": )" + std::string(1000000, '[') + std::string(1000000, ']') + "}}";
  CHECK_THROWS_WITH(parse(deep, "diagnostic", findings), doctest::Contains("nested more than"));

  auto bad = parse(R"({"diagnostic": [1, 2]})", "diagnostic", findings);
  CHECK_THROWS_WITH(response::diagnostic_of(bad, "demo"), doctest::Contains("should be an object"));
  auto doc = parse(R"({"document": {"blocks": [{"type": "heading", "level": "two"}]}})", "document", findings);
  CHECK_THROWS_WITH(response::document_of(doc), doctest::Contains("document cannot be read"));
}

TEST_CASE("an output's files are inside its folder and written") {
  // A folder of this process's own: two test runs at once (two build trees) never share it.
  auto dir = std::filesystem::temp_directory_path() / ("sdiag-script-response-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "report.txt") << "x";
  std::vector<Finding> none;
  auto files = response::files_of(parse(R"({"files": ["report.txt"]})", "files", none), dir);
  REQUIRE(files.size() == 1);
  CHECK(files[0] == dir / "report.txt");
  CHECK_THROWS_WITH(response::files_of(parse(R"({"files": ["../../etc/passwd"]})", "files", none), dir),
                    doctest::Contains("outside the output folder"));
  CHECK_THROWS_WITH(response::files_of(parse(R"({"files": ["missing.txt"]})", "files", none), dir),
                    doctest::Contains("did not write"));
  std::filesystem::remove_all(dir);
}
