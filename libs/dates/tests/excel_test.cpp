// Excel's 1900 date system, around the phantom 29 February 1900 and beyond.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include <sdiag/dates/excel.hpp>
#include <sdiag/dates/iso.hpp>

using namespace sdiag::dates;
using namespace std::chrono;

namespace {
std::string date_of(double serial) {
  auto d = excel_date(serial);
  return d ? iso(*d) : "-";
}
}  // namespace

TEST_CASE("serials as Excel shows them, either side of the phantom 29 February 1900") {
  CHECK(date_of(1) == "1900-01-01");
  CHECK(date_of(59) == "1900-02-28");
  CHECK(date_of(60) == "-");  // Excel's 29/02/1900: no real date
  CHECK(date_of(60.5) == "-");
  CHECK(date_of(61) == "1900-03-01");
  CHECK(date_of(45000) == "2023-03-15");
  CHECK(date_of(46112) == "2026-03-31");
  CHECK(date_of(46112.75) == "2026-03-31");  // the time of day is dropped
  CHECK(date_of(max_excel_serial) == "9999-12-31");
}

TEST_CASE("dates to serials") {
  CHECK(excel_serial(*make_date(1900, 1, 1)) == 1);
  CHECK(excel_serial(*make_date(1900, 2, 28)) == 59);
  CHECK(excel_serial(*make_date(1900, 3, 1)) == 61);
  CHECK(excel_serial(*make_date(2023, 3, 15)) == 45000);
  CHECK(excel_serial(*make_date(2026, 3, 31)) == 46112);
  CHECK(excel_serial(*make_date(9999, 12, 31)) == max_excel_serial);
  CHECK_FALSE(excel_serial(Date{year{1899}, December, day{31}}));
  CHECK_FALSE(excel_serial(Date{year{2026}, February, day{30}}));
}

TEST_CASE("every serial that is a date comes back to itself") {
  for (int s : {1, 2, 58, 59, 61, 62, 366, 45000, 46112, max_excel_serial}) {
    auto d = excel_date(s);
    REQUIRE(d);
    CHECK(excel_serial(*d) == s);
  }
  for (int s = 1; s <= 800; ++s)
    if (s != 60) CHECK(excel_serial(*excel_date(s)) == s);
  // ...and every date from 1900 to 2100 to the same date.
  for (auto d = sys_days{year{1900} / January / 1}; d <= sys_days{year{2100} / December / 31}; d += days{1}) {
    auto s = excel_serial(Date{d});
    REQUIRE(s);
    REQUIRE(excel_date(*s) == Date{d});
  }
}

TEST_CASE("the fraction is the time of day, to the second") {
  auto t = excel_date_time(45000.5);
  REQUIRE(t);
  CHECK(iso_date_time(*t) == "2023-03-15T12:00:00");
  CHECK(iso_date_time(*excel_date_time(45728.418182870)) == "2025-03-12T10:02:11");
  CHECK(iso_date_time(*excel_date_time(1.25)) == "1900-01-01T06:00:00");
  CHECK(iso_date_time(*excel_date_time(45000.9999999)) == "2023-03-16T00:00:00");  // rounds to midnight
}

TEST_CASE("serials that are no date") {
  for (double s : {0.0, 0.99, -1.0, -45000.0, 60.0, 59.99999999, double(max_excel_serial) + 1, 1e12, 1e300,
                   std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                   std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::max(),
                   std::numeric_limits<double>::lowest()}) {
    CHECK_MESSAGE(!excel_date_time(s), s);
    CHECK_MESSAGE(!excel_date(s), s);
  }
}
