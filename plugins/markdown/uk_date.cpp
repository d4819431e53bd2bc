#include "uk_date.hpp"

#include <array>
#include <cstdio>
#include <regex>

#include <sdiag/text.hpp>

namespace markdown {

namespace {

bool valid(int y, int m, int d) {
  static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::optional<std::string> format(int y, int m, int d) {
  if (!valid(y, m, d)) return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

int month_number(const std::string& name) {
  static constexpr std::array<const char*, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  auto n = sdiag::text::lower(name);
  if (n.size() < 3) return 0;
  for (std::size_t i = 0; i < months.size(); ++i)
    if (n.compare(0, 3, months[i]) == 0) return static_cast<int>(i) + 1;
  return 0;
}

}  // namespace

std::optional<std::string> iso_date(std::string_view words) {
  std::string s = sdiag::text::trim(words);
  std::smatch m;
  static const std::regex iso(R"((\d{4})-(\d{1,2})-(\d{1,2}))");
  static const std::regex numeric(R"((\d{1,2})[/.](\d{1,2})[/.](\d{4}))");
  static const std::regex spelled(R"((?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4}))");
  if (std::regex_match(s, m, iso)) return format(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  if (std::regex_match(s, m, numeric)) return format(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1]));
  if (std::regex_match(s, m, spelled)) {
    int month = month_number(m[2]);
    if (month) return format(std::stoi(m[3]), month, std::stoi(m[1]));
  }
  return std::nullopt;
}

}  // namespace markdown
