// The calendar: real days only, leap years, the years sdiag reads.
#include <doctest/doctest.h>

#include <sdiag/dates/calendar.hpp>
#include <sdiag/dates/iso.hpp>

using namespace sdiag::dates;
using namespace std::chrono;

TEST_CASE("make_date takes real days only") {
  REQUIRE(make_date(2026, 3, 31));
  CHECK(*make_date(2026, 3, 31) == Date{year{2026}, March, day{31}});
  CHECK_FALSE(make_date(2026, 2, 31));
  CHECK_FALSE(make_date(2026, 4, 31));
  CHECK_FALSE(make_date(2026, 13, 1));
  CHECK_FALSE(make_date(2026, 0, 1));
  CHECK_FALSE(make_date(2026, 1, 0));
  CHECK_FALSE(make_date(2026, -1, 1));
  CHECK_FALSE(make_date(2026, 1, 1000));
}

TEST_CASE("leap years: every fourth, not centuries, but every fourth century") {
  CHECK(make_date(2024, 2, 29));
  CHECK_FALSE(make_date(2026, 2, 29));
  CHECK(make_date(2000, 2, 29));
  CHECK_FALSE(make_date(1900, 2, 29));
  CHECK_FALSE(make_date(2100, 2, 29));
  CHECK(days_between(*make_date(2024, 1, 1), *make_date(2025, 1, 1)) == 366);
  CHECK(days_between(*make_date(2026, 1, 1), *make_date(2027, 1, 1)) == 365);
}

TEST_CASE("the years sdiag reads a date in: 1900 to 9999") {
  CHECK(make_date(1900, 1, 1));
  CHECK(make_date(9999, 12, 31));
  CHECK_FALSE(make_date(1899, 12, 31));
  CHECK_FALSE(make_date(10000, 1, 1));
  CHECK_FALSE(make_date(0, 1, 1));
  CHECK_FALSE(make_date(-2026, 1, 1));
}

TEST_CASE("two-digit years are this century's") {
  CHECK(full_year(26) == 2026);
  CHECK(full_year(0) == 2000);
  CHECK(full_year(99) == 2099);
  CHECK(full_year(2026) == 2026);
  CHECK(full_year(126) == 126);
}

TEST_CASE("days between two dates, and the UTC date of a moment") {
  CHECK(days_between(*make_date(2026, 3, 1), *make_date(2026, 3, 31)) == 30);
  CHECK(days_between(*make_date(2026, 3, 31), *make_date(2026, 3, 1)) == -30);
  CHECK(days_between(*make_date(2026, 2, 28), *make_date(2026, 3, 1)) == 1);
  CHECK(iso(utc_date(0)) == "1970-01-01");
  CHECK(iso(utc_date(1767225600)) == "2026-01-01");      // SOURCE_DATE_EPOCH of the tests
  CHECK(iso(utc_date(1767225599)) == "2025-12-31");
  CHECK(iso(utc_date(-1)) == "1969-12-31");              // before 1970: rounds down, not towards zero
}
