#include <algorithm>
#include <sdiag/dates/uk_dates.hpp>

#include <cstdio>
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
  char shape;             ///< 'n' number, 'm' month name, 'w' other word, or the mark itself: / - . ,
  std::string_view text;
  bool joined;            ///< no space before it
};

// Numbers, words and the marks dates are written with; nothing when the
// text holds anything else (other punctuation, non-ASCII).
std::optional<std::vector<Token>> tokens(std::string_view s) {
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
      return std::nullopt;
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
  if (words.size() > max_date_text) return std::nullopt;
  auto all = tokens(words);
  if (!all) return std::nullopt;
  // "12th" is 12; one leading word that is not a month ("Tuesday,", "by") says nothing.
  std::vector<Token> t;
  for (const auto& tok : *all)
    if (!(tok.shape == 'w' && tok.joined && !t.empty() && t.back().shape == 'n' && is_ordinal_suffix(tok.text)))
      t.push_back(tok);
  std::size_t first = 0;
  if (!t.empty() && t[0].shape == 'w') {
    first = 1;
    if (first < t.size() && t[first].shape == ',') ++first;
  }
  std::string shape;
  std::vector<std::string_view> parts;  // the numbers and the month, in order
  for (std::size_t i = first; i < t.size(); ++i) {
    shape += t[i].shape;
    if (t[i].shape == 'n' || t[i].shape == 'm') parts.push_back(t[i].text);
  }

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
