// extra_json: the JSON text of an Extra value, always valid and escaped.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sdiag/extra_json.hpp>
#include <sdiag/json.hpp>

TEST_CASE("strings are escaped as JSON requires") {
  CHECK(sdiag::extra_json("Priya Shah") == "\"Priya Shah\"");
  CHECK(sdiag::extra_json("") == "\"\"");
  CHECK(sdiag::extra_json("say \"hi\" \\ back") == "\"say \\\"hi\\\" \\\\ back\"");
  CHECK(sdiag::extra_json("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
  CHECK(sdiag::extra_json(std::string("\x01\x1f\0", 3)) == "\"\\u0001\\u001f\\u0000\"");
  CHECK(sdiag::extra_json("caf\xC3\xA9 \xF0\x9F\x99\x82") == "\"caf\xC3\xA9 \xF0\x9F\x99\x82\"");  // UTF-8 kept as it is
  CHECK(sdiag::extra_json("caf\xE9") == "\"caf\xEF\xBF\xBD\"");  // not UTF-8: U+FFFD, still valid JSON
}

TEST_CASE("lists of strings") {
  CHECK(sdiag::extra_json(std::vector<std::string>{"Data quality", "a \"b\""}) == "[\"Data quality\",\"a \\\"b\\\"\"]");
  CHECK(sdiag::extra_json(std::vector<std::string>{}) == "[]");
}

TEST_CASE("every value parses back to the text it was made from, and survives diagnostic.json") {
  const std::string hostile = "line\nbreak \"quoted\" back\\slash \x07 bell </script>";
  CHECK(nlohmann::json::parse(sdiag::extra_json(hostile)).get<std::string>() == hostile);

  sdiag::Diagnostic d;
  d.notes.push_back({.id = "n1", .section = "ideas", .text = "x"});
  d.notes[0].extra["owner"] = sdiag::extra_json(hostile);
  d.notes[0].extra["labels"] = sdiag::extra_json(std::vector<std::string>{"a", hostile});
  std::vector<sdiag::Finding> warnings;
  auto back = sdiag::diagnostic_from_json(sdiag::to_json(d), warnings);
  REQUIRE(back.notes.size() == 1);
  CHECK(back.notes[0].extra.at("owner") == sdiag::extra_json(hostile));
  CHECK(back.notes[0].extra.at("labels") == sdiag::extra_json(std::vector<std::string>{"a", hostile}));
}
