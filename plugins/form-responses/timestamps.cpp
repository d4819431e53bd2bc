#include "timestamps.hpp"

#include <cstdio>
#include <regex>

#include <sdiag/dates/excel.hpp>
#include <sdiag/dates/iso.hpp>
#include <sdiag/text.hpp>

namespace sdiag::form_responses {

namespace {

namespace dates = sdiag::dates;

std::optional<std::string> iso(std::optional<dates::Date> date, int h, int mi, int s, const std::string& offset) {
  using namespace std::chrono;
  if (!date || h > 23 || mi > 59 || s > 60) return std::nullopt;
  return dates::iso_date_time(sys_days{*date} + hours{h} + minutes{mi} + seconds{s}) + offset;
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
  if (text.size() > dates::max_date_text) return std::nullopt;
  std::string s = sdiag::text::collapse_whitespace(text);
  static const std::regex re(
      R"((\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp][Mm])?\s*((?:GMT|UTC|Z)?[+-]?[\d:]*)?)?)");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return std::nullopt;
  int a = std::stoi(m[1]), b = std::stoi(m[2]), c = std::stoi(m[3]);
  std::optional<dates::Date> date;
  if (m[1].length() == 4) {
    date = dates::make_date(a, b, c);  // 2025/03/14
  } else if (m[3].length() == 4) {
    // UK exports put the day first; a US export shows itself when the "day" is above 12.
    date = dates::make_date(c, b, a);
    if (!date) date = dates::make_date(c, a, b);
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
  return iso(date, h, mi, sec, offset);
}

std::optional<std::string> excel_serial_to_iso(double serial) {
  auto t = dates::excel_date_time(serial);
  if (!t) return std::nullopt;
  return dates::iso_date_time(*t);
}

}  // namespace sdiag::form_responses
