// The one zip reader against ordinary and hostile packages.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <sdiag/ooxml/dom.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/plugin.hpp>

#include "test_files.hpp"

using sdiag::InputError;
using sdiag::ooxml::Package;
using sdiag::ooxml::PackageLimits;
using namespace ooxml_test;

namespace {

const std::string body = "<w:document xmlns:w=\"urn:w\"><w:body/></w:document>";

}  // namespace

TEST_CASE("a well-formed package is read, from bytes and from a file") {
  auto zip = zip_of({{"word/document.xml", body}, {"word/media/a.bin", "abc"}});
  Package pkg(zip, "DOCX");
  CHECK(pkg.has("word/document.xml"));
  CHECK_FALSE(pkg.has("word/missing.xml"));
  CHECK(pkg.names() == std::vector<std::string>{"word/document.xml", "word/media/a.bin"});
  CHECK(pkg.read("word/media/a.bin") == "abc");
  CHECK(pkg.read("word/media/a.bin") == "abc");  // read twice from the one open archive
  CHECK_FALSE(pkg.read("word/missing.xml"));
  CHECK_THROWS_WITH_AS(pkg.require("word/missing.xml"), doctest::Contains("has no part word/missing.xml"), InputError);
  auto doc = pkg.xml("word/document.xml");
  REQUIRE(doc);
  CHECK(doc->documentElement()->localName() == "document");
  CHECK_FALSE(pkg.xml("word/missing.xml"));

  auto path = std::filesystem::temp_directory_path() / ("sdiag-ooxml-package-test-" + std::to_string(::getpid()) + ".docx");
  std::ofstream(path, std::ios::binary) << zip;
  auto from_file = Package::from_file(path, "DOCX");
  CHECK(from_file.read("word/document.xml") == body);
  std::filesystem::remove(path);
  CHECK_THROWS_WITH_AS(Package::from_file(path, "DOCX"), doctest::Contains("cannot open"), InputError);
}

TEST_CASE("not a zip, an empty file, an empty zip and a damaged zip are refused") {
  CHECK_THROWS_WITH_AS(Package("{\"hello\": 1}", "DOCX"), doctest::Contains("not a DOCX file: it is not a zip"), InputError);
  CHECK_THROWS_WITH_AS(Package("", "XLSX"), doctest::Contains("not an XLSX file"), InputError);
  CHECK_THROWS_WITH_AS(Package(std::string("PK\x05\x06", 4) + std::string(18, '\0'), "XLSX"),
                       doctest::Contains("not a zip file with parts in it"), InputError);
  CHECK_THROWS_WITH_AS(Package("PK\x03\x04 truncated", "XLSX"), doctest::Contains("damaged"), InputError);
  auto zip = zip_of({{"word/document.xml", body}});
  CHECK_THROWS_WITH_AS(Package(zip.substr(0, zip.size() / 2), "DOCX"), doctest::Contains("damaged"), InputError);
}

TEST_CASE("the number of entries is limited") {
  Entries many;
  for (int i = 0; i < 4; ++i) many.push_back({"part" + std::to_string(i) + ".xml", "<x/>"});
  PackageLimits three;
  three.max_entries = 3;
  CHECK_THROWS_WITH_AS(Package(zip_of(many), "DOCX", three), doctest::Contains("more than 3 entries"), InputError);
  many.pop_back();
  CHECK_NOTHROW(Package(zip_of(many), "DOCX", three));

  CHECK(PackageLimits{}.max_entries == 4000);
  Entries thousands;
  for (int i = 0; i <= 4000; ++i) thousands.push_back({"p" + std::to_string(i), ""});
  CHECK_THROWS_WITH_AS(Package(zip_of(thousands), "XLSX"), doctest::Contains("more than 4000 entries"), InputError);
}

TEST_CASE("an entry too big unpacked is refused before it is inflated") {
  PackageLimits small;
  small.max_entry_bytes = 1000;
  const std::string text(1001, 'a');
  CHECK_THROWS_WITH_AS(Package(zip_of({{"word/document.xml", text}}), "DOCX", small),
                       doctest::Contains("would inflate to 1001 bytes"), InputError);
  CHECK_NOTHROW(Package(zip_of({{"word/document.xml", text.substr(1)}}), "DOCX", small));
  // The default: 32 MiB.
  CHECK_THROWS_WITH_AS(Package(zip_of({{"word/document.xml", std::string((32u << 20) + 1, ' ')}}), "DOCX"),
                       doctest::Contains("zip bomb"), InputError);
}

TEST_CASE("all entries together are limited, declared and as read") {
  PackageLimits small;
  small.max_total_bytes = 3000;
  const std::string text(2000, 'a');
  CHECK_THROWS_WITH_AS(Package(zip_of({{"a.xml", text}, {"b.xml", text}}), "DOCX", small),
                       doctest::Contains("would inflate to 4000 bytes"), InputError);
  // Each part alone is within the limit, but reading them over and over is not.
  Package pkg(zip_of({{"a.xml", text}}), "DOCX", small);
  CHECK(pkg.read("a.xml")->size() == 2000);
  CHECK_THROWS_WITH_AS(pkg.read("a.xml"), doctest::Contains("zip bomb"), InputError);
}

TEST_CASE("a part that deflates too well is refused (compression ratio)") {
  CHECK(PackageLimits{}.max_ratio == 200);
  CHECK_THROWS_WITH_AS(Package(zip_of({{"word/document.xml", std::string(2u << 20, '\0')}}), "DOCX"),
                       doctest::Contains("times over (the limit is 200:1)"), InputError);
  // Small parts may compress as well as they like.
  CHECK_NOTHROW(Package(zip_of({{"word/document.xml", std::string(1u << 19, '\0')}}), "DOCX"));
}

TEST_CASE("headers that understate the size do not get a bigger part through") {
  const std::string text(10000, 'a');
  auto zip = zip_of({{"word/document.xml", text}});
  // The unpacked size, in the local header (offset 22) and the central directory (offset 24).
  auto patch = [&](std::size_t at) { zip[at] = 100; zip[at + 1] = 0; zip[at + 2] = 0; zip[at + 3] = 0; };
  patch(22);
  patch(zip.rfind("PK\x01\x02") + 24);
  Package pkg(zip, "DOCX");
  CHECK_THROWS_WITH_AS(pkg.read("word/document.xml"), doctest::Contains("more than its header says"), InputError);
}

TEST_CASE("entry names that leave the package are refused") {
  for (const auto& names : std::vector<std::pair<std::string, std::string>>{
           {"xx/evil.xml", "../evil.xml"},
           {"word/xx/xx/x.xml", "word/../../x.xml"},
           {"xxxevil.xml", "..\\evil.xml"},
           {"xabs/evil.xml", "/abs/evil.xml"},
           {"xxevil.xml", "C:evil.xml"},
       }) {
    const auto& [placeholder, evil] = names;
    CAPTURE(names.second);  // clang 14 cannot capture a structured binding
    auto zip = replace_all(zip_of({{"word/document.xml", body}, {placeholder, "<x/>"}}), placeholder, evil);
    CHECK_THROWS_WITH_AS(Package(zip, "DOCX"), doctest::Contains("names an entry outside itself"), InputError);
  }
  // ".." inside a name is not a climb.
  CHECK_NOTHROW(Package(zip_of({{"word/a..b.xml", "<x/>"}}), "DOCX"));
}

TEST_CASE("relationship targets resolve inside the package only") {
  using sdiag::ooxml::resolve;
  CHECK(resolve("word/document.xml", "media/a.png") == "word/media/a.png");
  CHECK(resolve("word/document.xml", "../customXml/item1.xml") == "customXml/item1.xml");
  CHECK(resolve("word/document.xml", "/word/styles.xml") == "word/styles.xml");
  CHECK(resolve("", "word/document.xml") == "word/document.xml");
  CHECK_FALSE(resolve("word/document.xml", "../../etc/passwd"));
  CHECK_FALSE(resolve("word/document.xml", "C:/x.xml"));
  CHECK_FALSE(resolve("word/document.xml", ""));
  CHECK(sdiag::ooxml::rels_name("word/document.xml") == "word/_rels/document.xml.rels");
  CHECK(sdiag::ooxml::rels_name("x.xml") == "_rels/x.xml.rels");
}

TEST_CASE("a ZIP64 end record that declares more bytes than the file holds is refused before it is read") {
  auto zip = zip_of({{"word/document.xml", body}});
  const auto directory = zip.find("PK\x01\x02");
  REQUIRE(directory != std::string::npos);
  // A ZIP64 end record whose size says 2^48 bytes follow, where the central directory begins.
  std::string record = "PK\x06\x06";
  for (int b = 0; b < 8; ++b) record += static_cast<char>(b == 6 ? 1 : 0);
  auto crafted = zip.substr(0, directory) + record + zip.substr(directory);
  CHECK_THROWS_WITH_AS(Package(crafted, "DOCX"), doctest::Contains("ZIP64 record"), InputError);

  auto path = std::filesystem::temp_directory_path() / ("sdiag-ooxml-zip64-" + std::to_string(::getpid()) + ".docx");
  std::ofstream(path, std::ios::binary) << crafted;
  CHECK_THROWS_WITH_AS(Package::from_file(path, "DOCX"), doctest::Contains("ZIP64 record"), InputError);
  std::filesystem::remove(path);

  // The same signature inside an entry's stored data is data, not a record.
  CHECK_NOTHROW(Package(zip_of({{"word/media/a.bin", record + "xyz"}}, true), "DOCX"));
}
