#include "normalise.hpp"

#include <array>
#include <cctype>

#include <sdiag/text.hpp>

namespace sdiag::tidy {

namespace {

// Bullet characters seen on stickies and in pasted lists (UTF-8).
const std::array<std::string_view, 14> bullets{"•", "·", "‣", "◦", "▪", "▫", "●", "○", "■", "□", "►", "➢", "–", "—"};

std::string strip_marker(std::string line) {
  for (bool again = true; again && !line.empty();) {
    again = false;
    for (auto b : bullets)
      if (line.starts_with(b)) {
        line = text::trim(line.substr(b.size()));
        again = true;
      }
    // "-", "*", "+" only as a bullet: followed by a space ("-5%" stays).
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
      line = text::trim(line.substr(2));
      again = true;
    }
    // Numbering: "1." "2)" "(3)" "a)" with a space after; one or two digits, so "2026. " stays.
    std::size_t i = 0;
    bool open = line.size() > 0 && line[0] == '(';
    if (open) ++i;
    std::size_t digits = 0;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) && digits < 3) ++i, ++digits;
    bool letter = digits == 0 && i < line.size() && std::islower(static_cast<unsigned char>(line[i])) &&
                  i + 1 < line.size() && line[i + 1] == ')';
    if (letter) ++i;
    if ((digits >= 1 && digits <= 2) || letter) {
      bool closed = i < line.size() && (line[i] == ')' || (!open && line[i] == '.'));
      if (closed && i + 1 < line.size() && line[i + 1] == ' ') {
        line = text::trim(line.substr(i + 2));
        again = true;
      }
    }
  }
  return line;
}

}  // namespace

std::string normalise_text(std::string_view raw) {
  std::string s(raw);
  // Invisible characters that break comparisons: zero-width space/joiners, BOM, soft hyphen.
  for (std::string_view z : {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xEF\xBB\xBF", "\xC2\xAD"})
    for (std::size_t p; (p = s.find(z)) != std::string::npos;) s.erase(p, z.size());
  std::string out;
  for (auto& line : text::split(s, '\n')) {
    std::string l = strip_marker(text::collapse_whitespace(line));
    if (l.empty()) continue;
    out += (out.empty() ? "" : "\n") + l;
  }
  return out;
}

std::string comparison_key(std::string_view t) {
  std::string out;
  bool space = false;
  for (unsigned char c : t) {
    if (std::isalnum(c) || c >= 0x80) {
      if (space && !out.empty()) out += ' ';
      out += static_cast<char>(std::tolower(c));
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

}  // namespace sdiag::tidy
