#include "html_text.hpp"

#include <cstdint>
#include <vector>

#include <sdiag/text.hpp>

namespace sdiag::miro {

namespace {

struct NamedEntity {
  const char* name;
  std::uint32_t cp;
};

// The entities Miro's editor writes, and the common ones people paste.
constexpr NamedEntity named_entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"pound", 0xA3},   {"euro", 0x20AC},   {"copy", 0xA9},    {"reg", 0xAE},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"hellip", 0x2026}, {"bull", 0x2022},  {"middot", 0xB7},  {"times", 0xD7},
    {"deg", 0xB0},     {"frac12", 0xBD},  {"eacute", 0xE9},   {"egrave", 0xE8},  {"rarr", 0x2192},
    {"larr", 0x2190},  {"trade", 0x2122}, {"shy", 0xAD},
};

// Decodes the entity starting at html[i] == '&'. Returns the characters
// consumed (0 when it is not an entity, so the '&' is kept as written).
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
  auto semi = html.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  auto body = html.substr(i + 1, semi - i - 1);
  if (body.size() >= 2 && body[0] == '#') {
    std::uint32_t cp = 0;
    bool hex = body[1] == 'x' || body[1] == 'X';
    auto digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v = (c >= '0' && c <= '9') ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (v < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, becomes U+FFFD
    }
    sdiag::text::append_utf8(out, cp == 0 ? 0xFFFD : cp);  // HTML reads &#0; as U+FFFD
    return semi - i + 1;
  }
  for (const auto& e : named_entities)
    if (body == e.name) {
      sdiag::text::append_utf8(out, e.cp);
      return semi - i + 1;
    }
  return 0;
}

// Tag name in lower case, without '/', attributes or '>'.
std::string tag_name(std::string_view tag) {
  std::string name;
  std::size_t k = 0;
  while (k < tag.size() && (tag[k] == '/' || tag[k] == ' ')) ++k;
  for (; k < tag.size(); ++k) {
    char c = tag[k];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) break;
    name += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return name;
}

bool breaks_line(const std::string& name) {
  return name == "p" || name == "br" || name == "div" || name == "li" || name == "ul" || name == "ol" ||
         name == "tr" || name == "h1" || name == "h2" || name == "h3" || name == "h4" || name == "blockquote";
}

bool emphasises(const std::string& name) {
  return name == "strong" || name == "b" || name == "em" || name == "i" || name == "u" || name == "h1" ||
         name == "h2" || name == "h3" || name == "h4" || name == "h5" || name == "h6";
}

}  // namespace

bool is_all_emphasised(std::string_view html) {
  int depth = 0;
  bool any_text = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (c == '<') {
      auto close = html.find('>', i + 1);
      if (close == std::string_view::npos) return false;
      auto tag = html.substr(i + 1, close - i - 1);
      auto name = tag_name(tag);
      if (emphasises(name)) depth += !tag.empty() && tag[0] == '/' ? -1 : 1;
      i = close;
    } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      if (depth <= 0) return false;
      any_text = true;
    }
  }
  return any_text;
}

std::string html_to_text(std::string_view html) {
  std::string raw;
  raw.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      auto close = html.find('>', i + 1);
      if (close == std::string_view::npos) {  // a lone '<' is text ("a < b")
        raw += c;
        ++i;
        continue;
      }
      auto name = tag_name(html.substr(i + 1, close - i - 1));
      if (name.empty() && html[i + 1] != '/') {  // "<3" or "< 5": not a tag
        raw += c;
        ++i;
        continue;
      }
      if (breaks_line(name)) raw += '\n';
      i = close + 1;
    } else if (c == '&') {
      std::size_t used = decode_entity(html, i, raw);
      if (used == 0) {
        raw += c;
        ++i;
      } else {
        i += used;
      }
    } else {
      raw += (c == '\r' || c == '\t') ? ' ' : c;
      ++i;
    }
  }
  // Tidy each line; drop empty ones.
  std::string out;
  for (const auto& line : sdiag::text::split(raw, '\n')) {
    auto tidy = sdiag::text::collapse_whitespace(line);
    if (tidy.empty()) continue;
    if (!out.empty()) out += '\n';
    out += tidy;
  }
  return out;
}

}  // namespace sdiag::miro
