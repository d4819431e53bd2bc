// The one hardened XML parse: DOCTYPE, entities and depth, in UTF-8 and UTF-16.
#include <doctest/doctest.h>

#include <Poco/DOM/Element.h>

#include <sdiag/limits.hpp>
#include <sdiag/ooxml/dom.hpp>
#include <sdiag/ooxml/xml.hpp>
#include <sdiag/plugin.hpp>

#include "test_files.hpp"

using sdiag::InputError;
using sdiag::ooxml::Names;
using sdiag::ooxml::parse_xml;
using namespace ooxml_test;

namespace {

const std::string laughs =
    "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><d>&lol3;</d>";
const std::string external =
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
const std::string external_dtd = "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"http://example.org/x.dtd\"><d/>";

std::string utf16_declared(const std::string& xml, bool big_endian = false) {
  return utf16(replace_all(xml, "<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"), big_endian);
}

}  // namespace

TEST_CASE("namespace-aware and qualified trees") {
  const std::string xml =
      "<w:styles xmlns:w=\"urn:w\"><w:style w:styleId=\"A\"><w:name w:val=\"Body\"/></w:style><x/></w:styles>";
  auto local = parse_xml(xml, "word/styles.xml");
  auto* style = sdiag::ooxml::child(local->documentElement(), "style");
  REQUIRE(style);
  CHECK(sdiag::ooxml::attr(style, "styleId") == "A");
  CHECK(sdiag::ooxml::attr(sdiag::ooxml::child(style, "name"), "val") == "Body");
  CHECK(sdiag::ooxml::children(local->documentElement()).size() == 2);
  CHECK(sdiag::ooxml::children(nullptr).empty());
  CHECK(sdiag::ooxml::attr(nullptr, "val").empty());

  auto qualified = parse_xml(xml, "word/styles.xml", Names::qualified);
  REQUIRE(sdiag::ooxml::child(qualified->documentElement(), "w:style"));
  CHECK_FALSE(sdiag::ooxml::child(qualified->documentElement(), "style"));
  CHECK(sdiag::ooxml::attr(sdiag::ooxml::child(qualified->documentElement(), "w:style"), "w:styleId") == "A");
  // Written back with its namespace declaration.
  auto back = sdiag::ooxml::serialise(qualified);
  CHECK(back.find("xmlns:w=\"urn:w\"") != std::string::npos);
  CHECK(back.find("<w:style w:styleId=\"A\">") != std::string::npos);
}

TEST_CASE("a part in UTF-16 is read like one in UTF-8") {
  const std::string xml = "<?xml version=\"1.0\"?><d><t>Café — ünïcode</t></d>";
  for (bool big_endian : {false, true}) {
    auto doc = parse_xml(utf16_declared(xml, big_endian), "xl/sharedStrings.xml");
    CHECK(sdiag::ooxml::child(doc->documentElement(), "t")->innerText() == "Café — ünïcode");
  }
}

TEST_CASE("a DOCTYPE is refused by the parser, in UTF-8 and in UTF-16") {
  for (const auto* xml : {&laughs, &external, &external_dtd}) {
    CAPTURE(*xml);
    for (auto names : {Names::local, Names::qualified}) {
      CHECK_THROWS_WITH_AS(parse_xml(*xml, "word/document.xml", names), doctest::Contains("word/document.xml declares a DOCTYPE"),
                           InputError);
      CHECK_THROWS_WITH_AS(parse_xml(utf16_declared(*xml), "word/document.xml", names), doctest::Contains("DOCTYPE"),
                           InputError);
      CHECK_THROWS_WITH_AS(parse_xml(utf16_declared(*xml, true), "word/document.xml", names),
                           doctest::Contains("DOCTYPE"), InputError);
    }
  }
  // After a comment it is still a DOCTYPE.
  CHECK_THROWS_WITH_AS(parse_xml("<!-- x --><!DOCTYPE d><d/>", "a.xml"), doctest::Contains("DOCTYPE"), InputError);
}

TEST_CASE("nesting is limited by the parser, in UTF-8 and in UTF-16") {
  const int limit = sdiag::limits::max_xml_depth;
  CHECK_NOTHROW(parse_xml(nested(limit), "word/document.xml"));
  CHECK_THROWS_WITH_AS(parse_xml(nested(limit + 1), "word/document.xml"),
                       doctest::Contains("the XML of word/document.xml is nested more than 256 elements deep"), InputError);
  const auto deep = nested(100000, "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>");
  const auto deep_document = "<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:body>" + deep + "</w:body></w:document>";
  for (auto names : {Names::local, Names::qualified}) {
    CHECK_THROWS_WITH_AS(parse_xml(deep_document, "word/document.xml", names), doctest::Contains("nested more than 256"),
                         InputError);
    CHECK_THROWS_WITH_AS(parse_xml(utf16_declared(deep_document), "word/document.xml", names),
                         doctest::Contains("nested more than 256"), InputError);
  }
  // Self-closing elements and siblings do not add depth.
  std::string flat = "<r>";
  for (int i = 0; i < 100000; ++i) flat += "<e/>";
  CHECK_NOTHROW(parse_xml(flat + "</r>", "flat.xml"));
}

TEST_CASE("malformed XML is an InputError naming the part") {
  CHECK_THROWS_WITH_AS(parse_xml("<a><b></a>", "word/document.xml"),
                       doctest::Contains("word/document.xml is not well-formed XML"), InputError);
  CHECK_THROWS_WITH_AS(parse_xml("", "word/document.xml"), doctest::Contains("not well-formed"), InputError);
  CHECK_THROWS_WITH_AS(parse_xml(std::string("\xFF\xFE<\0d\0", 6), "x.xml"), doctest::Contains("not well-formed"),
                       InputError);
}
