#include "london_time.hpp"

#include <cstdio>

namespace miro {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  auto yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct Civil {
  long long y;
  unsigned m, d;
};

Civil civil_from_days(long long z) {
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = static_cast<long long>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// 01:00 UTC on the last Sunday of `month` in `year`, in seconds since 1970.
long long last_sunday_0100_utc(long long year, unsigned month) {
  long long last = days_from_civil(year, month, 31);  // March and October have 31 days
  long long weekday = ((last % 7) + 11) % 7;           // 1970-01-01 was a Thursday; 0 = Sunday
  return (last - weekday) * 86400 + 3600;
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int& value) {
  if (at + n > s.size()) return false;
  value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

bool valid_date(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

}  // namespace

std::optional<long long> parse_iso_instant(std::string_view s) {
  int y, mo, d, h, mi, sec = 0;
  if (!digits(s, 0, 4, y) || s.size() < 16 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2, h) || s[13] != ':' ||
      !digits(s, 14, 2, mi))
    return std::nullopt;
  std::size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits(s, 17, 2, sec)) return std::nullopt;
    i = 19;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
  if (!valid_date(y, mo, d) || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  long long offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh, om = 0;
    if (!digits(s, i + 1, 2, oh)) return std::nullopt;
    std::size_t j = i + 3;
    if (j < s.size() && s[j] == ':') ++j;
    if (j < s.size() && !digits(s, j, 2, om)) return std::nullopt;
    if (j < s.size()) j += 2;
    offset = (s[i] == '+' ? 1 : -1) * (oh * 3600LL + om * 60LL);
    i = j;
  } else if (i != s.size()) {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600LL + mi * 60LL +
         sec - offset;
}

std::string london_date(long long utc_seconds) {
  long long year = civil_from_days(floor_div(utc_seconds, 86400)).y;
  bool summer = utc_seconds >= last_sunday_0100_utc(year, 3) && utc_seconds < last_sunday_0100_utc(year, 10);
  auto c = civil_from_days(floor_div(utc_seconds + (summer ? 3600 : 0), 86400));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", c.y, c.m, c.d);
  return buf;
}

std::optional<std::string> due_date_in_london(std::string_view text) {
  int y, m, d;
  if (text.size() == 10 && digits(text, 0, 4, y) && text[4] == '-' && digits(text, 5, 2, m) && text[7] == '-' &&
      digits(text, 8, 2, d) && valid_date(y, m, d))
    return std::string(text);
  auto t = parse_iso_instant(text);
  if (!t) return std::nullopt;
  return london_date(*t);
}

}  // namespace miro
