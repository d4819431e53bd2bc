#include "names.hpp"

#include <cctype>

#include <sdiag/text.hpp>

namespace sdiag::people {

namespace {

using sdiag::text::lower;

bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }

// "H" or "H." at the end of "Claire H".
bool is_initial(const std::string& w) { return w.size() == 1 && std::isalpha(static_cast<unsigned char>(w[0])); }

// "MF", "TA": two or three capitals, written as one word.
bool is_initials(const std::string& w) {
  if (w.size() < 2 || w.size() > 3) return false;
  for (char c : w)
    if (!is_upper(c)) return false;
  return true;
}

std::string initials_of(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  return out;
}

bool starts_with(const std::string& whole, const std::string& part) {
  return whole.size() >= part.size() && whole.compare(0, part.size(), part) == 0;
}

}  // namespace

std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> out;
  for (auto w : sdiag::text::split(sdiag::text::collapse_whitespace(name), ' ')) {
    while (!w.empty() && (w.front() == '@' || w.front() == '(')) w.erase(0, 1);
    while (!w.empty() && std::string(".,;:!?)").find(w.back()) != std::string::npos) w.pop_back();
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

bool is_full_name(const std::string& name) {
  auto words = name_words(name);
  return words.size() >= 2 && !is_initial(words.back());
}

bool can_stand_for(const std::string& short_form, const std::string& full) {
  const auto s = name_words(short_form), f = name_words(full);
  if (s.empty() || f.size() < 2) return false;
  std::string ls, lf;
  for (const auto& w : s) ls += (ls.empty() ? "" : " ") + lower(w);
  for (const auto& w : f) lf += (lf.empty() ? "" : " ") + lower(w);
  if (ls == lf) return true;
  const std::string first = lower(f.front()), last = lower(f.back());
  if (s.size() == 1) {
    const auto& w = s.front();
    if (is_initials(w)) return w == initials_of(f);
    const auto lw = lower(w);
    return lw == first || lw == last || (lw.size() >= 3 && starts_with(first, lw));
  }
  if (s.size() == 2) {
    // With the surname there too, a shorter first name is safe ("Jo P"), and so is a shortened surname ("Fiona McB").
    const auto a = lower(s[0]), b = lower(s[1]);
    bool first_fits = a == first || (a.size() >= 2 && starts_with(first, a));
    return first_fits && (b == last || (is_initial(b) && b[0] == last[0]) || (b.size() >= 2 && starts_with(last, b)));
  }
  return false;
}

std::vector<std::string> derived_short_forms(const std::string& full) {
  const auto f = name_words(full);
  if (f.size() < 2) return {};
  return {initials_of(f), f.front(), f.front() + " " + static_cast<char>(std::toupper(static_cast<unsigned char>(f.back()[0])))};
}

std::string name_case(const std::string& name) {
  bool has_upper = false, has_lower = false;
  for (char c : name) {
    has_upper = has_upper || is_upper(c);
    has_lower = has_lower || is_lower(c);
  }
  if (has_upper && has_lower) return name;
  std::string out;
  bool start = true;
  for (char c : name) {
    out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    start = c == ' ' || c == '-' || c == '\'';
  }
  return out;
}

}  // namespace sdiag::people
