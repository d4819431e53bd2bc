#include <sdiag/dates/iso.hpp>

#include <cstdio>

#include <sdiag/context.hpp>

namespace sdiag::dates {

using namespace std::chrono;

namespace {

// Reads fixed-width ASCII numbers and marks left to right.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  /// Exactly `n` digits.
  bool number(std::size_t n, int& value) {
    if (s_.size() - at_ < n) return false;
    value = 0;
    for (std::size_t i = 0; i < n; ++i) {
      char c = s_[at_ + i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    at_ += n;
    return true;
  }
  bool skip(char c) {
    if (at_ == s_.size() || s_[at_] != c) return false;
    ++at_;
    return true;
  }
  bool digit_next() const { return at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9'; }
  bool done() const { return at_ == s_.size(); }

 private:
  std::string_view s_;
  std::size_t at_ = 0;
};

std::optional<Date> scan_date(Scanner& in) {
  int y = 0, m = 0, d = 0;
  if (!in.number(4, y) || !in.skip('-') || !in.number(2, m) || !in.skip('-') || !in.number(2, d)) return std::nullopt;
  return make_date(y, m, d);
}

}  // namespace

std::string iso(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<Date> parse_iso(std::string_view s) {
  Scanner in(s);
  auto d = scan_date(in);
  if (!d || !in.done()) return std::nullopt;
  return d;
}

std::string iso_date_time(sys_seconds t) {
  std::string s = sdiag::iso_utc(static_cast<std::time_t>(t.time_since_epoch().count()));
  s.pop_back();  // its "Z"
  return s;
}

std::optional<sys_seconds> parse_iso_instant(std::string_view s) {
  if (s.size() > max_date_text) return std::nullopt;
  Scanner in(s);
  auto date = scan_date(in);
  int h = 0, mi = 0, sec = 0;
  if (!date || !(in.skip('T') || in.skip(' ')) || !in.number(2, h) || !in.skip(':') || !in.number(2, mi))
    return std::nullopt;
  if (in.skip(':')) {
    if (!in.number(2, sec)) return std::nullopt;
    if (in.skip('.')) {
      if (!in.digit_next()) return std::nullopt;
      int ignored = 0;
      while (in.digit_next()) in.number(1, ignored);
    }
  }
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;  // 60: a leap second
  seconds offset{0};
  if (in.skip('Z') || in.skip('z')) {
  } else if (bool east = in.skip('+'); east || in.skip('-')) {
    int oh = 0, om = 0;
    if (!in.number(2, oh)) return std::nullopt;
    bool colon = in.skip(':');
    if ((colon || !in.done()) && !in.number(2, om)) return std::nullopt;
    if (oh > 23 || om > 59) return std::nullopt;
    offset = (east ? 1 : -1) * (hours{oh} + minutes{om});
  }
  if (!in.done()) return std::nullopt;
  return sys_seconds{sys_days{*date}} + hours{h} + minutes{mi} + seconds{sec} - offset;
}

}  // namespace sdiag::dates
