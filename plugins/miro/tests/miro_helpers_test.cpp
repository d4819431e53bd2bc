// The miro plugin's pure helpers: HTML to text, London dates, categories.
#include <doctest/doctest.h>

#include "categories.hpp"
#include "html_text.hpp"
#include "london_time.hpp"

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
