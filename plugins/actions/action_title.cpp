#include "action_title.hpp"

#include <cctype>
#include <regex>

#include <sdiag/text.hpp>

#include "note_parts.hpp"

namespace sdiag::actions {

namespace {

bool same_words(const std::string& a, const std::string& b) {
  return !a.empty() && text::lower(clean_words(a)) == text::lower(clean_words(b));
}

// A piece that says who or when, not what.
bool who_or_when(const std::string& piece, const Owner& owner) {
  return is_due_phrase(piece) || not_agreed(piece) || same_words(piece, owner.words);
}

// The note's lines less the owner and date fields; "What: X" gives X.
std::vector<std::string> lines_of_what(const std::string& text, const Owner& owner) {
  static const std::regex field(
      "^\\s*(owners?|lead|who|due|when|by when|deadline|date|target date|what)\\s*(?::|=|\\s[-\xE2\x80\x93\xE2\x80\x94])\\s*(.*)$",
      std::regex::icase);
  std::vector<std::string> kept;
  for (const auto& raw : text::split(text, '\n')) {
    std::string line = text::trim(raw);
    std::smatch m;
    if (line.empty()) continue;
    if (line.size() > 300 || !std::regex_search(line, m, field)) {
      if (kept.empty() || !who_or_when(line, owner)) kept.push_back(line);  // "by 30 September" on a line of its own
      continue;
    }
    if (text::lower(m.str(1)) == "what") {
      kept.push_back(m.str(2));
      continue;
    }
    // "Owner: Head of IT - agree a fast route": what follows the field's value is the action.
    auto parts = dash_parts(m.str(2));
    for (std::size_t i = 1; i < parts.size(); ++i)
      if (!who_or_when(parts[i], owner)) kept.push_back(parts[i]);
  }
  return kept;
}

// "Kim + Lee (BI): map…", "Raj P – scope…", "Q3 (Oct–Dec): pilot…" -> the words after the owner or date.
std::string without_leading_owner(const std::string& line, const Owner& owner) {
  static const std::regex lead("^\\s*@?([^:()]{1,40}?)(?:\\s*\\([^()]{1,30}\\))?\\s*(?::|\\s[-\xE2\x80\x93\xE2\x80\x94])\\s+");
  std::smatch m;
  if (line.size() <= 2000 && std::regex_search(line, m, lead) && who_or_when(m.str(1), owner)) return m.suffix().str();
  return line;
}

// Trims what is left at a cut: spaces and the punctuation that led into the piece taken away.
std::string cut(const std::string& s) {
  auto end = s.find_last_not_of(" \t,;:-");
  return end == std::string::npos ? "" : text::trim(s.substr(0, end + 1));
}

std::string without_trailing_pieces(std::string line, const Owner& owner) {
  // "… (KO)" at the end.
  static const std::regex aside("\\s*\\(([^()]{1,40})\\)\\s*$");
  std::smatch m;
  if (line.size() <= 2000 && std::regex_search(line, m, aside) && same_words(m.str(1), owner.words))
    line = cut(m.prefix().str());
  auto parts = dash_parts(line);
  std::size_t first = 0, last = parts.size();
  while (last - first > 1 && who_or_when(parts[last - 1], owner)) --last;
  while (last - first > 1 && who_or_when(parts[first], owner)) ++first;
  if (last - first < parts.size()) {
    line.clear();
    for (std::size_t i = first; i < last; ++i) line += (line.empty() ? "" : " \xE2\x80\x93 ") + parts[i];
  }
  // "…. end of sept" / "…. Nadia R" at the end.
  if (auto dot = line.rfind(". "); dot != std::string::npos && who_or_when(line.substr(dot + 2), owner))
    line = cut(line.substr(0, dot));
  return line;
}

}  // namespace

std::string action_title(const std::string& text, const Owner& owner) {
  auto lines = lines_of_what(text, owner);
  if (lines.empty()) return text;
  lines.front() = without_trailing_pieces(without_leading_owner(lines.front(), owner), owner);
  std::string title;
  for (const auto& l : lines)
    if (!l.empty()) title += (title.empty() ? "" : "\n") + l;
  if (title.empty() || title == text::trim(text)) return text;
  title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
  return title;
}

}  // namespace sdiag::actions
