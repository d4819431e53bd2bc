// Writing a package, and reading it back with the one reader.
#include <doctest/doctest.h>

#include <map>

#include <sdiag/model/document.hpp>
#include <sdiag/ooxml/dom.hpp>
#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/ooxml/package_writer.hpp>
#include <sdiag/ooxml/properties.hpp>
#include <sdiag/ooxml/xml_part.hpp>

using namespace sdiag::ooxml;

namespace {

std::string written() {
  PackageWriter pkg;
  Relationships package_rels, document_rels;
  package_rels.add(part::document.relationship, "word/document.xml");
  package_rels.add(part::core_properties.relationship, "docProps/core.xml");
  document_rels.add(part::styles.relationship, "styles.xml");
  document_rels.add(part::hyperlink.relationship, "https://example.org/?a=1&b=2", true);

  XmlPart body("w:document", {{"w", ns.w}, {"r", ns.r}});
  body.start("w:body");
  body.element("w:t", "Fish & chips <b> \x01\x08 caf\xC3\xA9 \xFF", {{"xml:space", "preserve"}});
  body.end("w:body");
  pkg.add("word/document.xml", body.finish(), part::document.content_type);
  XmlPart styles("w:styles", {{"w", ns.w}});
  styles.empty("w:style", {{"w:styleId", "Normal"}});
  pkg.add("word/styles.xml", styles.finish(), part::styles.content_type);
  pkg.add("word/_rels/document.xml.rels", document_rels.xml());
  sdiag::doc::DocumentMeta meta;
  meta.title = "A \"title\"";
  meta.organisation = "Testshire";
  pkg.add("docProps/core.xml", core_properties_xml(meta, 1767225600), part::core_properties.content_type);
  pkg.add_default("png", part::image.content_type);
  pkg.add("word/media/a.png", std::string("\x89PNG", 4));
  pkg.add("_rels/.rels", package_rels.xml());
  CHECK(pkg.has("word/styles.xml"));
  CHECK_THROWS_AS(pkg.add("word/styles.xml", ""), std::logic_error);
  return pkg.zip();
}

}  // namespace

TEST_CASE("a written package reads back part for part") {
  const auto zip = written();
  CHECK(written() == zip);  // reproducible to the byte
  Package pkg(zip, "DOCX");
  CHECK(pkg.names() == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
                                                "word/_rels/document.xml.rels", "word/document.xml",
                                                "word/media/a.png", "word/styles.xml"});

  // Every relationship leads to a part the package holds, with its content type declared.
  auto types = pkg.xml("[Content_Types].xml");
  std::map<std::string, std::string> overrides, defaults;
  for (auto* o : children(types->documentElement(), "Override")) overrides[attr(o, "PartName")] = attr(o, "ContentType");
  for (auto* d : children(types->documentElement(), "Default")) defaults[attr(d, "Extension")] = attr(d, "ContentType");
  CHECK(defaults["rels"] == relationships_content_type);
  CHECK(defaults["png"] == "image/png");
  auto main = relationships(pkg.require("_rels/.rels"), "_rels/.rels");
  REQUIRE(main.size() == 2);
  CHECK(main[0].id == "rId1");
  CHECK(main[0].type == part::document.relationship);
  REQUIRE(resolve("", main[0].target));
  CHECK(overrides["/" + *resolve("", main[0].target)] == part::document.content_type);
  auto links = relationships(pkg.require(rels_name("word/document.xml")), rels_name("word/document.xml"));
  REQUIRE(links.size() == 2);
  CHECK(pkg.has(*resolve("word/document.xml", links[0].target)));
  CHECK(links[1].external);
  CHECK(links[1].target == "https://example.org/?a=1&b=2");

  // Text comes back as it was given, less what XML cannot carry.
  auto doc = pkg.xml("word/document.xml");
  auto* t = child(child(doc->documentElement(), "body"), "t");
  REQUIRE(t);
  CHECK(t->innerText() == "Fish & chips <b>  caf\xC3\xA9 \xEF\xBF\xBD");
  auto core = pkg.xml("docProps/core.xml");
  CHECK(child(core->documentElement(), "title")->innerText() == "A \"title\"");
  CHECK(child(core->documentElement(), "created")->innerText() == "2026-01-01T00:00:00Z");
  CHECK(pkg.read("word/media/a.png") == std::string("\x89PNG", 4));
}

TEST_CASE("a long part is written in pieces and zipped from them, the same bytes as whole") {
  auto write_body = [](XmlPart& body) {
    body.start("w:body");
    for (int i = 0; i < 40'000; ++i) body.element("w:t", "Paragraph " + std::to_string(i) + " caf\xC3\xA9 & more words");
    body.end("w:body");
  };
  XmlPart first("w:document", {{"w", ns.w}}), second("w:document", {{"w", ns.w}});
  write_body(first);
  write_body(second);
  auto pieces = first.finish_pieces();
  REQUIRE(pieces.size() > 1);  // over 1 MiB
  std::string joined;
  for (const auto& p : pieces) {
    CHECK(p.size() <= (std::size_t{1} << 20));
    joined += p;
  }
  CHECK(joined == second.finish());
  CHECK(joined.ends_with("</w:body></w:document>"));

  PackageWriter in_pieces, whole;
  in_pieces.add("word/document.xml", std::move(pieces), part::document.content_type);
  whole.add("word/document.xml", joined, part::document.content_type);
  in_pieces.add("word/empty.xml", TextPieces{});
  whole.add("word/empty.xml", std::string());
  const auto zip = in_pieces.zip();
  CHECK(zip == whole.zip());
  Package read(zip, "DOCX");
  CHECK(read.require("word/document.xml") == joined);
  CHECK(read.require("word/empty.xml").empty());
}
