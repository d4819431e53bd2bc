// Dates in the action plan: ISO dates in the model, Excel serial numbers in
// the workbook, and the ways people type a date into a cell.
#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace xlsxplan {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
};

/// "2026-03-31" -> Date; nullopt when not a valid ISO date.
std::optional<Date> parse_iso(const std::string& s);
std::string to_iso(const Date& d);
/// "31/03/2026", as shown in the plan.
std::string to_uk(const Date& d);
/// The UTC calendar date of a time (ctx.now()).
Date date_of(std::time_t t);

/// Days since 1970-01-01.
long days_from_civil(const Date& d);
Date civil_from_days(long days);

/// Excel's 1900 date system: serial 1 is 1900-01-01 (with Excel's phantom
/// 29 Feb 1900), so from March 1900 on, serial 0 is 1899-12-30.
double to_serial(const Date& d);
/// nullopt for serials before March 1900 or after 9999.
std::optional<Date> from_serial(double serial);

/// A date as people type it: 31/03/2026, 31/3/26, 31-03-2026, 31.03.2026,
/// 2026-03-31, 31 March 2026, 31st Mar 2026, March 31, 2026. Day before
/// month, as in the UK. nullopt when the words are not a date.
std::optional<Date> parse_typed_date(const std::string& text);

}  // namespace xlsxplan
