// The miro plugin's pure helpers: HTML to text, colour legends, London dates, categories.
#include <doctest/doctest.h>

#include "categories.hpp"
#include "colour_legend.hpp"
#include "html_text.hpp"
#include "json_stream.hpp"
#include "london_time.hpp"
#include "section_numbers.hpp"
#include "smallest_holder.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

#include <sdiag/testing.hpp>
#include <sdiag/text.hpp>

using namespace sdiag::miro;

TEST_CASE("HTML content becomes clean text") {
  CHECK(html_to_text("<p>Reports take <strong>three</strong> days</p>") == "Reports take three days");
  CHECK(html_to_text("<p>first</p><p>second</p>") == "first\nsecond");
  CHECK(html_to_text("line one<br>line two<br/>three") == "line one\nline two\nthree");
  CHECK(html_to_text("<p>  lots   of \t space </p><p></p><p> </p>") == "lots of space");
  CHECK(html_to_text("Fish &amp; chips &lt;3 &quot;yes&quot; &#163;5 &#x20AC;9 caf&eacute;") ==
        "Fish & chips <3 \"yes\" \xC2\xA3" "5 \xE2\x82\xAC" "9 caf\xC3\xA9");
  CHECK(html_to_text("a&nbsp;b") == "a b");
  CHECK(html_to_text("Power BI \xF0\x9F\x98\x80 <a href=\"https://x\">link</a>") == "Power BI \xF0\x9F\x98\x80 link");
  CHECK(html_to_text("5 < 6 and AT&T") == "5 < 6 and AT&T");
  CHECK(html_to_text("&#0; &#xD800; &#99999999;") == "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
  CHECK(html_to_text("<p>unclosed <b") == "unclosed <b");
  CHECK(html_to_text("") == "");
}

TEST_CASE("headings are text all in bold, italics or a heading tag") {
  CHECK(is_all_emphasised("<p><strong>best bits</strong></p>"));
  CHECK(is_all_emphasised("<p><em>what we have \xE2\x86\x92 what it does</em></p>"));
  CHECK(is_all_emphasised("<h2>Who came</h2>"));
  CHECK(is_all_emphasised("<p><b>Who</b> <i>What</i> <u>When</u></p>"));
  CHECK_FALSE(is_all_emphasised("<p><strong>Where we want to get to</strong> (goals)</p>"));
  CHECK_FALSE(is_all_emphasised("<p>plain text</p>"));
  CHECK_FALSE(is_all_emphasised("<p><strong></strong></p>"));  // nothing to read
  CHECK_FALSE(is_all_emphasised("<strong>unclosed <b"));
  CHECK_FALSE(is_all_emphasised(""));
}

TEST_CASE("colours: Miro names, words, hex fills and emoji fall into families") {
  CHECK(colour_family("light_green") == "green");
  CHECK(colour_family("dark_green") == "green");
  CHECK(colour_family("Light Green") == "green");
  CHECK(colour_family("violet") == "purple");
  CHECK(colour_family("purple") == "purple");
  CHECK(colour_family("light_pink") == "pink");
  CHECK(colour_family("gray") == "grey");
  CHECK(colour_family("#e6280e") == "red");
  CHECK(colour_family("#a6ccf5") == "blue");
  CHECK(colour_family("#fff9b1") == "yellow");
  CHECK(colour_family("#d5f692") == "green");
  CHECK(colour_family("#f5f6f8") == "white");
  CHECK(colour_family("\xF0\x9F\x9F\xA9") == "green");
  CHECK(colour_family("transparent") == "");
  CHECK(colour_family("#zzzzzz") == "");
  CHECK(neighbour_family("red") == "pink");
  CHECK(neighbour_family("green") == "");
}

TEST_CASE("colour legends: each colour with its meaning, in the order written") {
  auto legend = parse_colour_legend("green = what we need to be able to do \xC2\xB7 purple = things we want built");
  REQUIRE(legend.size() == 2);
  CHECK(legend[0].family == "green");
  CHECK(legend[0].meaning == "what we need to be able to do");
  CHECK(legend[1].family == "purple");
  CHECK(legend[1].meaning == "things we want built");
  // Other ways round and other separators.
  legend = parse_colour_legend("KEY\npink stickies: pain points\nWhat works well \xE2\x80\x93 green\nBlue -> what we should fix");
  REQUIRE(legend.size() == 3);
  CHECK(legend[0].family == "pink");
  CHECK(legend[1].family == "green");
  CHECK(legend[1].meaning == "What works well");
  CHECK(legend[2].family == "blue");
  legend = parse_colour_legend("\xF0\x9F\x9F\xA5 pain; \xF0\x9F\x9F\xA9 good stuff");
  REQUIRE(legend.size() == 2);
  CHECK(legend[0].family == "red");
  CHECK(legend[1].meaning == "good stuff");
  // One colour, or none, is no legend; neither is an ordinary note.
  CHECK(parse_colour_legend("green = go").empty());
  CHECK(parse_colour_legend("Who: Gavin and Rhiannon\nWhat: fix the SSRS server\nWhen: TBC").empty());
  CHECK(parse_colour_legend("Reports are red, green and amber in three places").empty());
  CHECK(parse_colour_legend("").empty());
  CHECK(parse_colour_legend(std::string(100000, '=')).empty());
}

TEST_CASE("colours make a legend only when they plainly follow the prompts") {
  auto seen = [](std::initializer_list<std::pair<const char*, const char*>> list) {
    std::vector<ColourSeen> out;
    for (const auto& [f, p] : list) out.push_back({f, p});
    return out;
  };
  auto legend = legend_from_colours(seen({{"green", "best"}, {"green", "best"}, {"pink", "pain"}, {"pink", "pain"},
                                          {"pink", "best"}, {"blue", "fix"}, {"blue", "fix"}, {"yellow", "pain"}}));
  CHECK(legend == std::map<std::string, std::string>{{"green", "best"}, {"pink", "pain"}, {"blue", "fix"}});
  // One colour everywhere says nothing of the columns.
  CHECK(legend_from_colours(seen({{"yellow", "best"}, {"yellow", "pain"}, {"yellow", "pain"}, {"yellow", "fix"}})).empty());
  // Colours spread across the columns (say, one per team) say nothing either.
  CHECK(legend_from_colours(seen({{"green", "best"}, {"green", "pain"}, {"pink", "pain"}, {"pink", "fix"},
                                  {"blue", "fix"}, {"blue", "best"}}))
            .empty());
  // Two colours that agree, but most notes in a third colour that does not.
  CHECK(legend_from_colours(seen({{"green", "best"}, {"green", "best"}, {"pink", "pain"}, {"pink", "pain"},
                                  {"grey", "best"}, {"grey", "pain"}, {"grey", "fix"}, {"grey", "best"}, {"grey", "pain"}}))
            .empty());
  CHECK(legend_from_colours({}).empty());
}

TEST_CASE("due dates are taken in London time (the rules are sdiag::dates')") {
  CHECK(due_date_in_london("2026-02-16T23:30:00Z") == "2026-02-16");
  // A UK user's "1 May" arrives as 30 April 23:00 UTC.
  CHECK(due_date_in_london("2026-04-30T23:00:00.000Z") == "2026-05-01");
  CHECK(due_date_in_london("2026-06-01T00:30:00+02:00") == "2026-05-31");
  // A bare date is the date meant; nonsense is no date.
  CHECK(due_date_in_london("2026-06-01") == "2026-06-01");
  CHECK_FALSE(due_date_in_london("2026-02-30"));
  CHECK_FALSE(due_date_in_london("next Tuesday"));
  CHECK_FALSE(due_date_in_london("2026-02-30T10:00:00Z"));
  CHECK_FALSE(due_date_in_london("2026-02-10T10:00:00Zjunk"));
  CHECK_FALSE(due_date_in_london(""));
}

TEST_CASE("the seed's categories come from the data file") {
  auto c = Categories::load(std::string(SDIAG_TEST_DATA_DIR) + "/system-map/categories.json");
  CHECK(c.function_of("Liquidlogic LCS/EHM") == "MIS maintenance and development");
  CHECK(c.business_area_of("Liquidlogic LCS/EHM") == "External suppliers");
  CHECK(c.function_of("Mosaic") == "MIS maintenance and development");
  CHECK(c.function_of("Corporate IT service desk") == "MIS maintenance and development");
  CHECK(c.business_area_of("Corporate IT service desk") == "Corporate teams");
  CHECK(c.function_of("Performance and Insight team") == "Data analysis");
  CHECK(c.function_of("DfE statutory returns") == "Corporate performance and policy");
  CHECK(c.business_area_of("DfE") == "External suppliers");
  CHECK(c.function_of("Team managers") == "Front line services and management");
  CHECK(c.business_area_of("Team managers") == "Internal CSC teams");
  // Whole words only: "with" does not hold "IT".
  CHECK(c.function_of("Lunch with the caretaker") == "other");
  CHECK(c.business_area_of("Lunch with the caretaker") == "other");
  CHECK(Categories().function_of("Liquidlogic") == "other");
  CHECK_THROWS(Categories::load("/nonexistent/categories.json"));
}

TEST_CASE("a broken categories file is said in valid UTF-8, whatever its name and bytes") {
  // A Latin-1 name from a Windows share, and half an "é" where the JSON breaks.
  const auto path = std::filesystem::temp_directory_path() / ("sdiag-categories-caf\xE9-" + std::to_string(::getpid()) + ".json");
  std::ofstream(path, std::ios::binary) << "{\"functions\": [\xC3]}";
  try {
    Categories::load(path);
    FAIL("loaded");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    CHECK(sdiag::text::is_valid_utf8(message));
    CHECK(message.find("caf\\xE9") != std::string::npos);
    CHECK(message.find("not valid JSON") != std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST_CASE("numbers at the start of a title") {
  CHECK(leading_number("4. what's broken / what's great") == 4);
  CHECK(leading_number("2) who's in the room") == 2);
  CHECK(leading_number("1 \xC2\xB7 The view from the top") == 1);
  CHECK(leading_number("9 \xE2\x80\x93 agreed actions") == 9);
  CHECK(leading_number("Step 3: mapping") == 3);
  CHECK(leading_number("\xE2\x91\xA2 practicalities") == 3);
  CHECK(leading_number("12 next steps") == 12);
  CHECK(leading_number("Key issues") == -1);
  CHECK(leading_number("24/7 services") == -1);
  CHECK(leading_number("3rd floor") == -1);
  CHECK(leading_number("4.5 hours") == -1);
  CHECK(leading_number("2026 goals") == -1);
  CHECK(leading_number("") == -1);
}

TEST_CASE("a numbered title that matches nothing takes the section its number points to") {
  auto t = sdiag::testing::default_template(SDIAG_TEST_DATA_DIR);
  std::vector<NumberedTitle> titles = {{"a", "1 DCS view"}, {"b", "2 Who came"}, {"c", "3 parking lot"},
                                       {"d", "4 the wobbly bits"}, {"e", "5 system map"}, {"f", "6 relationships"},
                                       {"g", "7 goals"}, {"h", "8 how we'd run things"}, {"i", "9 next steps"},
                                       {"j", "Icebreaker"}};
  auto by_number = sections_by_number(titles, t);
  CHECK(by_number.size() == 2);
  CHECK(by_number["d"] == "key_issues");
  CHECK(by_number["h"] == "service_model");
  CHECK(by_number.count("j") == 0);
  // Numbering that starts at 0 works the same way.
  for (auto& x : titles) x.title[0] = static_cast<char>(x.title[0] - 1);
  CHECK(sections_by_number(titles, t).at("d") == "key_issues");
  // Too few numbered titles match, or they disagree: nothing is guessed.
  CHECK(sections_by_number({{"a", "1 DCS view"}, {"b", "2 Who came"}, {"c", "3 practicalities"}}, t).empty());
  CHECK(sections_by_number({{"a", "1 DCS view"}, {"b", "5 Who came"}, {"c", "2 parking lot"}, {"d", "7 Key issues"},
                            {"e", "3 system map"}, {"f", "4 mystery"}},
                           t)
            .empty());
  // A number past the template's sections names nothing.
  titles.push_back({"k", "10 lunch orders"});
  CHECK(sections_by_number(titles, t).count("k") == 0);
}

TEST_CASE("the smallest rectangle holding each point, by sweep, agrees with trying every rectangle") {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> coord(0, 40), size(1, 25);  // small integers: many shared edges and ties
  for (int round = 0; round < 20; ++round) {
    std::vector<Rect> rects;
    for (int i = 0; i < 30; ++i) {
      double l = coord(rng), t = coord(rng), w = size(rng), h = size(rng);
      rects.push_back({l, t, l + w, t + h, w * h});
    }
    std::vector<HolderQuery> queries;
    for (int i = 0; i < 200; ++i) {
      HolderQuery q{static_cast<double>(coord(rng)) + (i % 3 == 0 ? 0.5 : 0), static_cast<double>(coord(rng))};
      if (i % 4 == 0) {
        q.self = static_cast<std::size_t>(i % 30);
        q.larger_than = rects[q.self].area;
      }
      queries.push_back(q);
    }
    auto found = smallest_holders(rects, queries);
    REQUIRE(found.size() == queries.size());
    for (std::size_t q = 0; q < queries.size(); ++q) {
      std::optional<std::size_t> best;
      for (std::size_t r = 0; r < rects.size(); ++r)
        if (r != queries[q].self && rects[r].area > queries[q].larger_than && rects[r].holds(queries[q].x, queries[q].y) &&
            (!best || rects[r].area < rects[*best].area))
          best = r;
      CHECK(found[q] == best);
    }
  }
  // Nothing to hold, and coordinates that are not numbers, hold nothing.
  CHECK(smallest_holders({}, {HolderQuery{1, 1}}) == std::vector<std::optional<std::size_t>>{std::nullopt});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(smallest_holders({{0, 0, 10, 10, 100}, {nan, 0, 10, 10, 100}}, {HolderQuery{nan, 1}, HolderQuery{5, 5}}) ==
        std::vector<std::optional<std::size_t>>{std::nullopt, 0});
}

TEST_CASE("streamed JSON: chosen lists go by an element at a time, the rest is kept") {
  std::vector<std::pair<int, std::string>> seen;
  auto choose = [](const std::vector<JsonStep>& path) {
    if (path.size() == 1 && !path[0].element && path[0].key == "items") return 1;
    if (path.size() == 3 && path[1].element && path[2].key == "data") return 2;  // a page in the list
    return -1;
  };
  auto root = parse_streaming(R"({"board":{"name":"b","tags":[1,2]},"items":[{"id":"1","tagIds":["t"]},7,
      {"data":[{"id":"2"},[3]]},"x"],"after":true})",
                              choose, [&](int list, nlohmann::json&& e) { seen.emplace_back(list, e.dump()); });
  CHECK(root.dump() == R"({"after":true,"board":{"name":"b","tags":[1,2]},"items":[]})");
  const std::vector<std::pair<int, std::string>> expected = {
      {1, R"({"id":"1","tagIds":["t"]})"}, {1, "7"}, {2, R"({"id":"2"})"}, {2, "[3]"}, {1, R"({"data":[]})"}, {1, R"("x")"}};
  CHECK(seen == expected);
  CHECK_THROWS_WITH_AS(parse_streaming(R"({"items":[{"id":)", choose, [](int, nlohmann::json&&) {}),
                       doctest::Contains("not valid JSON"), sdiag::InputError);
}
