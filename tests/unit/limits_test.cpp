// The SDK's limit checks: exactly at the limit passes, one past it is an
// InputError that names the limit; text that only looks like nesting is not.
#include <doctest/doctest.h>

#include <string>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>

using namespace sdiag;

TEST_CASE("JSON nesting: 64 levels pass, 65 are refused with the line") {
  const int n = limits::max_json_depth;
  CHECK_NOTHROW(limits::check_json_depth(std::string(n, '[') + std::string(n, ']')));
  try {
    limits::check_json_depth("{\"a\":\n" + std::string(n, '[') + std::string(n, ']') + "}");
    FAIL("65 levels were accepted");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("nested more than 64 levels") != std::string::npos);
    CHECK(e.location() == "line 2");
  }
  // Brackets inside strings, escaped quotes included, are text.
  CHECK_NOTHROW(limits::check_json_depth("[\"" + std::string(500, '[') + "\\\"" + std::string(500, '{') + "\"]"));
  // Closing brackets beyond the opening ones never go negative.
  CHECK_NOTHROW(limits::check_json_depth(std::string(500, ']') + std::string(n, '[')));
}

TEST_CASE("XML nesting: 256 elements pass, 257 are refused naming the part") {
  auto nested = [](int n) {
    std::string s = "<?xml version=\"1.0\"?>";
    for (int i = 0; i < n; ++i) s += "<e a=\"x>y\">";
    for (int i = 0; i < n; ++i) s += "</e>";
    return s;
  };
  CHECK_NOTHROW(limits::check_xml_depth(nested(limits::max_xml_depth), "word/document.xml"));
  CHECK_THROWS_WITH_AS(limits::check_xml_depth(nested(limits::max_xml_depth + 1), "word/document.xml"),
                       doctest::Contains("word/document.xml is nested more than 256"), InputError);
  // Siblings, empty elements, comments, CDATA and processing instructions do not nest.
  std::string flat = "<r>";
  for (int i = 0; i < 1000; ++i) flat += "<a/><b></b><!-- <c> --><![CDATA[<d>]]><?pi <e>?>";
  CHECK_NOTHROW(limits::check_xml_depth(flat + "</r>", "flat.xml"));
  CHECK_NOTHROW(limits::check_xml_depth("<a><b", "truncated.xml"));
}

TEST_CASE("note length: 64 KiB pass, one byte more is refused naming the note") {
  CHECK_NOTHROW(limits::check_note_length("n1", std::string(limits::max_note_bytes, 'x')));
  try {
    limits::check_note_length("n9", std::string(limits::max_note_bytes + 1, 'x'));
    FAIL("a longer note was accepted");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("note n9 is 65537 bytes long; the limit is 64 KiB") != std::string::npos);
    CHECK(e.location() == "n9");
  }
}
