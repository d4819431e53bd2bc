// The taxonomy shipped in templates/vocabulary and how a group of notes is matched to it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <unistd.h>

#include <sdiag/text.hpp>
#include <sdiag/textmatch/analyser.hpp>
#include <sdiag/textmatch/data_file.hpp>
#include <sdiag/textmatch/taxonomy.hpp>

using namespace sdiag::textmatch;

namespace {

std::string data(const char* file) { return std::string(SDIAG_TEST_DATA_DIR) + "/vocabulary/" + file; }

Vocabulary vocabulary() {
  Vocabulary v;
  v.load(data("abbreviations.json"));
  return v;
}

}  // namespace

TEST_CASE("taxonomy: the shipped file and how a group is named") {
  Taxonomy t;
  t.load(data("themes.json"));
  CHECK(t.themes().size() >= 15);
  CHECK(t.themes().size() <= 25);
  const std::regex lgdmm("Culture and structure|Leadership and strategy|Data lifecycle: .+|Systems and tools|"
                         "Skills and capability|Governance and compliance");
  for (const auto& th : t.themes()) {
    INFO(th.id);
    CHECK(std::regex_match(th.dimension, lgdmm));
    CHECK(th.name.find(',') == std::string::npos);
    auto words = std::count(th.name.begin(), th.name.end(), ' ') + 1;
    CHECK(words >= 2);
    CHECK(words <= 8);
  }
  auto v = vocabulary();
  Analyser a(v);
  TaxonomyMatcher match(t, a);
  auto id_of = [&](const std::vector<std::string>& notes) -> std::string {
    std::vector<std::vector<Token>> docs;
    for (const auto& n : notes) docs.push_back(a.analyse(n));
    std::vector<const std::vector<Token>*> ptrs;
    for (const auto& d : docs) ptrs.push_back(&d);
    int i = match.theme_of_group(ptrs, 0.5);
    return i < 0 ? "" : t.themes()[static_cast<std::size_t>(i)].id;
  };
  // Any ending, any order, abbreviations: "records duplicated", "DQ".
  CHECK(id_of({"child records duplicated across teams", "DQ is poor - ethnicity blank", "missing ethnicity"}) ==
            "recording-quality");
  CHECK(id_of({"every new field is a chargeable change request to the supplier",
               "supplier takes months to change anything"}) == "report-changes-wait");
  // One note is not enough, and a group split between two themes takes neither.
  CHECK(id_of({"supplier takes months"}).empty());
  CHECK(id_of({"supplier takes months", "ethnicity blank"}).empty());
  // A council's own file replaces a theme by id.
  t.add({"recording-quality", "Recording on the case system", "Data lifecycle: Collect or acquire, and ingest", {"x"}});
  CHECK(std::count_if(t.themes().begin(), t.themes().end(),
                      [](const auto& th) { return th.id == "recording-quality"; }) == 1);
}

TEST_CASE("a broken data file is named in valid UTF-8, without the input nlohmann quotes") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("sdiag-textmatch-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto file = dir / "taxonomy-caf\xE9.json";  // a Latin-1 name, as from a Windows share
  std::ofstream(file) << "{\"themes\": [\"caf\xC3";   // cut in the middle of a letter
  try {
    (void)sdiag::textmatch::read_data_file(file);
    FAIL("read");
  } catch (const std::exception& e) {
    const std::string message = e.what();
    CHECK(sdiag::text::is_valid_utf8(message));
    CHECK(message.find("caf\\xE9") != std::string::npos);
    CHECK(message.find("last read") == std::string::npos);
  }
  fs::remove_all(dir);
}
