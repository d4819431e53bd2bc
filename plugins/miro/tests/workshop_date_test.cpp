// The workshop date of a board: written in its name or description, or the
// London day most stickies were made.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include <sdiag/dates/iso.hpp>

#include "workshop_date.hpp"

using namespace sdiag::miro;

namespace {

Item made(const std::string& id, const std::string& created_at, const std::string& type = "sticky_note") {
  Item it;
  it.id = id;
  it.type = type;
  it.created_at = created_at;
  return it;
}

// `n` stickies made at `when`.
void add(Board& b, int n, const std::string& when, const std::string& type = "sticky_note") {
  for (int i = 0; i < n; ++i) b.items.push_back(made(std::to_string(b.items.size() + 1), when, type));
}

std::string date_of(const DateReading& r) { return r.found ? sdiag::dates::iso(r.found->date) : "-"; }
std::string source_of(const DateReading& r) { return r.found ? r.found->source : "-"; }

bool says(const std::vector<Problem>& problems, sdiag::Severity severity, const std::string& words) {
  return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
    return p.severity == severity && p.message.find(words) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("a full date in the board's name or description is the workshop date") {
  Board b;
  add(b, 5, "2026-06-24T10:00:00Z");
  SUBCASE("in the name, in any form UK dates are written") {
    for (const char* name : {"Oakfield data diagnostic 24/06/2026", "Oakfield diagnostic \xE2\x80\x93 2026-06-24",
                             "Oakfield diagnostic, Wed 24th June 2026", "24 June 2026: Oakfield"}) {
      b.name = name;
      auto r = workshop_date(b);
      CHECK_MESSAGE(date_of(r) == "2026-06-24", name);
      CHECK(source_of(r) == from_board_name);
      CHECK(r.problems.empty());
    }
  }
  SUBCASE("in the description when the name has none") {
    b.name = "Oakfield data diagnostic";
    b.description = "Data to Insight diagnostic for Oakfield, held on Wed 24th June 2026 at the Civic Centre.";
    auto r = workshop_date(b);
    CHECK(date_of(r) == "2026-06-24");
    CHECK(source_of(r) == from_board_description);
    CHECK(r.found->evidence.find("'24th June 2026'") != std::string::npos);
  }
  SUBCASE("the name first; a full date anywhere before a day and month") {
    b.name = "Oakfield diagnostic 25 June";
    b.description = "Held 24/06/2026";
    auto r = workshop_date(b);
    CHECK(date_of(r) == "2026-06-24");
    CHECK(source_of(r) == from_board_description);
    b.name = "Oakfield diagnostic 23/06/2026";
    CHECK(date_of(workshop_date(b)) == "2026-06-23");
  }
}

TEST_CASE("a day and month without a year takes the year that puts it nearest the stickies' day") {
  Board b;
  b.name = "Riverside CSC data diagnostic \xE2\x80\x93 24 June";
  add(b, 3, "2026-06-24T09:41:07Z");
  auto r = workshop_date(b);
  CHECK(date_of(r) == "2026-06-24");
  CHECK(source_of(r) == from_board_name);
  CHECK(r.found->evidence.find("the day most sticky notes were created") != std::string::npos);

  SUBCASE("across a year end: a board named '... 30 December' whose stickies were made on 2 January 2027") {
    Board y;
    y.name = "Lowfield diagnostic 30 December";
    add(y, 4, "2027-01-02T11:00:00Z");
    auto ry = workshop_date(y);
    CHECK(date_of(ry) == "2026-12-30");
    CHECK(ry.problems.empty());  // three days: preparation and write-up make such gaps
    y.name = "Lowfield diagnostic 3 January";
    y.items.clear();
    add(y, 4, "2026-12-29T11:00:00Z");
    CHECK(date_of(workshop_date(y)) == "2027-01-03");
  }
  SUBCASE("no stickies: the export time, else the board's creation") {
    Board e;
    e.name = "Lowfield diagnostic 30 December";
    e.exported_at = "2027-01-20T09:00:00Z";
    e.created_at = "2025-11-01T09:00:00Z";
    auto re = workshop_date(e);
    CHECK(date_of(re) == "2026-12-30");
    CHECK(re.found->evidence.find("the export time") != std::string::npos);
    e.exported_at = "not a time";
    re = workshop_date(e);
    CHECK(date_of(re) == "2025-12-30");
    CHECK(re.found->evidence.find("the board's creation") != std::string::npos);
  }
  SUBCASE("no time at all to take the year from") {
    Board n;
    n.name = "Lowfield diagnostic 30 December";
    auto rn = workshop_date(n);
    CHECK(date_of(rn) == "-");
    CHECK(says(rn.problems, sdiag::Severity::warning, "without a year"));
  }
}

TEST_CASE("otherwise the London day on which most sticky notes and cards were made") {
  Board b;
  b.name = "Oakfield data diagnostic";
  add(b, 9, "2026-06-10T10:00:00Z");   // preparation
  add(b, 40, "2026-06-24T09:30:00Z");  // the day
  add(b, 5, "2026-06-24T14:59:00Z", "card");
  add(b, 20, "2026-06-30T10:00:00Z", "frame");  // frames are laid out, not written in the room
  add(b, 50, "2026-06-30T10:00:00Z", "shape");
  auto r = workshop_date(b);
  CHECK(date_of(r) == "2026-06-24");
  CHECK(source_of(r) == from_sticky_day);
  CHECK(r.found->evidence.find("45 of the 54 sticky notes and cards") != std::string::npos);

  SUBCASE("of equally busy days, the first, and the user is told") {
    Board t;
    add(t, 3, "2026-06-23T10:00:00Z");
    add(t, 3, "2026-06-24T10:00:00Z");
    auto rt = workshop_date(t);
    CHECK(date_of(rt) == "2026-06-23");
    CHECK(rt.found->evidence.find("as many were made on 24 June 2026") != std::string::npos);
  }
}

TEST_CASE("times are UTC; the day is London's, in summer time and in winter") {
  Board b;
  SUBCASE("23:30Z in summer is the next day in London") {
    add(b, 3, "2026-06-23T23:30:00Z");
    add(b, 2, "2026-06-23T12:00:00Z");
    CHECK(date_of(workshop_date(b)) == "2026-06-24");
  }
  SUBCASE("23:30Z in winter is the same day") {
    add(b, 3, "2026-12-01T23:30:00Z");
    add(b, 2, "2026-12-02T12:00:00Z");
    CHECK(date_of(workshop_date(b)) == "2026-12-01");
  }
  SUBCASE("around the clocks going forward (01:00Z on 29 March 2026)") {
    add(b, 3, "2026-03-28T23:59:59Z");  // 23:59 GMT on the 28th
    add(b, 2, "2026-03-29T00:30:00Z");  // 00:30 GMT on the 29th
    CHECK(date_of(workshop_date(b)) == "2026-03-28");
  }
  SUBCASE("around the clocks going back (01:00Z on 25 October 2026)") {
    add(b, 3, "2026-10-24T23:30:00Z");  // 00:30 BST on the 25th
    add(b, 2, "2026-10-24T22:30:00Z");  // 23:30 BST on the 24th
    CHECK(date_of(workshop_date(b)) == "2026-10-25");
  }
  SUBCASE("milliseconds and offsets are read") {
    add(b, 3, "2026-06-24T08:30:00.123Z");
    add(b, 2, "2026-06-25T01:30:00+02:00");  // 23:30Z on the 24th: 00:30 on the 25th in London
    CHECK(date_of(workshop_date(b)) == "2026-06-24");
  }
}

TEST_CASE("no timestamps at all, and no written date: no date, and the user is told how to give one") {
  Board b;
  b.name = "Oakfield data diagnostic";
  add(b, 5, "");
  auto r = workshop_date(b);
  CHECK(date_of(r) == "-");
  CHECK(r.problems.empty());
  sdiag::Meta meta;
  auto told = apply_workshop_date(b, meta);
  CHECK(meta.date.empty());
  CHECK(meta.extra.count("date_source") == 0);
  CHECK(says(told, sdiag::Severity::info, "--meta date=YYYY-MM-DD"));
}

TEST_CASE("garbage timestamps are not counted, and are said once") {
  Board b;
  add(b, 2, "2026-06-24T10:00:00Z");
  for (const char* junk : {"yesterday", "2026-02-30T10:00:00Z", "2026-06-25", "2026-06-25T25:00:00Z",
                           "2026-06-25T10:00:00Zjunk", "\xFF\xFE", "1782295200"})
    add(b, 1, junk);
  add(b, 1, std::string(1'000'000, '2'));
  auto r = workshop_date(b);
  CHECK(date_of(r) == "2026-06-24");
  CHECK(r.found->evidence.find("2 of the 2 sticky notes") != std::string::npos);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].severity == sdiag::Severity::info);
  CHECK(r.problems[0].location == "3");
  CHECK(r.problems[0].message.find("8 sticky notes or cards") == 0);
}

TEST_CASE("huge and hostile names and descriptions are read at their start only, quickly") {
  Board b;
  add(b, 2, "2026-06-24T10:00:00Z");
  b.name = std::string(10'000'000, 'a') + " 1 June 2026";
  b.description = std::string(5'000'000, '1') + "/";
  std::string repeats;
  while (repeats.size() < 2'000'000) repeats += "3/4/ 1.2.3 June ";
  b.description += repeats;
  auto t0 = std::chrono::steady_clock::now();
  auto r = workshop_date(b);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
  CHECK(date_of(r) == "2026-06-24");
  CHECK(source_of(r) == from_sticky_day);
  b.name = std::string(3000, ' ') + "1 July 2026" + std::string(10'000'000, '\0');
  CHECK(date_of(workshop_date(b)) == "2026-07-01");
}

TEST_CASE("a written date far from the stickies' day is taken, with a warning") {
  Board b;
  b.name = "Oakfield data diagnostic 24 June 2025";  // last year's board copied, the name not changed
  add(b, 10, "2026-06-24T10:00:00Z");
  auto r = workshop_date(b);
  CHECK(date_of(r) == "2025-06-24");
  CHECK(says(r.problems, sdiag::Severity::warning, "were created on 24 June 2026"));
  CHECK(says(r.problems, sdiag::Severity::warning, "--meta date=YYYY-MM-DD"));
  b.name = "Oakfield data diagnostic 26 June 2026";
  CHECK(workshop_date(b).problems.empty());  // two days: nothing to say
}

TEST_CASE("the date goes into meta with its source; an earlier input's date is kept, and a disagreement said") {
  Board b;
  b.name = "Oakfield diagnostic \xE2\x80\x93 24 June";
  add(b, 4, "2026-06-24T10:00:00Z");
  SUBCASE("no date yet") {
    sdiag::Meta meta;
    auto told = apply_workshop_date(b, meta);
    CHECK(meta.date == "2026-06-24");
    CHECK(meta.extra.at("date_source") == "\"board name\"");
    REQUIRE(told.size() == 1);
    CHECK(told[0].severity == sdiag::Severity::info);
    CHECK(told[0].message.find("24 June 2026 from the board: the board name says '24 June'") != std::string::npos);
    CHECK(told[0].message.find("--meta date=YYYY-MM-DD") != std::string::npos);
  }
  SUBCASE("an earlier input gave another date") {
    sdiag::Meta meta;
    meta.date = "2026-06-25";
    auto told = apply_workshop_date(b, meta);
    CHECK(meta.date == "2026-06-25");
    CHECK(meta.extra.count("date_source") == 0);
    CHECK(says(told, sdiag::Severity::warning, "an earlier input gave 2026-06-25, which is kept"));
  }
  SUBCASE("an earlier input gave the same date") {
    sdiag::Meta meta;
    meta.date = "2026-06-24";
    CHECK(apply_workshop_date(b, meta).empty());
  }
  SUBCASE("only the stickies show it") {
    b.name = "Oakfield diagnostic";
    sdiag::Meta meta;
    apply_workshop_date(b, meta);
    CHECK(meta.date == "2026-06-24");
    CHECK(meta.extra.at("date_source") == "\"sticky notes created on that day (Europe/London)\"");
  }
}
