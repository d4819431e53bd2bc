#include "note_parts.hpp"

#include <array>
#include <regex>
#include <string_view>

#include <sdiag/text.hpp>

#include "due_date.hpp"

namespace sdiag::actions {

namespace {

// Any date will do: only the words of the phrase are wanted, not the day.
const Date any_day{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}};

bool has_alnum(const std::string& s) {
  for (unsigned char c : s)
    if (std::isalnum(c)) return true;
  return false;
}

}  // namespace

std::vector<std::string> dash_parts(const std::string& text) {
  static constexpr std::array<std::string_view, 3> dashes{" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};
  std::vector<std::string> out;
  for (auto& piece : text::split_at_any(text, dashes))
    if (auto t = text::trim(piece); !t.empty()) out.push_back(t);
  return out;
}

std::string clean_words(std::string s) {
  s = text::trim(s);
  while (!s.empty() && std::string(" .,;:-!?").find(s.back()) != std::string::npos) s.pop_back();
  s = text::trim(s);
  if (!s.empty() && s.front() == '@') s.erase(0, 1);  // "@Nadia"
  return s;
}

bool not_agreed(const std::string& words) {
  static const std::regex none(
      "^\\s*(?:owner|who|due|when|date)?\\s*[:\\-]?\\s*(?:tbc|tbd|tba|t\\.b\\.c\\.?|to be (?:agreed|confirmed|decided)|"
      "not (?:yet )?agreed(?: yet)?|not known|unknown|\\?+|n/a|none yet)\\s*$",
      std::regex::icase);
  const std::string w = clean_words(words);
  return w.size() <= 40 && std::regex_search(w, none);
}

bool is_due_phrase(const std::string& words) {
  if (words.size() > 60) return false;
  const Due due = find_due(words, any_day);
  if (due.text.empty()) return false;
  std::string rest = words;
  if (auto at = text::lower(rest).find(text::lower(due.text)); at != std::string::npos) rest.erase(at, due.text.size());
  static const std::regex label("\\b(?:when|due|by|date|deadline|target)\\b", std::regex::icase);
  return !has_alnum(std::regex_replace(rest, label, ""));
}

std::string without_trailing_due(const std::string& words) {
  if (words.size() > 200) return words;
  const Due due = find_due(words, any_day);
  if (due.text.empty()) return words;
  const auto at = text::lower(words).rfind(text::lower(due.text));
  if (at == std::string::npos || at == 0 || has_alnum(words.substr(at + due.text.size()))) return words;
  return clean_words(words.substr(0, at));
}

}  // namespace sdiag::actions
