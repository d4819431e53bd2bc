// The calendar: std::chrono's (proleptic Gregorian) dates, and the years
// sdiag reads a date in.
#pragma once

#include <chrono>
#include <cstddef>
#include <ctime>
#include <optional>

namespace sdiag::dates {

using Date = std::chrono::year_month_day;

/// The years sdiag reads a date in (words, ISO text, Excel serials): from
/// 1900, where Excel's calendar starts and before which a workshop date is
/// a typo, to 9999, the last year written with four digits.
inline constexpr int first_year = 1900;
inline constexpr int last_year = 9999;

/// The longest text a date or a time is read from: "Wednesday, 31st
/// December 2025" or "2025/03/14 10:02:11.125 PM GMT+05:30" is under 40
/// characters. Longer text is refused before it is looked at (a regular
/// expression run over a huge cell would exhaust the stack).
inline constexpr std::size_t max_date_text = 64;

/// y-m-d when that day exists and its year is one sdiag reads; else nothing.
std::optional<Date> make_date(int y, int m, int d);

/// A year written with two digits is this century's: 26 -> 2026.
int full_year(int year);

/// The UTC calendar date of a moment (for the London date see london.hpp).
Date utc_date(std::time_t t);

/// Days from `from` to `to`, negative when `to` comes first.
int days_between(Date from, Date to);

/// The date on day and month `md` nearest to `near`, for a date written
/// without its year: 30 December near 2 January 2027 is 30 December 2026,
/// 3 January near 28 December 2026 is 3 January 2027; 29 February goes to
/// the nearest leap year. At equal distance the earlier wins. Nothing when
/// `md` is no day of any year, or no such date is in the years sdiag reads.
std::optional<Date> nearest_date(std::chrono::month_day md, Date near);

}  // namespace sdiag::dates
