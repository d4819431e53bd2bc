#include <sdiag/dates/calendar.hpp>

namespace sdiag::dates {

using namespace std::chrono;

std::optional<Date> make_date(int y, int m, int d) {
  if (y < first_year || y > last_year || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  Date date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

int full_year(int y) { return y >= 0 && y < 100 ? 2000 + y : y; }

Date utc_date(std::time_t t) { return Date{floor<days>(sys_seconds{seconds{t}})}; }

int days_between(Date from, Date to) { return static_cast<int>((sys_days{to} - sys_days{from}).count()); }

}  // namespace sdiag::dates
