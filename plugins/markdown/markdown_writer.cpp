// markdown output: any Document as CommonMark with GFM tables, for a quick
// preview in a text editor or a Git host.
#include "markdown_writer.hpp"

#include <algorithm>
#include <sstream>

namespace sdiag::markdown {

namespace {

// Escapes characters that would otherwise start Markdown syntax.
std::string escape(const std::string& s, bool in_table) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '#':
        out += '\\';
        out += c;
        break;
      case '|':
        out += in_table ? "\\|" : "|";
        break;
      case '\n':
        out += in_table ? "<br>" : "  \n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A link destination as CommonMark reads it back: plain when it has no
// space, control character, bracket or parenthesis; else in angle brackets,
// with '<', '>' and '\\' escaped and line breaks percent-encoded. In a table
// a '|' would end the cell, so it is percent-encoded too.
std::string link_target(const std::string& url, bool in_table) {
  auto plain = std::none_of(url.begin(), url.end(), [](unsigned char c) {
    return c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\' || c == '|';
  });
  if (plain && !url.empty()) return url;
  std::string out = "<";
  for (unsigned char c : url) {
    if (c == '<' || c == '>' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < ' ' || c == 0x7f || (c == '|' && in_table)) {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ">";
}

std::string runs(const sdiag::doc::Paragraph& p, bool in_table = false) {
  std::string out;
  for (const auto& r : p.runs) {
    if (r.text.empty()) continue;
    std::string t = escape(r.text, in_table);
    if (r.bold) t = "**" + t + "**";
    if (r.italic) t = "*" + t + "*";
    if (!r.link.empty()) t = "[" + t + "](" + link_target(r.link, in_table) + ")";
    out += t;
  }
  return out;
}

// A line that would read as a list item or heading when it starts a paragraph.
std::string guard_start(std::string s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+' || s[0] == '=')) s = "\\" + s;
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')')) s.insert(digits, "\\");
  return s;
}

struct BlockWriter {
  std::ostringstream& out;

  void operator()(const sdiag::doc::Heading& h) const {
    out << std::string(static_cast<std::size_t>(std::clamp(h.level, 1, 6)), '#') << ' ' << escape(h.text, false)
        << "\n\n";
  }
  void operator()(const sdiag::doc::Paragraph& p) const {
    auto text = guard_start(runs(p));
    if (text.empty()) return;
    if (p.style == sdiag::doc::style::title) out << "# " << text << "\n\n";
    else if (p.style == sdiag::doc::style::subtitle) out << "**" << text << "**\n\n";
    else if (p.style == sdiag::doc::style::caption || p.style == sdiag::doc::style::note) out << '*' << text << "*\n\n";
    else if (p.style == sdiag::doc::style::quote) out << "> " << text << "\n\n";
    else out << text << "\n\n";
  }
  void operator()(const sdiag::doc::List& l) const {
    int n = 1;
    for (const auto& item : l.items) {
      out << std::string(static_cast<std::size_t>(item.level) * (l.numbered ? 3 : 2), ' ');
      if (l.numbered) out << n++ << ". ";
      else out << "- ";
      out << runs(item.content) << "\n";
    }
    out << "\n";
  }
  void operator()(const sdiag::doc::Table& t) const {
    if (t.header.empty()) return;
    out << '|';
    for (const auto& h : t.header) out << ' ' << runs(h, true) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < t.header.size(); ++i) out << " --- |";
    out << "\n";
    for (const auto& row : t.rows) {
      out << '|';
      for (std::size_t i = 0; i < t.header.size(); ++i) out << ' ' << (i < row.size() ? runs(row[i], true) : "") << " |";
      out << "\n";
    }
    out << "\n";
    if (!t.caption.empty()) out << '*' << escape(t.caption, false) << "*\n\n";
  }
  void operator()(const sdiag::doc::Figure& f) const {
    // Markdown has no place for vector drawings: the alt text stands in for the picture.
    out << "> **Figure:** " << escape(f.alt, false) << "\n\n";
    if (!f.caption.empty()) out << '*' << escape(f.caption, false) << "*\n\n";
  }
  void operator()(const sdiag::doc::PageBreak&) const {}
  void operator()(const sdiag::doc::Contents&) const {}
};

}  // namespace

std::string to_markdown(const sdiag::doc::Document& d) {
  std::ostringstream out;
  for (const auto& b : d.blocks) std::visit(BlockWriter{out}, b);
  std::string s = std::move(out).str();
  while (s.size() > 1 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n') s.pop_back();
  return s;
}

}  // namespace sdiag::markdown
