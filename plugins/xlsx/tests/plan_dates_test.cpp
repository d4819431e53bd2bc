// Dates of the action plan: Excel serials and the ways people type dates.
#include <doctest/doctest.h>

#include "plan_dates.hpp"

using namespace xlsxplan;

TEST_CASE("Excel serial numbers match the dates Excel shows") {
  CHECK(to_serial(Date{2026, 3, 31}) == 46112);
  CHECK(to_serial(Date{1900, 3, 1}) == 61);
  REQUIRE(from_serial(46112.75));
  CHECK(*from_serial(46112.75) == Date{2026, 3, 31});
  CHECK_FALSE(from_serial(-5));
  CHECK_FALSE(from_serial(1e12));
}

TEST_CASE("dates typed as text, day before month") {
  auto iso = [](const char* s) {
    auto d = parse_typed_date(s);
    return d ? to_iso(*d) : std::string("-");
  };
  CHECK(iso("31/03/2026") == "2026-03-31");
  CHECK(iso("1/4/26") == "2026-04-01");
  CHECK(iso("31-03-2026") == "2026-03-31");
  CHECK(iso("31.03.2026") == "2026-03-31");
  CHECK(iso("2026-03-31") == "2026-03-31");
  CHECK(iso("31 March 2026") == "2026-03-31");
  CHECK(iso("31st Mar 2026") == "2026-03-31");
  CHECK(iso("March 31, 2026") == "2026-03-31");
  CHECK(iso("Tuesday 31 March 2026") == "2026-03-31");
  CHECK(iso("31/02/2026") == "-");
  CHECK(iso("end of March") == "-");
  CHECK(iso("Q1 2026") == "-");
  CHECK(iso("") == "-");
}

TEST_CASE("ctx.now() as a calendar date") {
  CHECK(to_iso(date_of(1767225600)) == "2026-01-01");
  CHECK(to_uk(Date{2026, 1, 2}) == "02/01/2026");
}
