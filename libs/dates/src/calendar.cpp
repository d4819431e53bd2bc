#include <sdiag/dates/calendar.hpp>

#include <cstdlib>

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

std::optional<Date> nearest_date(month_day md, Date near) {
  if (!md.ok() || !near.ok()) return std::nullopt;
  // A leap day is at most four years away (eight across a century that skips one).
  std::optional<Date> best;
  int best_gap = 0;
  for (int y = static_cast<int>(near.year()) - 8; y <= static_cast<int>(near.year()) + 8; ++y) {
    auto d = make_date(y, static_cast<int>(static_cast<unsigned>(md.month())), static_cast<int>(static_cast<unsigned>(md.day())));
    if (!d) continue;
    int gap = std::abs(days_between(near, *d));
    if (!best || gap < best_gap) {
      best = d;
      best_gap = gap;
    }
  }
  return best;
}

}  // namespace sdiag::dates
