// What a part holds, checked by its root element: a well-formed part of
// another vocabulary (XHTML under a Word part's name) is refused, naming it.
#include <doctest/doctest.h>

#include <sdiag/ooxml/dom.hpp>
#include <sdiag/ooxml/xml.hpp>
#include <sdiag/plugin.hpp>

using sdiag::InputError;
using sdiag::ooxml::Names;
using sdiag::ooxml::parse_xml;
using sdiag::ooxml::root_element;
using sdiag::ooxml::wordprocessingml;

namespace {

const std::string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const std::string xhtml =
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>What the DCS sees now</p></body></html>";

}  // namespace

TEST_CASE("a WordprocessingML root is found, whatever its prefix, transitional or strict, in both kinds of tree") {
  const std::string documents[] = {
      "<w:document xmlns:w=\"" + W + "\"><w:body/></w:document>",
      "<document xmlns=\"" + W + "\"><body/></document>",
      "<x:document xmlns:x=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><x:body/></x:document>",
  };
  for (const auto& xml : documents)
    for (auto names : {Names::local, Names::qualified}) {
      CAPTURE(xml);
      auto doc = parse_xml(xml, "word/document.xml", names);
      CHECK(root_element(doc, "word/document.xml", "document", wordprocessingml) == doc->documentElement());
    }
}

TEST_CASE("an XHTML page, a root in another namespace or in none, or another Word part is refused, naming both") {
  for (auto names : {Names::local, Names::qualified}) {
    auto page = parse_xml(xhtml, "word/document.xml", names);
    CHECK_THROWS_WITH_AS(root_element(page, "word/document.xml", "document", wordprocessingml),
                         doctest::Contains("word/document.xml is not WordprocessingML: its root element is <html> in the "
                                           "namespace http://www.w3.org/1999/xhtml (XHTML, a web page), where "
                                           "WordprocessingML has <document>"),
                         InputError);
    // The usual prefix bound to another namespace is not WordprocessingML.
    auto prefixed = parse_xml("<w:document xmlns:w=\"http://www.w3.org/1999/xhtml\"><w:body/></w:document>",
                              "word/document.xml", names);
    CHECK_THROWS_WITH_AS(root_element(prefixed, "word/document.xml", "document", wordprocessingml),
                         doctest::Contains("its root element is <w:document> in the namespace http://www.w3.org/1999/xhtml"),
                         InputError);
    auto bare = parse_xml("<document><body/></document>", "word/document.xml", names);
    CHECK_THROWS_WITH_AS(root_element(bare, "word/document.xml", "document", wordprocessingml),
                         doctest::Contains("<document> in no namespace"), InputError);
    auto styles = parse_xml("<w:styles xmlns:w=\"" + W + "\"/>", "word/document.xml", names);
    const std::string styles_root = "its root element is <w:styles> in the namespace " + W;
    CHECK_THROWS_WITH_AS(root_element(styles, "word/document.xml", "document", wordprocessingml),
                         doctest::Contains(styles_root.c_str()), InputError);
  }
}

TEST_CASE("in a tree of qualified names, the nearest declaration of a prefix wins") {
  auto doc = parse_xml("<a:r xmlns:a=\"urn:outer\"><a:c xmlns:a=\"urn:inner\"><a:d/></a:c><a:e/><f/></a:r>", "p.xml",
                       Names::qualified);
  auto* root = doc->documentElement();
  auto* inner = sdiag::ooxml::child(root, "a:c");
  CHECK(sdiag::ooxml::namespace_of(root) == "urn:outer");
  CHECK(sdiag::ooxml::namespace_of(inner) == "urn:inner");
  CHECK(sdiag::ooxml::namespace_of(sdiag::ooxml::child(inner, "a:d")) == "urn:inner");
  CHECK(sdiag::ooxml::namespace_of(sdiag::ooxml::child(root, "a:e")) == "urn:outer");
  CHECK(sdiag::ooxml::namespace_of(sdiag::ooxml::child(root, "f")).empty());
}
