#include <algorithm>
#include <sdiag/dates/uk_dates.hpp>

#include <cstdio>
#include <span>
#include <vector>

namespace sdiag::dates {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != b[i]) return false;
  return true;
}

struct Token {
  char shape;             ///< 'n' number, 'm' month name, 'w' other word, 'x' anything else, or the mark itself: / - . ,
  std::string_view text;
  bool joined;            ///< no space before it
  std::size_t suffix = 0; ///< length of an ordinal suffix ("th") dropped after it
};

// Numbers, words, the marks dates are written with, and 'x' for any other
// character (other punctuation, a byte of non-ASCII text).
std::vector<Token> tokens(std::string_view s) {
  std::vector<Token> out;
  bool joined = false;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (is_space(c)) {
      joined = false;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    char shape = c;
    if (is_digit(c)) {
      shape = 'n';
      while (j < s.size() && is_digit(s[j])) ++j;
    } else if (is_letter(c)) {
      while (j < s.size() && is_letter(s[j])) ++j;
      shape = month_number(s.substr(i, j - i)) ? 'm' : 'w';
    } else if (c != '/' && c != '-' && c != '.' && c != ',') {
      shape = 'x';
    }
    out.push_back({shape, s.substr(i, j - i), joined});
    joined = true;
    i = j;
  }
  return out;
}

bool is_ordinal_suffix(std::string_view w) {
  return equal_ci(w, "st") || equal_ci(w, "nd") || equal_ci(w, "rd") || equal_ci(w, "th");
}

// "12th" is 12: the suffix joined to a number is dropped (and remembered, to
// quote the words whole).
std::vector<Token> without_ordinals(const std::vector<Token>& all) {
  std::vector<Token> t;
  for (const auto& tok : all) {
    if (tok.shape == 'w' && tok.joined && !t.empty() && t.back().shape == 'n' && t.back().suffix == 0 &&
        is_ordinal_suffix(tok.text))
      t.back().suffix = tok.text.size();
    else
      t.push_back(tok);
  }
  return t;
}

// The tokens of a date written on its own: nothing but date tokens, one
// leading word that is not a month ("Tuesday,", "by") passed over.
std::optional<std::vector<Token>> date_tokens(std::string_view words) {
  if (words.size() > max_date_text) return std::nullopt;
  auto t = without_ordinals(tokens(words));
  if (std::any_of(t.begin(), t.end(), [](const Token& tok) { return tok.shape == 'x'; })) return std::nullopt;
  std::size_t first = 0;
  if (!t.empty() && t[0].shape == 'w') {
    first = 1;
    if (first < t.size() && t[first].shape == ',') ++first;
  }
  t.erase(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(first));
  return t;
}

// Day and month numbers have one or two digits; a year four, or two for this century.
std::optional<int> small_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 2) return std::nullopt;
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}
std::optional<int> year_number(std::string_view digits) {
  if (digits.size() != 2 && digits.size() != 4) return std::nullopt;
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return digits.size() == 2 ? full_year(v) : v;
}

std::optional<Date> date_of(std::optional<int> y, std::optional<int> m, std::optional<int> d) {
  if (!y || !m || !d) return std::nullopt;
  return make_date(*y, *m, *d);
}

// The shape of tokens ("nmn" for 31 March 2026) and their numbers and month, in order.
struct Shape {
  std::string marks;
  std::vector<std::string_view> parts;
};

Shape shape_of(std::span<const Token> t) {
  Shape s;
  for (const auto& tok : t) {
    s.marks += tok.shape;
    if (tok.shape == 'n' || tok.shape == 'm') s.parts.push_back(tok.text);
  }
  return s;
}

// A full date that the tokens spell exactly.
std::optional<Date> full_date(std::span<const Token> t) {
  auto [shape, parts] = shape_of(t);
  if (shape == "n/n/n" || shape == "n-n-n" || shape == "n.n.n") {
    if (parts[0].size() == 4)  // 2026-03-31
      return date_of(year_number(parts[0]), small_number(parts[1]), small_number(parts[2]));
    return date_of(year_number(parts[2]), small_number(parts[1]), small_number(parts[0]));
  }
  // 31 March 2026, 31 Mar. 2026, 31 March, 2026
  if (shape == "nmn" || shape == "nm.n" || shape == "nm,n" || shape == "nm.,n")
    return date_of(year_number(parts[2]), static_cast<int>(month_number(parts[1])), small_number(parts[0]));
  // March 31, 2026; Mar. 31 2026
  if (shape == "mnn" || shape == "m.nn" || shape == "mn,n" || shape == "m.n,n")
    return date_of(year_number(parts[2]), static_cast<int>(month_number(parts[0])), small_number(parts[1]));
  return std::nullopt;
}

// A day and month, with no year, that the tokens spell exactly: 24 June, June 24, Jun. 24.
std::optional<std::chrono::month_day> day_month(std::span<const Token> t) {
  auto [shape, parts] = shape_of(t);
  std::optional<int> d;
  unsigned m = 0;
  if (shape == "nm") {
    d = small_number(parts[0]);
    m = month_number(parts[1]);
  } else if (shape == "mn" || shape == "m.n") {
    d = small_number(parts[1]);
    m = month_number(parts[0]);
  }
  if (!d || *d < 1) return std::nullopt;
  std::chrono::month_day md{std::chrono::month{m}, std::chrono::day{static_cast<unsigned>(*d)}};
  if (!md.ok()) return std::nullopt;  // 29 February is a day and month; 30 February is not
  return md;
}

// A date inside a sentence starts and ends at a word's edge, not in the
// middle of "v1.24 June" or "24/06/2026/27"; a full stop or comma may end it.
bool starts_word(std::span<const Token> t, std::size_t i) {
  if (i == 0 || !t[i].joined) return true;
  return std::string_view("nmw/-.").find(t[i - 1].shape) == std::string_view::npos;
}
bool ends_word(std::span<const Token> t, std::size_t end) {
  if (end == t.size() || !t[end].joined) return true;
  return std::string_view("nmw/-").find(t[end].shape) == std::string_view::npos;
}

std::string written(std::span<const Token> t) {
  const auto& last = t.back();
  const char* end = last.text.data() + last.text.size() + last.suffix;
  return std::string(t.front().text.data(), static_cast<std::size_t>(end - t.front().text.data()));
}

}  // namespace

unsigned month_number(std::string_view word) {
  for (const auto& m : month_names)
    if (equal_ci(word, m.word)) return m.month;
  return 0;
}

std::string month_alternation() {
  std::string out;
  for (const auto& m : month_names) {
    if (!out.empty()) out += '|';
    out += m.word;
  }
  return out;
}

std::optional<Date> parse_uk_date(std::string_view words) {
  auto t = date_tokens(words);
  return t ? full_date(*t) : std::nullopt;
}

std::optional<std::chrono::month_day> parse_uk_day_month(std::string_view words) {
  auto t = date_tokens(words);
  return t ? day_month(*t) : std::nullopt;
}

std::optional<DateInText> find_uk_date(std::string_view text) {
  auto t = without_ordinals(tokens(text.substr(0, max_find_text)));
  std::optional<DateInText> first_day_month;
  // Windows of up to five tokens ("31 Mar. , 2026", "2026 - 06 - 24"), longest first.
  constexpr std::size_t longest = 5;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if ((t[i].shape != 'n' && t[i].shape != 'm') || !starts_word(t, i)) continue;
    for (std::size_t n = std::min(longest, t.size() - i); n >= 2; --n) {
      std::span<const Token> window(t.data() + i, n);
      if (!ends_word(t, i + n)) continue;
      if (auto d = full_date(window)) return DateInText{std::chrono::month_day{d->month(), d->day()}, d, written(window)};
      if (!first_day_month)
        if (auto md = day_month(window)) first_day_month = DateInText{*md, std::nullopt, written(window)};
    }
  }
  return first_day_month;
}

std::string uk_numeric(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                static_cast<int>(d.year()));
  return buf;
}

namespace {

/// "February": the first (full) name of month `m` in the table, capitalised.
std::string month_word(Date d) {
  auto m = static_cast<unsigned>(d.month());
  auto it = std::find_if(month_names.begin(), month_names.end(), [&](const MonthName& n) { return n.month == m; });
  std::string word(it->word);
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

}  // namespace

std::string uk_long(Date d) {
  return std::to_string(static_cast<unsigned>(d.day())) + " " + month_word(d) + " " +
         std::to_string(static_cast<int>(d.year()));
}

std::string uk_short(Date d) {
  return std::to_string(static_cast<unsigned>(d.day())) + " " + month_word(d).substr(0, 3) + " " +
         std::to_string(static_cast<int>(d.year()));
}

}  // namespace sdiag::dates
