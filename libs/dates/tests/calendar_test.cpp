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

TEST_CASE("a day and month without a year goes to the year that puts it nearest") {
  auto near = [](unsigned m, unsigned d, int y, unsigned mm, unsigned dd) {
    auto date = nearest_date(month{m} / day{d}, *make_date(y, static_cast<int>(mm), static_cast<int>(dd)));
    return date ? iso(*date) : std::string("-");
  };
  CHECK(near(6, 24, 2026, 6, 24) == "2026-06-24");
  CHECK(near(6, 24, 2026, 6, 29) == "2026-06-24");
  // Across a year end, both ways.
  CHECK(near(12, 30, 2027, 1, 2) == "2026-12-30");
  CHECK(near(1, 3, 2026, 12, 28) == "2027-01-03");
  // Half a year away either way: the earlier.
  CHECK(near(1, 1, 2026, 7, 2) == "2026-01-01");
  // A leap day goes to the nearest leap year; never a day that does not exist.
  CHECK(near(2, 29, 2025, 1, 1) == "2024-02-29");
  CHECK(near(2, 29, 2026, 6, 24) == "2028-02-29");
  CHECK(near(2, 29, 2100, 1, 1) == "2096-02-29");  // 2100 is not a leap year
  // No such day, or no such year sdiag reads.
  CHECK_FALSE(nearest_date(month{2} / day{30}, *make_date(2026, 6, 24)));
  CHECK_FALSE(nearest_date(month{13} / day{1}, *make_date(2026, 6, 24)));
  CHECK(near(12, 31, 9999, 12, 31) == "9999-12-31");
  CHECK(near(1, 1, 1900, 1, 1) == "1900-01-01");
}
