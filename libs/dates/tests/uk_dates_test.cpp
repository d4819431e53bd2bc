// UK date words: every form people type, and everything else refused.
#include <doctest/doctest.h>

#include <regex>
#include <string>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>

using namespace sdiag::dates;

namespace {
std::string read(std::string_view s) {
  auto d = parse_uk_date(s);
  return d ? iso(*d) : "-";
}
}  // namespace

TEST_CASE("numbers, day before month") {
  CHECK(read("31/03/2026") == "2026-03-31");
  CHECK(read("12/03/2025") == "2025-03-12");  // 12 March, not 3 December
  CHECK(read("1/4/26") == "2026-04-01");
  CHECK(read("31-03-2026") == "2026-03-31");
  CHECK(read("31.03.2026") == "2026-03-31");
  CHECK(read("31 / 03 / 2026") == "2026-03-31");
  CHECK(read("  31/03/2026\t") == "2026-03-31");
}

TEST_CASE("year first: ISO and its slashed cousin") {
  CHECK(read("2026-03-31") == "2026-03-31");
  CHECK(read("2025-3-12") == "2025-03-12");
  CHECK(read("2026/03/31") == "2026-03-31");
}

TEST_CASE("month names, day first or month first") {
  CHECK(read("31 March 2026") == "2026-03-31");
  CHECK(read("12 March 2025") == "2025-03-12");
  CHECK(read("12th Mar 2025") == "2025-03-12");
  CHECK(read("31st Mar 2026") == "2026-03-31");
  CHECK(read("2nd February 2026") == "2026-02-02");
  CHECK(read("3rd Sept 2026") == "2026-09-03");
  CHECK(read("3 sep 2026") == "2026-09-03");
  CHECK(read("12 Mar. 2025") == "2025-03-12");
  CHECK(read("12 March, 2025") == "2025-03-12");
  CHECK(read("31 MARCH 26") == "2026-03-31");
  CHECK(read("March 31, 2026") == "2026-03-31");
  CHECK(read("Mar 31st 2026") == "2026-03-31");
  CHECK(read("Mar. 31, 2026") == "2026-03-31");
}

TEST_CASE("one leading word (a weekday, 'by') is passed over") {
  CHECK(read("Tuesday 31 March 2026") == "2026-03-31");
  CHECK(read("Tuesday, 31 March 2026") == "2026-03-31");
  CHECK(read("Wed 12th March 2025") == "2025-03-12");
  CHECK(read("by 31/03/2026") == "2026-03-31");
  CHECK(read("Thursday, March 12, 2025") == "2025-03-12");
  CHECK(read("due by 31/03/2026") == "-");  // one word, not a sentence
}

TEST_CASE("days that do not exist are refused") {
  CHECK(read("31/02/2026") == "-");
  CHECK(read("29/02/2026") == "-");
  CHECK(read("29/02/2024") == "2024-02-29");
  CHECK(read("31 April 2026") == "-");
  CHECK(read("0/3/2026") == "-");
  CHECK(read("3/13/2026") == "-");  // not read as US month/day
  CHECK(read("2026-02-30") == "-");
  CHECK(read("31/03/1899") == "-");
}

TEST_CASE("words that are not a date") {
  for (const char* s : {"", " ", "end of March", "Q1 2026", "March 2026", "31 March", "31/03", "31st", "sometime in spring",
                        "31/03-2026", "31//03/2026", "31/03/202", "31/03/02026", "031/03/2026", "31 Marc 2026",
                        "31 Mayday 2026", "31 Janvier 2026", "31 of March 2026", "31 March 2026.", "31 March 2026 🙂",
                        "31\xC2\xA0March 2026", "31 March 2026 and more", "31st/03/2026x", "2026-03-31T10:00",
                        "12 th March 2025", "Tuesday Wednesday 31 March 2026", "-31/03/2026"})
    CHECK_MESSAGE(read(s) == "-", s);
}

TEST_CASE("huge and garbage strings are refused without being read") {
  CHECK(read(std::string(max_date_text, ' ') + "31/03/2026") == "-");
  CHECK(read(std::string(10'000'000, '1')) == "-");
  CHECK(read(std::string(1 << 20, '\0')) == "-");
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  CHECK(read(bytes.substr(0, 60)) == "-");
  CHECK(read(bytes.substr(128, 60)) == "-");
  CHECK(read(std::string_view("31/03/2026\0", 11)) == "-");
}

TEST_CASE("month names: whole words in any case, one table") {
  CHECK(month_number("January") == 1);
  CHECK(month_number("jan") == 1);
  CHECK(month_number("SEPT") == 9);
  CHECK(month_number("sep") == 9);
  CHECK(month_number("may") == 5);
  CHECK(month_number("December") == 12);
  CHECK(month_number("Marc") == 0);
  CHECK(month_number("ma") == 0);
  CHECK(month_number("") == 0);
  CHECK(month_number("marchxyz") == 0);
  for (const auto& m : month_names) CHECK(month_number(m.word) == m.month);
  // The alternation matches exactly the words of the table.
  std::regex month("\\b(" + month_alternation() + ")\\b", std::regex::icase);
  std::smatch found;
  std::string sentence = "by the end of September";
  REQUIRE(std::regex_search(sentence, found, month));
  CHECK(found.str(1) == "September");
  sentence = "by sept";
  REQUIRE(std::regex_search(sentence, found, month));
  CHECK(found.str(1) == "sept");
  CHECK_FALSE(std::regex_search(std::string("Marc to draft it"), month));
}

TEST_CASE("dates as the UK writes them with numbers") {
  CHECK(uk_numeric(*make_date(2026, 1, 2)) == "02/01/2026");
  CHECK(uk_numeric(*make_date(2026, 12, 31)) == "31/12/2026");
}

namespace {
std::string day_slash_month(std::chrono::month_day md) {
  return std::to_string(static_cast<unsigned>(md.day())) + "/" + std::to_string(static_cast<unsigned>(md.month()));
}
std::string day_month(std::string_view s) {
  auto md = parse_uk_day_month(s);
  return md ? day_slash_month(*md) : "-";
}
// What find_uk_date finds: "2026-06-24 '24 June 2026'", "24/6 '24 June'" or "-".
std::string found_in(std::string_view s) {
  auto f = find_uk_date(s);
  if (!f) return "-";
  return (f->date ? iso(*f->date) : day_slash_month(f->day_month)) + " '" + f->written + "'";
}
}  // namespace

TEST_CASE("a day and month without a year") {
  CHECK(day_month("24 June") == "24/6");
  CHECK(day_month("24th Jun") == "24/6");
  CHECK(day_month("June 24") == "24/6");
  CHECK(day_month("Jun. 24th") == "24/6");
  CHECK(day_month("Wed 24 June") == "24/6");
  CHECK(day_month("29 February") == "29/2");  // its year decides
  for (const char* s : {"30 February", "0 June", "32 July", "24/06", "24", "June", "24 June 2026", "June 2026",
                        "24 of June", "124 June", "24 June and 25 July", ""})
    CHECK_MESSAGE(day_month(s) == "-", s);
}

TEST_CASE("a date inside a title or a sentence") {
  CHECK(found_in("Riverton CSC data diagnostic \xE2\x80\x93 24 June") == "24/6 '24 June'");
  CHECK(found_in("Riverton diagnostic, Wed 24th June 2026") == "2026-06-24 '24th June 2026'");
  CHECK(found_in("Workshop 24/06/2026 notes") == "2026-06-24 '24/06/2026'");
  CHECK(found_in("Data diagnostic (2026-06-24)") == "2026-06-24 '2026-06-24'");
  CHECK(found_in("Held on June 24, 2026 at the Town Hall.") == "2026-06-24 'June 24, 2026'");
  CHECK(found_in("Diagnostic: 24 June 2026.") == "2026-06-24 '24 June 2026'");
  CHECK(found_in("30 December") == "30/12 '30 December'");
  // A full date anywhere wins over an earlier day and month.
  CHECK(found_in("Prep 10 June; the day itself 24/06/2026") == "2026-06-24 '24/06/2026'");
  // The first of two is taken.
  CHECK(found_in("24 June 2026, follow-up 8 July 2026") == "2026-06-24 '24 June 2026'");
}

TEST_CASE("nothing in a sentence that only looks like a date") {
  for (const char* s : {"", "Riverton CSC data diagnostic", "Q1 2026", "March 2026", "version 1.24 June", "24/06",
                        "phase 2/3", "31/02/2026", "24/06/2026/27", "we may 2026", "v2-24 June", "x24 June",
                        "2026-06-24T09:00:00Z"})
    CHECK_MESSAGE(found_in(s) == "-", s);
}

TEST_CASE("huge and hostile text is searched only at its start, in linear time") {
  CHECK(found_in(std::string(10'000'000, '1')) == "-");
  CHECK(found_in(std::string(max_find_text, ' ') + "24 June 2026") == "-");
  CHECK(found_in("24 June 2026 " + std::string(10'000'000, 'x')) == "2026-06-24 '24 June 2026'");
  std::string repeats;
  while (repeats.size() < 5'000'000) repeats += "1/1/ June 24 ";
  CHECK(found_in(repeats) == "24/6 'June 24'");
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  CHECK(found_in(bytes) == "-");
  CHECK(found_in(std::string_view("24 June\0 2026", 13)) == "24/6 '24 June'");
}
