#include "timestamps.hpp"

#include <cmath>
#include <cstdio>
#include <regex>

#include <sdiag/text.hpp>

namespace forms {

namespace {

bool valid_date(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

std::optional<std::string> iso(int y, int mo, int d, int h, int mi, int s, const std::string& offset) {
  if (!valid_date(y, mo, d) || h > 23 || mi > 59 || s > 60) return std::nullopt;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
  return std::string(buf) + offset;
}

/// "GMT+1", "GMT-5:30", "+01:00", "GMT" -> "+01:00", "-05:30", "+01:00", "+00:00".
std::string offset_of(const std::string& zone) {
  static const std::regex re(R"((?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?)", std::regex::icase);
  std::smatch m;
  if (std::regex_match(zone, m, re)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%02d:%02d", m[1].str().c_str(), std::stoi(m[2]), m[3].matched ? std::stoi(m[3]) : 0);
    return buf;
  }
  auto z = sdiag::text::lower(zone);
  if (z == "gmt" || z == "utc" || z == "z") return "+00:00";
  return "";
}

}  // namespace

std::optional<std::string> parse_timestamp(std::string_view text) {
  std::string s = sdiag::text::collapse_whitespace(text);
  static const std::regex re(
      R"((\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?\s*((?:GMT|UTC|Z)?[+-]?[\d:]*)?)?)");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return std::nullopt;
  int a = std::stoi(m[1]), b = std::stoi(m[2]), c = std::stoi(m[3]);
  int y, mo, d;
  if (m[1].length() == 4) { y = a; mo = b; d = c; }  // 2025/03/14
  else if (m[3].length() == 4) {
    y = c;
    // UK exports put the day first; a US export shows itself when the "day" is above 12.
    if (valid_date(y, b, a)) { d = a; mo = b; } else { mo = a; d = b; }
  } else {
    return std::nullopt;
  }
  int h = m[4].matched ? std::stoi(m[4]) : 0, mi = m[5].matched ? std::stoi(m[5]) : 0;
  int sec = m[6].matched ? std::stoi(m[6]) : 0;
  if (m[7].matched) {
    if (h < 1 || h > 12) return std::nullopt;
    bool pm = m[7].str()[0] == 'P' || m[7].str()[0] == 'p';
    h = h % 12 + (pm ? 12 : 0);
  }
  std::string offset = m[8].matched && !m[8].str().empty() ? offset_of(m[8]) : "";
  if (m[8].matched && !m[8].str().empty() && offset.empty()) return std::nullopt;
  return iso(y, mo, d, h, mi, sec, offset);
}

std::optional<std::string> excel_serial_to_iso(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial > 150000) return std::nullopt;
  long long secs = std::llround(serial * 86400.0);
  long long days = secs / 86400;
  int rem = static_cast<int>(secs % 86400);
  // Civil date from days since 1899-12-30 (Howard Hinnant's algorithm, shifted to 1970).
  long long z = days - 25569 + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = static_cast<long long>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned mo = mp < 10 ? mp + 3 : mp - 9;
  y += mo <= 2;
  return iso(static_cast<int>(y), static_cast<int>(mo), static_cast<int>(d), rem / 3600, rem % 3600 / 60, rem % 60, "");
}

}  // namespace forms
