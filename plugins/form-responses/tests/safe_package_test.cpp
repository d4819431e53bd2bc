// The safe OOXML package reader against hostile files.
#include <doctest/doctest.h>

#include <sstream>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sdiag/plugin.hpp>

#include "../safe_package.hpp"

namespace {

std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::ostringstream out;
  Poco::Zip::Compress c(out, true);
  for (const auto& [name, data] : entries) {
    std::istringstream in(data);
    c.addFile(in, Poco::DateTime(1980, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX), Poco::Zip::ZipCommon::CM_DEFLATE);
  }
  c.close();
  return out.str();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("a well-formed package is read") {
  forms::Package pkg(zip_of({{"word/document.xml", "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>"}}), "DOCX");
  CHECK(pkg.has("word/document.xml"));
  auto doc = pkg.xml("word/document.xml");
  REQUIRE(doc);
  CHECK(doc->documentElement()->localName() == "document");
  CHECK_FALSE(pkg.read("word/missing.xml"));
}

TEST_CASE("not a zip") {
  CHECK_THROWS_WITH_AS(forms::Package("{\"hello\": 1}", "DOCX"), doctest::Contains("not a DOCX file"), sdiag::InputError);
  CHECK_THROWS_WITH_AS(forms::Package("PK\x03\x04 truncated", "XLSX"), doctest::Contains("damaged"), sdiag::InputError);
}

TEST_CASE("a zip bomb is refused before inflating") {
  std::string zeros(80u << 20, '\0');  // 80 MB of zeros deflates to about 80 KB
  auto bomb = zip_of({{"word/document.xml", zeros}});
  CHECK(bomb.size() < (1u << 20));
  CHECK_THROWS_WITH_AS(forms::Package(bomb, "DOCX"), doctest::Contains("zip bomb"), sdiag::InputError);

  forms::PackageLimits few;
  few.max_entries = 3;
  auto many = zip_of({{"a.xml", "<a/>"}, {"b.xml", "<a/>"}, {"c.xml", "<a/>"}, {"d.xml", "<a/>"}});
  CHECK_THROWS_WITH_AS(forms::Package(many, "DOCX", few), doctest::Contains("more than 3 entries"), sdiag::InputError);
}

TEST_CASE("entry names outside the package are refused") {
  // Poco refuses to write "../", so write "xx/" and rename it in the bytes (same length).
  auto evil = replace_all(zip_of({{"word/document.xml", "<a/>"}, {"xx/evil.xml", "<a/>"}}), "xx/evil", "../evil");
  CHECK_THROWS_WITH_AS(forms::Package(evil, "DOCX"), doctest::Contains("outside itself"), sdiag::InputError);
  auto absolute = replace_all(zip_of({{"xxetc/passwd", "x"}}), "xxetc/", "/etc//");
  CHECK_THROWS_WITH_AS(forms::Package(absolute, "DOCX"), doctest::Contains("outside itself"), sdiag::InputError);
}

TEST_CASE("an XML entity bomb and an external entity are refused") {
  std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><w:document xmlns:w=\"urn:w\">&lol3;</w:document>";
  forms::Package bomb(zip_of({{"word/document.xml", laughs}}), "DOCX");
  CHECK_THROWS_WITH_AS(bomb.xml("word/document.xml"), doctest::Contains("DOCTYPE"), sdiag::InputError);

  std::string xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
  forms::Package ext(zip_of({{"word/document.xml", xxe}}), "DOCX");
  CHECK_THROWS_WITH_AS(ext.xml("word/document.xml"), doctest::Contains("DOCTYPE"), sdiag::InputError);

  // Malformed XML is a clear error too.
  CHECK_THROWS_WITH_AS(forms::parse_xml_safely("<a><b></a>", "word/document.xml"), doctest::Contains("not well-formed"),
                       sdiag::InputError);
}
