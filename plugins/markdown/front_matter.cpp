#include "front_matter.hpp"

#include <sdiag/text.hpp>

namespace sdiag::markdown {

namespace {
std::string unquote(std::string v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
  return v;
}
}  // namespace

FrontMatter take_front_matter(std::string& text) {
  FrontMatter fm;
  auto first_end = text.find('\n');
  if (sdiag::text::trim(text.substr(0, first_end)) != "---") return fm;
  // Find the closing line before touching anything: an unclosed block is ordinary Markdown.
  std::size_t pos = first_end == std::string::npos ? text.size() : first_end + 1;
  std::size_t close_end = std::string::npos;
  int line = 2;
  std::map<std::string, std::string> fields;
  std::map<std::string, int> lines;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    std::string raw = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    std::string l = sdiag::text::trim(raw);
    if (l == "---" || l == "...") {
      close_end = end == std::string::npos ? text.size() : end;
      break;
    }
    auto colon = l.find(':');
    if (colon != std::string::npos && l[0] != '#') {
      auto key = sdiag::text::lower(sdiag::text::trim(l.substr(0, colon)));
      fields[key] = unquote(sdiag::text::trim(l.substr(colon + 1)));
      lines[key] = line;
    }
    if (end == std::string::npos) break;
    pos = end + 1;
    ++line;
  }
  if (close_end == std::string::npos) return fm;
  fm.fields = std::move(fields);
  fm.lines = std::move(lines);
  fm.end_line = line;
  for (std::size_t i = 0; i < close_end; ++i)
    if (text[i] != '\n') text[i] = ' ';
  return fm;
}

}  // namespace sdiag::markdown
