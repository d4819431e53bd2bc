// The date in London, from the system's tzdata: GMT in winter, BST in summer.
#include <doctest/doctest.h>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/london.hpp>

using namespace sdiag::dates;

namespace {
std::string london(std::string_view utc) {
  auto t = parse_iso_instant(utc);
  REQUIRE(t);
  return iso(london_date(*t));
}
}  // namespace

TEST_CASE("winter: London is on UTC") {
  CHECK(london("2026-02-16T23:30:00Z") == "2026-02-16");
  CHECK(london("2026-01-01T00:00:00Z") == "2026-01-01");
  CHECK(iso(london_date(std::time_t{1767225600})) == "2026-01-01");
}

TEST_CASE("summer: 00:30 UTC is already 01:30 BST, and 23:30 UTC is the next day") {
  CHECK(london("2026-07-01T00:30:00Z") == "2026-07-01");
  CHECK(london("2026-06-30T23:30:00Z") == "2026-07-01");
  CHECK(london("2026-06-30T22:59:59Z") == "2026-06-30");
  CHECK(iso(london_date(std::time_t{1782863999})) == "2026-07-01");  // 23:59:59 UTC, 00:59:59 BST
  CHECK(london("2026-04-30T23:00:00.000Z") == "2026-05-01");       // a UK user's "1 May" in Miro
}

TEST_CASE("the clocks go forward at 01:00 UTC on 29 March 2026") {
  CHECK(london("2026-03-28T23:30:00Z") == "2026-03-28");  // GMT
  CHECK(london("2026-03-29T00:59:59Z") == "2026-03-29");
  CHECK(london("2026-03-29T23:00:00Z") == "2026-03-30");  // BST: already midnight
  CHECK(london("2026-03-29T22:59:59Z") == "2026-03-29");
}

TEST_CASE("the clocks go back at 01:00 UTC on 25 October 2026") {
  CHECK(london("2026-10-24T23:30:00Z") == "2026-10-25");  // still BST
  CHECK(london("2026-10-25T00:30:00Z") == "2026-10-25");
  CHECK(london("2026-10-25T23:30:00Z") == "2026-10-25");  // GMT again
  CHECK(london("2026-10-25T23:59:59Z") == "2026-10-25");
  CHECK(london("2026-10-26T00:00:00Z") == "2026-10-26");
}

TEST_CASE("other years' rules come from tzdata too") {
  CHECK(london("2025-03-30T23:30:00Z") == "2025-03-31");  // 2025: BST from 30 March
  CHECK(london("2025-03-29T23:30:00Z") == "2025-03-29");
  CHECK(london("1970-06-30T23:30:00Z") == "1970-07-01");  // British Standard Time: UTC+1 all year
  CHECK(london("1970-12-31T23:30:00Z") == "1971-01-01");
}
