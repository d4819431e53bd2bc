#include <doctest/doctest.h>

#include <sdiag/testing.hpp>
#include <sdiag/text.hpp>

using namespace sdiag;

TEST_CASE("encodings: BOM, Windows-1252 and UTF-16 all become UTF-8") {
  std::string enc;
  CHECK(text::to_utf8("\xEF\xBB\xBF" "caf\xC3\xA9", &enc) == "caf\xC3\xA9");
  CHECK(enc == "UTF-8 with BOM");
  CHECK(text::to_utf8("caf\xE9 \x93quoted\x94 \x80", &enc) == "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC");
  CHECK(enc == "Windows-1252");
  CHECK(text::to_utf8(std::string("\xFF\xFEh\0i\0", 6), &enc) == "hi");
  CHECK(enc == "UTF-16LE");
  CHECK_FALSE(text::is_valid_utf8("\xC0\xAF"));     // overlong
  CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80")); // surrogate
  CHECK(text::is_valid_utf8("\xF0\x9F\x98\x80"));   // emoji
}

TEST_CASE("whitespace and slugs") {
  CHECK(text::collapse_whitespace("  a \t\r\n b\xC2\xA0 c ") == "a b c");
  CHECK(text::slug("What currently works well?") == "what-currently-works-well");
  CHECK(text::normalise_title("2. Target outputs (goals):") == "target outputs");
}

TEST_CASE("frame titles match template sections tolerantly") {
  auto t = testing::default_template(SDIAG_TEST_DATA_DIR);
  auto section = [&](const char* title) {
    auto m = text::match_title(t, title);
    return m ? m->section + (m->prompt.empty() ? "" : "/" + m->prompt) : std::string("-");
  };
  CHECK(section("How we see the key issues today") == "key_issues");
  CHECK(section("Key issues today") == "key_issues");
  CHECK(section("KEY ISSUES TODAY!") == "key_issues");
  CHECK(section("Immediate actions") == "actions");
  CHECK(section("Target outputs (goals)") == "target_outputs");
  CHECK(section("Target outputs") == "target_outputs");
  CHECK(section("Data system mappping") == "system_mapping");  // a typo
  CHECK(section("Where the big pain points are") == "key_issues/pain_points");
  CHECK(section("Pain points") == "key_issues/pain_points");
  CHECK(section("Ideas to hold on to for later") == "ideas");
  CHECK(section("Lunch menu") == "-");
  CHECK(section("Data") == "-");
  auto p = text::match_prompt(t, "system_mapping", "What they do:");
  REQUIRE(p);
  CHECK(p->prompt == "what_they_do");
}

TEST_CASE("a heading too long to be a title matches nothing, and quickly") {
  auto t = testing::default_template(SDIAG_TEST_DATA_DIR);
  // Found by fuzzing: every word of a long heading was compared, with an edit
  // distance, with every word of every title; 40,000 words took minutes.
  std::string heading;
  for (int i = 0; i < 40000; ++i) heading += "mappings pionts ";
  CHECK_FALSE(text::match_title(t, heading));
  CHECK_FALSE(text::match_prompt(t, "system_mapping", heading));
  std::string long_word(100000, 'k');
  CHECK_FALSE(text::match_title(t, "Key " + long_word));
  // Typos of one letter still match, at any position.
  CHECK(text::match_title(t, "Data sytem mapping"));
  CHECK(text::match_title(t, "Target outputts"));
  CHECK(text::match_title(t, "Data systen mapping"));
  CHECK(text::match_title(t, "Data ystem mapping"));
  CHECK_FALSE(text::match_title(t, "Data sytsem"));  // a swap is two edits
}
