// Dates as people in the UK write them: day before month, month names in
// English. The one table of month names lives here.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <sdiag/dates/calendar.hpp>

namespace sdiag::dates {

struct MonthName {
  std::string_view word;  ///< lower case
  unsigned month;         ///< 1-12
};

/// Every word that names a month: the full name and its abbreviations,
/// longest first within a month ("sept" before "sep").
inline constexpr auto month_names = std::to_array<MonthName>({
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3},     {"mar", 3},  {"april", 4},
    {"apr", 4},     {"may", 5}, {"june", 6},     {"jun", 6},  {"july", 7},      {"jul", 7},  {"august", 8},
    {"aug", 8},     {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10}, {"oct", 10}, {"november", 11},
    {"nov", 11},    {"december", 12}, {"dec", 12},
});

/// 1-12 for a month name in any case ("March", "mar", "SEPT"); 0 otherwise.
/// Whole words only: "Marc" and "Mayday" are not months.
unsigned month_number(std::string_view word);

/// The month names as a regular-expression alternation ("january|jan|...")
/// for code that finds a date inside a sentence.
std::string month_alternation();

/// A date as typed in a cell, a front matter or a form, day before month:
///   31/03/2026, 31/3/26, 31-03-2026, 31.03.2026 (day, month, year; a
///   two-digit year is this century's), 2026-03-31 or 2026/03/31 (year first),
///   31 March 2026, 12th Mar 2025, 12 Mar. 2025, 12 March, 2025,
///   March 31, 2026, Mar 31st 2026,
/// each optionally after one word such as a weekday or "by" ("Tuesday, 31
/// March 2026"). Spaces around the parts do not matter. Nothing when the
/// words are not one of these or not a real date (31/02/2026).
std::optional<Date> parse_uk_date(std::string_view words);

/// A day and month written without a year, in the forms parse_uk_date reads
/// with the year left off: 24 June, 24th Jun, June 24, Jun. 24th, after one
/// optional word ("Wed 24 June"). 29 February is a day and month (its year
/// decides). Numbers alone ("24/06") are not: too many things look like them.
std::optional<std::chrono::month_day> parse_uk_day_month(std::string_view words);

/// Only the first 4 KB of a text are searched for a date: a title or a
/// description is far shorter (Miro caps a board's name at 60 characters and
/// its description at 300).
inline constexpr std::size_t max_find_text = 4096;

/// A date written inside a longer text.
struct DateInText {
  std::chrono::month_day day_month;
  std::optional<Date> date;  ///< set when a year was written with it
  std::string written;       ///< the words as they stand in the text: "24th June 2026"
};

/// The date written in a title or sentence ("Riverton diagnostic, Wed 24th
/// June 2026", "Workshop 24/06/2026 notes", "CSC data diagnostic – 24 June"):
/// the first full date in a form parse_uk_date reads, else the first day and
/// month that parse_uk_day_month reads. A date starts and ends at a word's
/// edge ("v1.24 June" holds none). Nothing when there is none.
std::optional<DateInText> find_uk_date(std::string_view text);

/// "31/03/2026": a date as the UK writes it with numbers.
std::string uk_numeric(Date d);
/// "10 February 2026": a date in words, as a report writes it.
std::string uk_long(Date d);
/// "10 Feb 2026": the same, short, for tables.
std::string uk_short(Date d);

}  // namespace sdiag::dates
