#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include <sdiag/json.hpp>
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
  // A BOM, then bytes that are not UTF-8: read as Windows-1252, and said so.
  CHECK(text::to_utf8("\xEF\xBB\xBF" "caf\xE9", &enc) == "caf\xC3\xA9");
  CHECK(enc == "Windows-1252");
  // UTF-16: a surrogate pair is one code point; a lone surrogate is U+FFFD.
  CHECK(text::to_utf8(std::string("\xFE\xFF\xD8\x3D\xDE\x00\xDC\x00", 8), &enc) == "\xF0\x9F\x98\x80\xEF\xBF\xBD");
  CHECK(enc == "UTF-16BE");
}

TEST_CASE("one bad byte in a UTF-8 file costs one character, not every accent in the file") {
  // Accents throughout, one stray byte on line 3: UTF-8 as a whole, the bad byte alone replaced.
  auto d = text::decode("caf\xC3\xA9\nna\xC3\xAFve\nbad \xE9 byte\nr\xC3\xB4le\n");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == "caf\xC3\xA9\nna\xC3\xAFve\nbad \xEF\xBF\xBD byte\nr\xC3\xB4le\n");
  CHECK(d.mended_lines == std::vector<std::size_t>{3});
  CHECK(text::decoding_note(d).find("line 3") != std::string::npos);
  // A truncated sequence, a stray continuation run and an overlong form: one U+FFFD each.
  d = text::decode("\xC3\xA9 \xE2\x82 x \x80\x80\x80 y \xC0\xAF \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\nok\n\xFF");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == "\xC3\xA9 \xEF\xBF\xBD x \xEF\xBF\xBD y \xEF\xBF\xBD \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\nok\n\xEF\xBF\xBD");
  CHECK(d.mended_lines == std::vector<std::size_t>{1, 3});
  CHECK(text::is_valid_utf8(d.text));
  // Windows-1252 as a whole (no well-formed multi-byte character): every byte read as such.
  d = text::decode("caf\xE9 na\xEFve r\xF4le");
  CHECK(d.encoding == "Windows-1252");
  CHECK(d.text == "caf\xC3\xA9 na\xC3\xAFve r\xC3\xB4le");
  CHECK(d.mended_lines.empty());
  CHECK(text::decoding_note(d).find("Windows-1252") != std::string::npos);
  // Clean UTF-8 says nothing.
  CHECK(text::decoding_note(text::decode("caf\xC3\xA9")).empty());
  CHECK(text::decoding_note(text::decode("")).empty());
}

TEST_CASE("a lone surrogate escaped in JSON costs one character, not the document") {
  auto mend = [](std::string json) {
    auto n = text::mend_json_surrogates(json);
    return std::make_pair(json, n);
  };
  CHECK(mend(R"({"t": "a\ud800b"})") == std::make_pair(std::string(R"({"t": "a\ufffdb"})"), std::size_t{1}));
  CHECK(mend(R"({"t": "\uDC00 and \ud83d"})").second == 2);
  // A pair is one character; other escapes, and text outside strings, are left alone.
  CHECK(mend(R"({"t": "\ud83d\ude00 \u00e9 \\ud800 \" \n"})").second == 0);
  CHECK(mend(R"({"\ud800": 1})").second == 1);
  CHECK(mend(R"(["\ud800)").second == 1);  // truncated documents too
  CHECK(mend("").second == 0);
  std::string odd = R"("\u12)";
  CHECK(text::mend_json_surrogates(odd) == 0);
}

TEST_CASE("append_utf8: one to four bytes, and U+FFFD for what is not a scalar value") {
  auto utf8 = [](char32_t cp) {
    std::string out = ">";
    text::append_utf8(out, cp);
    return out;
  };
  CHECK(utf8(U'A') == ">A");
  CHECK(utf8(0) == std::string(">\0", 2));
  CHECK(utf8(0x7F) == ">\x7F");
  CHECK(utf8(0x80) == ">\xC2\x80");
  CHECK(utf8(0xE9) == ">\xC3\xA9");
  CHECK(utf8(0x7FF) == ">\xDF\xBF");
  CHECK(utf8(0x800) == ">\xE0\xA0\x80");
  CHECK(utf8(0x20AC) == ">\xE2\x82\xAC");
  CHECK(utf8(0xFFFF) == ">\xEF\xBF\xBF");
  CHECK(utf8(0x10000) == ">\xF0\x90\x80\x80");
  CHECK(utf8(0x1F600) == ">\xF0\x9F\x98\x80");
  CHECK(utf8(0x10FFFF) == ">\xF4\x8F\xBF\xBF");
  for (char32_t bad : {char32_t(0xD800), char32_t(0xDFFF), char32_t(0x110000), char32_t(0xFFFFFFFF)}) {
    CAPTURE(static_cast<std::uint32_t>(bad));
    CHECK(utf8(bad) == ">\xEF\xBF\xBD");
  }
  // Every scalar value round-trips through the UTF-8 check.
  std::string all;
  for (char32_t cp = 1; cp <= 0x10FFFF; cp += 97)
    if (cp < 0xD800 || cp > 0xDFFF) text::append_utf8(all, cp);
  CHECK(text::is_valid_utf8(all));
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

TEST_CASE("titles in facilitators' own words: parts, symbols, emoji and keywords") {
  auto t = testing::default_template(SDIAG_TEST_DATA_DIR);
  auto section = [&](const char* title) {
    auto m = text::match_title(t, title);
    return m ? m->section + (m->prompt.empty() ? "" : "/" + m->prompt) : std::string("-");
  };
  // A numbered prefix and a dash: the part after it names the section.
  CHECK(section("Before the day \xE2\x91\xA1 \xE2\x80\x93 who was there") == "involvement");
  CHECK(section("Who came") == "involvement");
  CHECK(section("who was in the room?") == "involvement");
  // Two lines, or a title with its gloss in brackets.
  CHECK(section("Hold that thought\nideas for later") == "ideas");
  CHECK(section("Where we want to get to (goals)") == "target_outputs");
  CHECK(section("How it could work \xE2\x80\x93 service model") == "service_model");
  CHECK(section("Who's who & how we work together") == "relationships");
  CHECK(section("Mapping our data") == "system_mapping");
  // Emoji and lower case, abbreviations and typos.
  CHECK(section("Parking lot \xF0\x9F\x85\xBF\xEF\xB8\x8F") == "ideas");
  CHECK(section("\xF0\x9F\x92\xA1 ideas \xF0\x9F\x92\xA1") == "ideas");
  CHECK(section("key isues") == "key_issues");
  CHECK(section("KI today\nwhat's working, what's going wrong?") == "key_issues");  // not "who's who": a lone "s" is no word
  CHECK(section("data map") == "system_mapping");
  CHECK(section("the plan \xE2\x9C\x85") == "actions");
  CHECK(section("next steps!!") == "actions");
  // A keyword alone, when no wording matches: a name's view is the DCS's.
  CHECK(section("Before the day \xE2\x91\xA0 \xE2\x80\x93 Maggie's view") == "dcs_view");
  CHECK(section("our ambitions for 2027") == "target_outputs");
  // Nothing of the template: a frame of its own.
  CHECK(section("Before the day \xE2\x91\xA2 \xE2\x80\x93 practicalities") == "-");
  CHECK(section("Morning") == "-");
  CHECK(section("Icebreaker: your best holiday \xF0\x9F\x8F\x96") == "-");
  CHECK(section("Good morning!") == "-");  // a prompt's keyword never names a section
  // Prompt keywords count once the section is known; headings ask for wording.
  auto prompt = [&](const char* section_id, const char* title, double min = 0.75) {
    auto m = text::match_prompt(t, section_id, title, min);
    return m ? m->prompt : std::string("-");
  };
  CHECK(prompt("key_issues", "best bits") == "best_things");
  CHECK(prompt("key_issues", "\xF0\x9F\x94\xA7 what we'd fix", 0.85) == "problems");
  CHECK(prompt("key_issues", "problems to fix") == "problems");
  CHECK(prompt("key_issues", "\xF0\x9F\x98\xA4 pain pionts") == "pain_points");
  CHECK(prompt("key_issues", "what's not working") == "pain_points");
  CHECK(prompt("key_issues", "gripes & grumbles") == "pain_points");
  CHECK(prompt("key_issues", "gripes & grumbles", 0.85) == "-");
  CHECK(prompt("target_outputs", "what we need to be able to do") == "capabilities");
  CHECK(prompt("target_outputs", "things we want built") == "products");
}

TEST_CASE("split_at_any: every separator, multi-byte ones too") {
  constexpr std::array<std::string_view, 3> seps = {"\xC2\xB7", ";", ""};
  CHECK(text::split_at_any("a \xC2\xB7 b;c", seps) == std::vector<std::string>{"a ", " b", "c"});
  CHECK(text::split_at_any("", seps) == std::vector<std::string>{""});
  CHECK(text::split_at_any(";", seps) == std::vector<std::string>{"", ""});
}

TEST_CASE("title parts: brackets, line breaks, dashes and bullets") {
  CHECK(text::title_parts("Key issues") == std::vector<std::string>{});
  CHECK(text::title_parts("Where we want to get to (goals)") == std::vector<std::string>{"goals", "Where we want to get to"});
  CHECK(text::title_parts("a \xE2\x80\x93 b / c\nd") == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(text::normalise_title("\xE2\x91\xA1 Who \xE2\x86\x92 came \xF0\x9F\x91\x8B") == "who came");
  CHECK(text::normalise_title("Caf\xC3\xA9 r\xC3\xB4le") == "caf\xC3\xA9 r\xC3\xB4le");
}

TEST_CASE("display_path: any file name as valid UTF-8, losing nothing") {
  CHECK(text::display_path("out/caf\xC3\xA9 notes.csv") == "out/caf\xC3\xA9 notes.csv");  // UTF-8 stays as it is
  CHECK(text::display_path("share/caf\xE9.csv") == "share/caf\\xE9.csv");                  // a Latin-1 byte
  CHECK(text::display_path("a\\xE9.csv") == "a\\\\xE9.csv");  // a backslash is escaped: the two never meet
  CHECK(text::display_path("line\nbreak\x7F") == "line\\x0Abreak\\x7F");
  CHECK(text::display_path("\xC3") == "\\xC3");                     // a character cut short
  CHECK(text::display_path("\xED\xA0\x80") == "\\xED\\xA0\\x80");   // a surrogate, byte by byte
  CHECK(text::display_path("\xF0\x9F\x93\x8A.md") == "\xF0\x9F\x93\x8A.md");
  CHECK(text::display_path("") == "");
  // Every byte value, alone and after a lead byte: always valid UTF-8, and no two names shown alike.
  std::set<std::string> shown;
  for (int b = 0; b < 256; ++b)
    for (std::string name : {std::string(1, static_cast<char>(b)), std::string("\xC3") + static_cast<char>(b)}) {
      auto s = text::display_path(name);
      CHECK(text::is_valid_utf8(s));
      CHECK(shown.insert(s).second);
    }
}

TEST_CASE("json_error_text: the parse error's words, without the input it quotes") {
  // A note's text cut in the middle of a two-byte letter, and a megabyte-long bad token.
  const std::string half = "{\"notes\": [\"caf\xC3";
  const std::string long_token = "{\"n\": " + std::string(1 << 20, 't') + "}";
  for (const auto& bad : {half, long_token}) {
    try {
      [[maybe_unused]] const auto parsed = nlohmann::json::parse(bad);
      FAIL("parsed");
    } catch (const nlohmann::json::parse_error& e) {
      REQUIRE(std::string(e.what()).find("last read") != std::string::npos);
      const auto text = text::json_error_text(e);
      CHECK(text.rfind("parse error", 0) == 0);
      CHECK(text.find("last read") == std::string::npos);
      CHECK(text.size() < 200);
      CHECK(text::is_valid_utf8(text));
    }
  }
  CHECK(text::json_error_text(std::runtime_error("disk full")) == "disk full");
  // Through the diagnostic.json reader, which says the line.
  std::vector<Finding> ignored;
  try {
    (void)diagnostic_from_json("{\n\"notes\": [\"caf\xC3", ignored);
    FAIL("read");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("last read") == std::string::npos);
  }
}
