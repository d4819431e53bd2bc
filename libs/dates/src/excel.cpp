#include <sdiag/dates/excel.hpp>

#include <cmath>

namespace sdiag::dates {

using namespace std::chrono;

namespace {

constexpr sys_days serial_zero{year{1899} / December / 30};  // serial 0, counting from 1 March 1900
constexpr sys_days first_march_1900{year{1900} / March / 1};  // serial 61
constexpr long long phantom_29_february_1900 = 60;
constexpr long long seconds_per_day = 86400;

}  // namespace

std::optional<int> excel_serial(Date d) {
  if (!d.ok() || d.year() < year{first_year} || d.year() > year{last_year}) return std::nullopt;
  auto n = static_cast<int>((sys_days{d} - serial_zero).count());
  return sys_days{d} < first_march_1900 ? n - 1 : n;  // before the phantom day, one fewer
}

std::optional<sys_seconds> excel_date_time(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= max_excel_serial + 1.0) return std::nullopt;
  long long total = std::llround(serial * seconds_per_day);
  long long day = total / seconds_per_day;
  if (day == phantom_29_february_1900 || day > max_excel_serial) return std::nullopt;
  sys_days date = serial_zero + days{day < phantom_29_february_1900 ? day + 1 : day};
  return sys_seconds{date} + seconds{total % seconds_per_day};
}

std::optional<Date> excel_date(double serial) {
  auto t = excel_date_time(serial);
  if (!t) return std::nullopt;
  return Date{floor<days>(*t)};
}

}  // namespace sdiag::dates
