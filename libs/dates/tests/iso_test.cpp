// ISO 8601: dates and moments, read strictly and written one way.
#include <doctest/doctest.h>

#include <string>

#include <sdiag/context.hpp>
#include <sdiag/dates/iso.hpp>

using namespace sdiag::dates;
using namespace std::chrono;

namespace {
long long epoch(std::string_view s) {
  auto t = parse_iso_instant(s);
  return t ? t->time_since_epoch().count() : -999;
}
}  // namespace

TEST_CASE("ISO dates: exactly YYYY-MM-DD, and real") {
  REQUIRE(parse_iso("2026-03-31"));
  CHECK(iso(*parse_iso("2026-03-31")) == "2026-03-31");
  CHECK(iso(*parse_iso("2024-02-29")) == "2024-02-29");
  CHECK_FALSE(parse_iso("2026-02-29"));
  CHECK_FALSE(parse_iso("2026-02-31"));
  CHECK_FALSE(parse_iso("2026-3-31"));
  CHECK_FALSE(parse_iso("2026-03-31T10:00"));
  CHECK_FALSE(parse_iso("2026-03-31 "));
  CHECK_FALSE(parse_iso(" 2026-03-31"));
  CHECK_FALSE(parse_iso("2026/03/31"));
  CHECK_FALSE(parse_iso("1899-12-31"));
  CHECK_FALSE(parse_iso("+026-03-31"));
  CHECK_FALSE(parse_iso(""));
  CHECK_FALSE(parse_iso(std::string(1 << 20, '9')));
}

TEST_CASE("dates are written with four-digit years and two-digit months and days") {
  CHECK(iso(Date{year{2026}, January, day{2}}) == "2026-01-02");
  CHECK(iso(Date{year{1900}, March, day{1}}) == "1900-03-01");
}

TEST_CASE("moments: the SDK's UTC formatting without its zone") {
  CHECK(iso_date_time(sys_seconds{seconds{1767225600}}) == "2026-01-01T00:00:00");
  CHECK(iso_date_time(sys_days{year{2025} / March / 14} + hours{10} + minutes{2} + seconds{11}) ==
        "2025-03-14T10:02:11");
  CHECK(iso_date_time(sys_seconds{seconds{1767225600}}) + "Z" == sdiag::iso_utc(1767225600));
}

TEST_CASE("instants as Miro writes them") {
  CHECK(epoch("1970-01-01T00:00:00Z") == 0);
  CHECK(epoch("2022-10-05T10:31:02Z") == 1664965862);
  CHECK(epoch("2022-10-05T10:31:02.123Z") == 1664965862);
  CHECK(epoch("2022-10-05 10:31:02z") == 1664965862);
  CHECK(epoch("2022-10-05T10:31Z") == 1664965860);
  CHECK(epoch("2022-10-05T10:31:02") == 1664965862);  // no zone: UTC
  CHECK(epoch("2022-10-05T11:31:02+01:00") == 1664965862);
  CHECK(epoch("2022-10-05T11:31:02+0100") == 1664965862);
  CHECK(epoch("2022-10-05T11:31:02+01") == 1664965862);
  CHECK(epoch("2022-10-05T05:01:02-05:30") == 1664965862);
  CHECK(epoch("2016-12-31T23:59:60Z") == 1483228800);  // a leap second
}

TEST_CASE("anything else is not an instant") {
  for (const char* bad : {"", "2026-02-10", "2026-02-30T10:00:00Z", "2026-02-10T10:00:00Zjunk", "2026-02-10T24:00Z",
                          "2026-02-10T10:60Z", "2026-02-10T10:00:61Z", "2026-02-10T10:00:00.Z", "2026-02-10t10:00Z",
                          "2026-02-10T10:00+", "2026-02-10T10:00+1", "2026-02-10T10:00+01:", "2026-02-10T10:00+24:00",
                          "2026-02-10T10:00+01:60", "2026-02-10T1:00Z", "2026-2-10T10:00Z", "next Tuesday",
                          "1899-12-31T23:00:00Z"})
    CHECK_MESSAGE(!parse_iso_instant(bad), bad);
  CHECK(epoch("2022-10-05T10:31:02." + std::string(20, '1') + "Z") == 1664965862);
  CHECK_FALSE(parse_iso_instant("2022-10-05T10:31:02." + std::string(max_date_text, '1') + "Z"));  // too long to be one
  CHECK_FALSE(parse_iso_instant("2026-02-10T10:00:00." + std::string(1 << 20, '1') + "Q"));
  CHECK_FALSE(parse_iso_instant(std::string(1 << 20, '\xff')));
}
