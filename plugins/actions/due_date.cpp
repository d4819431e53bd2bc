#include "due_date.hpp"

#include <array>
#include <map>
#include <mutex>
#include <optional>
#include <regex>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>
#include <sdiag/text.hpp>

namespace sdiag::actions {

using namespace std::chrono;
using sdiag::dates::iso;

namespace {

// Month words: full names and the usual abbreviations ("Sept" too).
const std::string month_re = "\\b(" + dates::month_alternation() + ")\\b";
const std::string lead_re = "((?:\\b(?:by|before|on|due|for|in|at|during|over|until|till|no later than)\\s+)*(?:the\\s+)?)";

Date last_day(year y, unsigned m) { return year_month_day{year_month_day_last{y, month_day_last{month{m}}}}; }

// The next time a month (or day of a month) comes round, on or after ref.
year next_year_for(Date ref, unsigned m, unsigned d) {
  auto y = ref.year();
  Date candidate{y, month{m}, day{d}};
  if (!candidate.ok()) candidate = last_day(y, m);
  return sys_days{candidate} < sys_days{ref} ? y + years{1} : y;
}

Date plus_days(Date d, int n) { return year_month_day{sys_days{d} + days{n}}; }

// Each pattern is compiled once per process: compiling a std::regex costs
// far more than matching it, and find_due runs on every action note.
const std::regex& compiled(const std::string& pattern, std::regex::flag_type flags) {
  static std::mutex guard;
  static std::map<std::pair<std::string, std::regex::flag_type>, std::regex> cache;
  std::lock_guard lock(guard);
  auto key = std::make_pair(pattern, flags);
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, std::regex(pattern, flags)).first;
  return it->second;
}


// Words a pattern cannot match without. Most action notes name no date, and
// std::regex is slow to say so: each pattern runs only when the note has
// what it needs (a digit, a month, a keyword), so the answer is the same.
class Clues {
 public:
  explicit Clues(const std::string& text) : low_(text) {
    for (auto& c : low_) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      digit_ = digit_ || (c >= '0' && c <= '9');
    }
    for (const auto& m : dates::month_names) month_ = month_ || has(m.word);
  }
  bool digit() const { return digit_; }
  bool month() const { return month_; }
  bool any(std::initializer_list<const char*> words) const {
    for (const char* w : words)
      if (has(w)) return true;
    return false;
  }

 private:
  bool has(std::string_view w) const { return low_.find(w) != std::string::npos; }
  std::string low_;
  bool digit_ = false, month_ = false;
};

// Easter Sunday in the Gregorian calendar (the "anonymous Gregorian
// algorithm", Meeus/Jones/Butcher).
Date easter_sunday(year y) {
  const int Y = static_cast<int>(y);
  const int a = Y % 19, b = Y / 100, c = Y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int mo = (h + l - 7 * m + 114) / 31, dd = (h + l - 7 * m + 114) % 31 + 1;
  return Date{y, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(dd)}};
}

Date friday_of_week(Date d) {
  weekday wd{sys_days{d}};
  int offset = (5 - static_cast<int>(wd.c_encoding()) + 7) % 7;  // to the coming Friday
  return plus_days(d, offset);
}

Date add_months_end(Date ref, int n) {
  auto ym = year_month{ref.year(), ref.month()} + months{n};
  return year_month_day{year_month_day_last{ym.year(), month_day_last{ym.month()}}};
}

// Days from the workshop to the next "fri", "Thursday"...: a week on when it is that day.
int days_to_next(Date ref, const std::string& day_word) {
  const std::string w = text::lower(day_word);
  const unsigned target = w[0] == 'm' ? 1 : w[0] == 'w' ? 3 : w[0] == 'f' ? 5 : w[1] == 'u' ? 2 : 4;
  const int ahead = static_cast<int>((target + 7 - weekday{sys_days{ref}}.c_encoding()) % 7);
  return ahead == 0 ? 7 : ahead;
}

int number_word(const std::string& w) {
  static const std::array<const char*, 13> words{"zero", "one", "two", "three", "four", "five", "six",
                                                 "seven", "eight", "nine", "ten", "eleven", "twelve"};
  for (std::size_t i = 0; i < words.size(); ++i)
    if (w == words[i]) return static_cast<int>(i);
  return std::atoi(w.c_str());
}

std::string trim_copy(const std::string& s) {
  auto b = s.find_first_not_of(" \t,;:-");
  auto e = s.find_last_not_of(" \t,;:-.");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

Due find_due_in(const std::string& text, Date ref, const DueOptions& o);

}  // namespace

// libstdc++'s std::regex recurses once per character it matches, so a long
// run that a pattern can match ("by by by ...", a field of spaces) exhausts
// the stack. A due phrase is a few words: a long note is searched a window
// at a time, the windows overlapping by more than any phrase, so a note of
// ordinary length is searched whole, as before.
Due find_due(const std::string& text, Date ref, const DueOptions& o) {
  constexpr std::size_t window = 400, overlap = 120;
  if (text.size() <= window) return find_due_in(text, ref, o);
  for (std::size_t from = 0; from < text.size(); from += window - overlap) {
    auto due = find_due_in(text.substr(from, window), ref, o);
    if (!due.iso.empty() || !due.text.empty()) return due;
    if (from + window >= text.size()) break;
  }
  return {};
}

namespace {

Due find_due_in(const std::string& text, Date ref, const DueOptions& o) {
  using std::regex;
  const auto icase = regex::icase | regex::ECMAScript;
  std::smatch m;
  Due due;
  auto found = [&](Date d, std::string doubt = "") {
    due.iso = d.ok() ? iso(d) : "";
    due.text = trim_copy(m.str(0));
    due.doubt = d.ok() ? std::move(doubt) : "'" + due.text + "' is not a real date";
    return due;
  };

  const Clues clue(text);
  const bool has_digit = clue.digit(), has_month = clue.month();
  if (has_digit && std::regex_search(text, m, compiled(lead_re + "(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b", icase)))
    return found(Date{year{std::stoi(m[2])}, month{static_cast<unsigned>(std::stoi(m[3]))},
                      day{static_cast<unsigned>(std::stoi(m[4]))}});
  // "Q3", "Q3 2026/27", "Q3 (Oct–Dec)": a quarter's months in brackets say which year it counts.
  if (has_digit && std::regex_search(text, m, compiled(lead_re + "(?:the\\s+)?(?:end\\s+of\\s+)?\\bq([1-4])\\b(?:\\s+(\\d{4})(?:\\s*/\\s*(\\d{2,4}))?)?"
                                       "(?:\\s*\\(\\s*" + month_re + "\\s*(?:-|\xE2\x80\x93|\xE2\x80\x94|to)\\s*" + month_re + "\\s*\\))?", icase))) {
    int q = std::stoi(m[2]);
    // Financial quarters: Q1 April-June ... Q4 January-March of the next calendar year.
    unsigned end_month = o.financial_quarters ? static_cast<unsigned>((q * 3 + 3 - 1) % 12 + 1) : static_cast<unsigned>(q * 3);
    if (m[6].matched) end_month = dates::month_number(m.str(6));
    year y = m[3].matched ? year{std::stoi(m[3])} : next_year_for(ref, end_month, 28);
    if (m[3].matched && end_month <= 3 && (o.financial_quarters || m[6].matched)) y += years{1};
    Date end = last_day(y, end_month);
    if (!m[3].matched && sys_days{end} < sys_days{ref}) end = last_day(y + years{1}, end_month);
    return found(end, m[6].matched ? "" : std::string("Q") + m.str(2) + " read as the " +
                          (o.financial_quarters ? "financial" : "calendar") + " quarter ending " + iso(end));
  }
  if (clue.any({"half term", "half-term", "halfterm"}) &&
      std::regex_search(text, m, compiled("\\b(?:by|before|for|until|till)?\\s*(?:the\\s+)?(?:(february|feb|may|october|oct)\\s+)?half[- ]?term\\b", icase))) {
    // School half terms, as most English councils set them: the week after the
    // third Friday of February, the week of the late-May bank holiday, and the
    // last week of October. Due on the Friday before.
    auto friday_before = [&](year y, unsigned which) {
      if (which == 2) return Date{year_month_day{sys_days{year_month_weekday{y / February / Friday[3]}}}};
      Date last_monday{year_month_day{sys_days{year_month_weekday_last{y / month{which} / Monday[last]}}}};
      return plus_days(last_monday, -3);
    };
    std::string named = m.str(1);
    named = text::lower(named);
    Date best{};
    for (int ahead = 0; ahead <= 1 && !best.ok(); ++ahead)
      for (unsigned which : {2u, 5u, 10u}) {
        if (!named.empty() && named.substr(0, 3) != (which == 2 ? "feb" : which == 5 ? "may" : "oct")) continue;
        Date d = friday_before(ref.year() + years{ahead}, which);
        if (sys_days{d} >= sys_days{ref} && (!best.ok() || sys_days{d} < sys_days{best})) best = d;
      }
    return found(best, "'" + trim_copy(m.str(0)) + "' read as the Friday before half term, " + iso(best) +
                           " (half terms differ between councils)");
  }
  // Week commencing: due at the end of that working week.
  if (has_digit && std::regex_search(text, m, compiled("\\b(?:w/c|wc|w\\.c\\.|week commencing|week beginning|w/b)\\s*(\\d{1,2})(?:st|nd|rd|th)?"
                                       "\\s*(?:(?:/|\\.)(\\d{1,2})|\\s*(?:of\\s+)?" + month_re + ")", icase))) {
    unsigned d = static_cast<unsigned>(std::stoi(m[1]));
    unsigned mo = m[2].matched ? static_cast<unsigned>(std::stoi(m[2])) : dates::month_number(m.str(3));
    Date monday{next_year_for(ref, mo, d), month{mo}, day{d}};
    if (!monday.ok()) return found(monday);
    return found(friday_of_week(monday), weekday{sys_days{monday}} == Monday
                                             ? ""
                                             : "the week of " + iso(monday) + " does not start on a Monday");
  }
  if (has_digit && std::regex_search(text, m, compiled(lead_re + "(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d{2,4}))?\\b", icase))) {
    unsigned d = static_cast<unsigned>(std::stoi(m[2])), mo = static_cast<unsigned>(std::stoi(m[3]));
    year y = m[4].matched ? year{dates::full_year(std::stoi(m[4]))} : next_year_for(ref, mo, d);
    std::string doubt = d <= 12 && mo > 12 ? "read as day/month (UK order), which is not a date" : "";
    return found(Date{y, month{mo}, day{d}}, doubt);
  }
  if (has_digit && has_month && std::regex_search(text, m, compiled(lead_re + "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + month_re +
                                       "(?:,?\\s+(\\d{4}))?\\b", icase))) {
    unsigned d = static_cast<unsigned>(std::stoi(m[2])), mo = dates::month_number(m.str(3));
    year y = m[4].matched ? year{std::stoi(m[4])} : next_year_for(ref, mo, d);
    return found(Date{y, month{mo}, day{d}});
  }
  if (has_digit && has_month && std::regex_search(text, m, compiled(lead_re + month_re + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b", icase))) {
    unsigned d = static_cast<unsigned>(std::stoi(m[3])), mo = dates::month_number(m.str(2));
    year y = m[4].matched ? year{std::stoi(m[4])} : next_year_for(ref, mo, d);
    return found(Date{y, month{mo}, day{d}});
  }
  // "end of March", "by March", "March 2026": the last day of that month.
  // A note may name a past month first ("since January 2025. End of Aug."):
  // the first mention on or after the workshop wins.
  if (has_month) {
    std::optional<Date> first;
    std::smatch first_m;
    const auto& pattern = compiled(lead_re + "(?:(?:the\\s+)?(?:end|close)\\s+of\\s+)?" + month_re + "(?:\\s+(\\d{4}))?\\b", icase);
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it) {
      const auto& mm = *it;
      unsigned mo = dates::month_number(mm.str(2));
      year y = mm[3].matched ? year{std::stoi(mm[3])} : next_year_for(ref, mo, 1);
      if (!mm[3].matched && ref.month() == month{mo}) y = ref.year();
      // "may" is also a verb: only a month when a date word leads into it.
      if (mo == 5 && mm[1].length() == 0 && mm.str(0).find_first_of("0123456789") == std::string::npos &&
          mm.str(0).find("end") == std::string::npos && mm.str(0).find("End") == std::string::npos)
        continue;
      Date d = last_day(y, mo);
      if (!first) {
        first = d;
        first_m = mm;
      }
      if (sys_days{d} >= sys_days{ref}) {
        m = mm;
        return found(d);
      }
    }
    if (first) {
      m = first_m;
      return found(*first);
    }
  }
  if (clue.any({"asap", "a.s.a.p", "soon as possible", "immediately", "urgent", "straight away", "right away"}) &&
      std::regex_search(text, m, compiled("\\b(asap|a\\.s\\.a\\.p\\.?|as soon as possible|immediately|urgent(?:ly)?|straight away|right away)\\b", icase))) {
    if (o.asap_days <= 0) {
      due.text = m.str(1);
      due.doubt = "'" + due.text + "' is not a date: kept as words (the option asap-days gives it one)";
      return due;
    }
    return found(plus_days(ref, o.asap_days), "'" + m.str(1) + "' read as " + std::to_string(o.asap_days) +
                                                  " days after the workshop");
  }
  if (clue.any({"next", "nxt", "this", "coming"}) &&
      std::regex_search(text, m, compiled(lead_re + "(?:the\\s+)?(end\\s+of\\s+(?:the\\s+)?|within\\s+(?:the\\s+)?)?(next|nxt|this|coming)\\s+(week|wk|month|mth|year|yr|financial year|quarter)\\b", icase))) {
    std::string unit = m.str(4), which = m.str(3);
    unit = text::lower(unit);
    which = text::lower(which);
    unit = unit == "wk" ? "week" : unit == "mth" ? "month" : unit == "yr" ? "year" : unit;
    int ahead = which == "this" ? 0 : 1;
    if (unit == "week") return found(friday_of_week(plus_days(ref, 7 * ahead)));
    if (unit == "month") return found(add_months_end(ref, ahead));
    if (unit == "year") return found(last_day(ref.year() + years{ahead}, 12));
    if (unit == "quarter") {
      auto ym = year_month{ref.year(), ref.month()} + months{3 * ahead};
      unsigned mo = ((static_cast<unsigned>(ym.month()) - 1) / 3 + 1) * 3;
      return found(last_day(ym.year(), mo));
    }
    year fy = ref.month() >= April ? ref.year() + years{1} : ref.year();
    return found(last_day(fy + years{ahead}, 3));
  }
  if (clue.any({"end"}) &&
      std::regex_search(text, m, compiled(lead_re + "(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(week|month|year|financial year|quarter)\\b", icase))) {
    std::string unit = m.str(2);
    unit = text::lower(unit);
    if (unit == "week") return found(friday_of_week(ref));
    if (unit == "month") return found(add_months_end(ref, 0));
    if (unit == "year") return found(last_day(ref.year(), 12), "'end of the year' read as 31 December");
    if (unit == "quarter") return found(last_day(ref.year(), ((static_cast<unsigned>(ref.month()) - 1) / 3 + 1) * 3));
    return found(last_day(ref.month() >= April ? ref.year() + years{1} : ref.year(), 3));
  }
  if (clue.any({"day", "week", "month"}) &&
      std::regex_search(text, m, compiled("\\b(?:in|within)\\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})\\s+(day|week|month)s?\\b", icase))) {
    std::string w = m.str(1), unit = m.str(2);
    w = text::lower(w);
    unit = text::lower(unit);
    int n = (w == "a" || w == "an") ? 1 : number_word(w);
    if (unit == "day") return found(plus_days(ref, n));
    if (unit == "week") return found(plus_days(ref, 7 * n));
    auto ym = year_month{ref.year(), ref.month()} + months{n};
    Date d{ym.year(), ym.month(), ref.day()};
    return found(d.ok() ? d : last_day(ym.year(), static_cast<unsigned>(ym.month())));
  }
  if (clue.any({"fortnight"}) &&
      std::regex_search(text, m, compiled("\\b(?:(?:in|within)\\s+)?(a|one|two|three|\\d)\\s+fortnights?(?:\\s+(?:today|from today|time|from now))?\\b", icase))) {
    std::string w = m.str(1);
    w = text::lower(w);
    return found(plus_days(ref, 14 * (w == "a" ? 1 : number_word(w))));
  }
  // "by fri", "on Thursday": the next such day after the workshop.
  if (clue.any({"mon", "tue", "wed", "thu", "fri"}) &&
      std::regex_search(text, m, compiled("\\b(?:by|on|before|for|due|until|till)\\s+(?:this\\s+|next\\s+)?(mon|tues?|wed|thu(?:rs?)?|fri)(?:day|nesday|rsday|sday)?\\b\\.?", icase))) {
    int ahead = days_to_next(ref, m.str(1));
    if (m.str(0).find("next") != std::string::npos || m.str(0).find("Next") != std::string::npos) ahead += ahead < 7 ? 7 : 0;
    return found(plus_days(ref, ahead));
  }
  // "circulate 🙂 fri", "write up – Fri": a day of the week ending the note.
  if (clue.any({"mon", "tue", "wed", "thu", "fri"})) {
    const std::string tail = text.substr(text.size() > 24 ? text.size() - 24 : 0);
    std::smatch day_m;
    if (std::regex_search(tail, day_m, compiled("(?:^|\\s)(mon|tues?|wed|thu(?:rs?)?|fri)(?:day|nesday|rsday|sday)?\\.?\\s*$", icase))) {
      m = day_m;
      return found(plus_days(ref, days_to_next(ref, m.str(1))));
    }
  }
  if (clue.any({"today", "tomorrow"}) && std::regex_search(text, m, compiled("\\b(tomorrow|today)\\b", icase)))
    return found(plus_days(ref, std::tolower(static_cast<unsigned char>(m.str(1)[0])) == 't' && m.str(1).size() > 5 ? 1 : 0));
  // Seasons (Met Office): spring March-May, summer June-August, autumn September-November.
  if (clue.any({"spring", "summer", "autumn", "winter", "christmas", "xmas", "easter", "new year"}) &&
      std::regex_search(text, m, compiled("\\b(before|by|in|over|during|after|end of)\\s+(?:the\\s+)?(spring|summer|autumn|winter|christmas|xmas|easter|new year)(?:\\s+holidays?)?\\b", icase))) {
    std::string when = m.str(1), season = m.str(2);
    when = text::lower(when);
    season = text::lower(season);
    if (season == "xmas") season = "christmas";
    unsigned start = 0, end = 0;
    if (season == "spring") start = 3, end = 5;
    else if (season == "summer") start = 6, end = 8;
    else if (season == "autumn") start = 9, end = 11;
    else if (season == "winter") start = 12, end = 2;
    else if (season == "christmas") {
      Date xmas{next_year_for(ref, 12, 24), December, day{24}};
      return found(xmas, "'" + trim_copy(m.str(0)) + "' read as 24 December");
    } else if (season == "new year") {
      return found(Date{next_year_for(ref, 12, 31), December, day{31}}, "'" + trim_copy(m.str(0)) + "' read as 31 December");
    } else {  // Easter: the Friday before Easter Sunday, the last working day
      Date friday = plus_days(easter_sunday(ref.year()), -2);
      if (sys_days{friday} < sys_days{ref}) friday = plus_days(easter_sunday(ref.year() + years{1}), -2);
      return found(friday, "'" + trim_copy(m.str(0)) + "' read as Good Friday, " + iso(friday));
    }
    bool before = when == "before" || when == "by";
    Date d = before ? plus_days(Date{next_year_for(ref, start, 1), month{start}, day{1}}, -1)
                    : last_day(next_year_for(ref, end, 28), end);
    if (when == "after") d = plus_days(d, 30);
    return found(d, "'" + trim_copy(m.str(0)) + "' read as " + iso(d) + " (seasons as the Met Office counts them)");
  }
  if (clue.any({"ongoing", "on-going", "tbc", "tbd", "tba", "to be confirmed", "to be agreed", "to be decided",
                "not agreed", "when possible", "as needed", "continuous", "rolling"}) &&
      std::regex_search(text, m, compiled("\\b(ongoing|on-going|tbc|tbd|tba|to be confirmed|to be agreed|to be decided|"
                                          "not (?:yet )?agreed|when possible|as needed|continuous|rolling)\\b", icase))) {
    due.text = m.str(1);
    due.doubt = "'" + due.text + "' is not a date";
    return due;
  }
  return due;
}

}  // namespace

}  // namespace sdiag::actions
