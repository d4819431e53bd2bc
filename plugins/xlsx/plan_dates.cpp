#include "plan_dates.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

namespace xlsxplan {

namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::optional<Date> valid(int y, int m, int d) {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return Date{y, m, d};
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int month_from_name(const std::string& word) {
  static constexpr std::array<const char*, 12> names{"january", "february", "march",     "april",   "may",      "june",
                                                     "july",    "august",   "september", "october", "november", "december"};
  auto w = lower(word);
  if (w.size() < 3) return 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string full = names[i];
    // "Mar", "March", and "Sept" all name a month.
    if (full.compare(0, w.size(), w) == 0) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Splits into runs of digits and runs of letters; everything else separates.
struct Token {
  bool number;
  std::string text;
};
std::vector<Token> tokens(const std::string& s, std::string& separators) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c) || std::isalpha(c)) {
      bool num = std::isdigit(c);
      std::size_t j = i;
      while (j < s.size() && (num ? std::isdigit(static_cast<unsigned char>(s[j]))
                                  : std::isalpha(static_cast<unsigned char>(s[j]))))
        ++j;
      out.push_back({num, s.substr(i, j - i)});
      i = j;
    } else {
      if (!std::isspace(c)) separators += static_cast<char>(c);
      ++i;
    }
  }
  return out;
}

int full_year(const std::string& digits) {
  int y = std::stoi(digits);
  if (digits.size() == 2) y += 2000;  // "26" in a plan written this century
  return digits.size() == 2 || digits.size() == 4 ? y : -1;
}

}  // namespace

std::optional<Date> parse_iso(const std::string& s) {
  int y, m, d;
  char tail;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  return valid(y, m, d);
}

std::string to_iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string to_uk(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

Date date_of(std::time_t t) {
  return civil_from_days(static_cast<long>(std::floor(static_cast<double>(t) / 86400.0)));
}

// Howard Hinnant's days_from_civil / civil_from_days.
long days_from_civil(const Date& d) {
  long y = d.year - (d.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

namespace {
const long excel_epoch = days_from_civil(Date{1899, 12, 30});
}

double to_serial(const Date& d) { return static_cast<double>(days_from_civil(d) - excel_epoch); }

std::optional<Date> from_serial(double serial) {
  if (!std::isfinite(serial) || serial < 61 || serial > 2958465) return std::nullopt;
  auto d = civil_from_days(excel_epoch + static_cast<long>(std::floor(serial)));
  return valid(d.year, d.month, d.day);
}

std::optional<Date> parse_typed_date(const std::string& text) {
  if (text.size() > 40) return std::nullopt;
  std::string seps;
  auto t = tokens(text, seps);
  // Ordinal suffixes and a leading weekday ("Tue 31st March") carry no date.
  std::vector<Token> parts;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t[i].number && i > 0 && t[i - 1].number) {
      auto w = lower(t[i].text);
      if (w == "st" || w == "nd" || w == "rd" || w == "th") continue;
    }
    if (!t[i].number && month_from_name(t[i].text) == 0) {
      if (parts.empty() && i + 1 < t.size()) continue;  // a weekday or "by"
      return std::nullopt;
    }
    parts.push_back(t[i]);
  }
  if (parts.size() != 3) return std::nullopt;
  for (const auto& p : parts)
    if (p.number && p.text.size() > 4) return std::nullopt;
  try {
    if (parts[0].number && parts[1].number && parts[2].number) {
      if (parts[0].text.size() == 4)  // 2026-03-31
        return valid(std::stoi(parts[0].text), std::stoi(parts[1].text), std::stoi(parts[2].text));
      return valid(full_year(parts[2].text), std::stoi(parts[1].text), std::stoi(parts[0].text));
    }
    if (parts[0].number && !parts[1].number && parts[2].number)  // 31 March 2026
      return valid(full_year(parts[2].text), month_from_name(parts[1].text), std::stoi(parts[0].text));
    if (!parts[0].number && parts[1].number && parts[2].number)  // March 31, 2026
      return valid(full_year(parts[2].text), month_from_name(parts[0].text), std::stoi(parts[1].text));
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace xlsxplan
