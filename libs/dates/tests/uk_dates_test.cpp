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
