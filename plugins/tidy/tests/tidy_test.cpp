// Unit tests of each tidy rule, and the plugin through its real library.
#include <doctest/doctest.h>

#include <algorithm>

#include <sdiag/testing.hpp>

#include "duplicates.hpp"
#include "normalise.hpp"

using namespace sdiag::tidy;

TEST_CASE("whitespace, bullets and numbering are normalised") {
  CHECK(normalise_text("  Reports\t  take   three days  ") == "Reports take three days");
  CHECK(normalise_text("• IT queue") == "IT queue");
  CHECK(normalise_text("- first\r\n* second\r\n\r\n· third") == "first\nsecond\nthird");
  CHECK(normalise_text("1. one\n2) two\n(3) three\na) four") == "one\ntwo\nthree\nfour");
  CHECK(normalise_text("-5% on last year") == "-5% on last year");
  CHECK(normalise_text("2026. A year to remember") == "2026. A year to remember");
  CHECK(normalise_text("903 returns late") == "903 returns late");
  CHECK(normalise_text("\xE2\x80\x8B  \xC2\xA0 ") == "");
  CHECK(normalise_text("🙂 emoji stays") == "🙂 emoji stays");
  CHECK(comparison_key("Reports, take 3 days!") == "reports take 3 days");
}

TEST_CASE("exact and near duplicates are grouped under the first note") {
  std::vector<std::string> keys{comparison_key("Data warehouse load fails overnight"),
                                comparison_key("IT tickets take weeks"),
                                comparison_key("data warehouse load fails overnight!"),
                                comparison_key("Data warehouse load fails over night"),
                                "",
                                comparison_key("Warehouse tables are not documented")};
  auto d = find_duplicates(keys, 0.8);
  REQUIRE(d.size() == 2);
  CHECK(d[0].note == 2);
  CHECK(d[0].original == 0);
  CHECK(d[0].similarity == 1.0);
  CHECK(d[1].note == 3);
  CHECK(d[1].original == 0);
  CHECK(d[1].similarity < 1.0);
  CHECK(find_duplicates(keys, 1.0).size() == 1);  // exact only
}

TEST_CASE("the plugin: empty notes dropped with a finding, duplicates linked, nothing else removed") {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/tidy.so");
  sdiag::Diagnostic d;
  auto note = [](std::string id, std::string section, std::string text) {
    sdiag::Note n;
    n.id = std::move(id);
    n.section = std::move(section);
    n.text = std::move(text);
    return n;
  };
  d.notes = {note("a", "ideas", "• Automate the 903 checks"), note("b", "ideas", "  "),
             note("c", "ideas", "Automate the 903 checks"), note("d", "actions", "Automate the 903 checks"),
             note("e", "ideas", std::string(100000, 'z') + " 🙂")};
  sdiag::Theme t;
  t.id = "m-x";
  t.origin = "manual";
  t.note_ids = {"a", "b"};
  d.themes = {t};
  auto out = h.analyse(d);
  REQUIRE(out.notes.size() == 4);
  CHECK(out.notes[0].text == "Automate the 903 checks");
  CHECK(out.notes[1].duplicate_of == "a");
  CHECK(out.notes[2].duplicate_of.empty());  // another section
  CHECK(out.themes[0].note_ids == std::vector<std::string>{"a"});
  CHECK(std::any_of(h.findings().begin(), h.findings().end(),
                    [](const auto& f) { return f.message.find("empty note b dropped") != std::string::npos; }));
  CHECK(std::any_of(h.findings().begin(), h.findings().end(),
                    [](const auto& f) { return f.message.find("c repeats a") != std::string::npos; }));
  sdiag::Diagnostic empty;
  CHECK(h.analyse(empty).notes.empty());
}

TEST_CASE("past the first links, repeats are counted in one finding, every one still linked") {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/tidy.so");
  sdiag::Diagnostic d;
  for (int i = 0; i < 451; ++i) {
    sdiag::Note n;
    n.id = "n" + std::to_string(i);
    n.section = "ideas";
    n.text = i % 2 ? "Automate the 903 checks" : "Rota the returns " + std::to_string(i);
    d.notes.push_back(n);
  }
  auto out = h.analyse(d);
  const auto linked = std::count_if(out.notes.begin(), out.notes.end(), [](const auto& n) { return !n.duplicate_of.empty(); });
  CHECK(linked >= 225);  // every odd note repeats n1 (the even ones may nearly repeat each other too)
  const auto said = std::count_if(h.findings().begin(), h.findings().end(),
                                  [](const auto& f) { return f.message.find("; linked, not removed") != std::string::npos; });
  CHECK(said == 200);
  const auto summary = std::find_if(h.findings().begin(), h.findings().end(),
                                    [](const auto& f) { return f.message.find("more notes repeat") != std::string::npos; });
  REQUIRE(summary != h.findings().end());
  CHECK(summary->message.rfind(std::to_string(linked - 200) + " more notes", 0) == 0);
}
