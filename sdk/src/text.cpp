#include <sdiag/text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <unordered_map>

namespace sdiag::text {

namespace {

// Windows-1252 bytes 0x80..0x9F; 0 marks the five undefined ones (kept as U+FFFD).
constexpr std::array<std::uint16_t, 32> cp1252_high = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

std::string utf16_to_utf8(std::string_view s, bool little_endian) {
  std::string out;
  out.reserve(s.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    std::uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < s.size()) {
      std::uint32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      }
    }
    append_utf8(out, cp);  // a surrogate left alone becomes U+FFFD
  }
  return out;
}

const std::set<std::string>& title_stop_words() {
  static const std::set<std::string> words = {"a",   "an",  "the", "of",   "to",    "and",
                                              "or",  "for", "in",  "on",   "we",    "our",
                                              "how", "is",  "are", "what", "where", "who",
                                              "do",  "does", "be", "they", "it",    "its"};
  return words;
}

std::string fold_plural(std::string w) {
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

// Beyond these a heading or a word is not compared with the template's titles.
constexpr std::size_t kLongestTitle = 400;
constexpr std::size_t kLongestTitleWord = 40;

// True when one insertion, deletion or substitution (or none) turns a into b.
// Linear: only that one question is ever asked of two words.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;  // the common prefix
  if (i == a.size()) return true;           // equal, or b has one letter more at the end
  // Past the first difference the rest must agree: shifted by one when a
  // letter was inserted, aligned when one was substituted.
  const std::size_t skip_b = a.size() < b.size() ? 1 : 0;
  return a.substr(i + 1 - skip_b) == b.substr(i + 1);
}

std::vector<std::string> content_words(const std::string& normalised) {
  std::vector<std::string> out;
  // A letter alone is what is left of "what's" or "we'd": no content.
  for (auto& w : split(normalised, ' '))
    if (w.size() > 1 && !title_stop_words().count(w)) {
      auto folded = fold_plural(w);
      if (std::find(out.begin(), out.end(), folded) == out.end()) out.push_back(std::move(folded));
    }
  return out;
}

bool words_match(const std::string& a, const std::string& b) {
  if (a == b) return true;
  // A typo in a longer word still counts ("mappping", "pionts"). One edit
  // changes the length by at most one, so other pairs need no table.
  // Four-letter words only by a letter left out or doubled ("isue", "issue"):
  // a changed letter makes another word too often ("data", "date").
  const std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
  const std::size_t shortest = longer > shorter ? 4 : 5;
  return shorter >= shortest && longer - shorter <= 1 && longer <= kLongestTitleWord && within_one_edit(a, b);
}

// A normalised title and its content words, worked out once per lookup.
struct TitleWords {
  std::string norm;
  std::vector<std::string> words;
};

TitleWords title_words(std::string_view title) {
  TitleWords t{normalise_title(title), {}};
  t.words = content_words(t.norm);
  return t;
}

// How well `title` names `candidate` (not yet normalised): 1 when equal.
// A template's titles and aliases are compared with every heading of every
// input: each is reduced once per thread, not once per comparison. The
// template is small and fixed, so the cache stays small.
const TitleWords& candidate_words(std::string_view candidate_text) {
  thread_local std::unordered_map<std::string, TitleWords> cache;
  auto it = cache.find(std::string(candidate_text));
  if (it == cache.end()) it = cache.emplace(std::string(candidate_text), title_words(candidate_text)).first;
  return it->second;
}

double title_similarity(const TitleWords& title, std::string_view candidate_text) {
  const auto& reduced = candidate_words(candidate_text);
  const auto& candidate = reduced.norm;
  if (title.norm.empty() || candidate.empty()) return 0;
  if (title.norm == candidate) return 1;
  const auto& tw = title.words;
  const auto& cw = reduced.words;
  if (tw.empty() || cw.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& w : tw)
    if (std::any_of(cw.begin(), cw.end(), [&](const std::string& c) { return words_match(w, c); }))
      ++shared;
  double smaller = static_cast<double>(std::min(tw.size(), cw.size()));
  double larger = static_cast<double>(std::max(tw.size(), cw.size()));
  double overlap = static_cast<double>(shared) / smaller;
  // Full overlap of a short title with a long one is weaker evidence than equal
  // lengths; one word of a longer wording is left to the keywords.
  const double one_word = tw.size() == 1 && cw.size() > 1 ? 0.9 : 1.0;
  return overlap * (0.5 + 0.5 * smaller / larger) * (shared == tw.size() ? 1.0 : 0.9) * one_word;
}

double best_similarity(const TitleWords& title, const std::string& candidate,
                       const std::vector<std::string>& aliases) {
  double best = title_similarity(title, candidate);
  for (const auto& a : aliases) best = std::max(best, title_similarity(title, a));
  return best;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string windows1252_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) out += ch;
    else if (c < 0xA0) append_utf8(out, cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : 0xFFFD);
    else append_utf8(out, c);
  }
  return out;
}

namespace {

// The length of the well-formed UTF-8 character at `i`, 0 when the bytes
// there are not one (a stray continuation byte, a truncated or overlong
// sequence, a surrogate, past U+10FFFF).
std::size_t utf8_char_at(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  return is_valid_utf8(s.substr(i, len)) ? len : 0;
}

// Past the bad sequence at `i`: its first byte and the continuation bytes after it.
std::size_t past_bad_sequence(std::string_view s, std::size_t i) {
  do ++i;
  while (i < s.size() && utf8_char_at(s, i) == 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
  return i;
}

}  // namespace

std::string json_error_text(const std::exception& e) {
  std::string message = e.what();
  if (message.rfind("[json.exception.", 0) == 0)
    if (auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
  if (auto pos = message.find("; last read: "); pos != std::string::npos) message.erase(pos);
  return message;
}

std::string display_path(const std::filesystem::path& path) {
  const std::string_view s = path.native();
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = utf8_char_at(s, i);
    if (c == '\\') {
      out += "\\\\";
    } else if (len == 0 || c < 0x20 || c == 0x7F) {  // not UTF-8, or a control character: this byte in hex
      out += {'\\', 'x', hex[c >> 4], hex[c & 0xF]};
    } else {
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    ++i;
  }
  return out;
}

namespace {

// UTF-8 with each bad sequence replaced by one U+FFFD; `lines` gets where.
std::string mend_utf8(std::string_view s, std::vector<std::size_t>& lines) {
  std::string out;
  out.reserve(s.size());
  std::size_t line = 1;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t len = utf8_char_at(s, i)) {
      if (s[i] == '\n') ++line;
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    append_utf8(out, 0xFFFD);
    if (lines.empty() || lines.back() != line) lines.push_back(line);
    i = past_bad_sequence(s, i);
  }
  return out;
}

// Whether bytes that are not valid UTF-8 are still UTF-8 as a whole: more
// well-formed multi-byte characters than bad sequences.
bool mostly_utf8(std::string_view s) {
  std::size_t good = 0, bad = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_char_at(s, i);
    good += len > 1;
    bad += len == 0;
    i = len ? i + len : past_bad_sequence(s, i);
  }
  return good > 0 && good >= bad;
}

}  // namespace

Decoded decode(std::string_view bytes) {
  Decoded d;
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) bytes.remove_prefix(3);
  if (!bom && bytes.substr(0, 2) == "\xFF\xFE") return {utf16_to_utf8(bytes.substr(2), true), "UTF-16LE", {}};
  if (!bom && bytes.substr(0, 2) == "\xFE\xFF") return {utf16_to_utf8(bytes.substr(2), false), "UTF-16BE", {}};
  if (is_valid_utf8(bytes)) return {std::string(bytes), bom ? "UTF-8 with BOM" : "UTF-8", {}};
  if (mostly_utf8(bytes)) {
    d.encoding = bom ? "UTF-8 with BOM" : "UTF-8";
    d.text = mend_utf8(bytes, d.mended_lines);
    return d;
  }
  return {windows1252_to_utf8(bytes), "Windows-1252", {}};
}

std::string decoding_note(const Decoded& d) {
  if (!d.mended_lines.empty()) {
    std::string where = "line " + std::to_string(d.mended_lines.front());
    const auto more = d.mended_lines.size() - 1;
    if (more == 1) where += " and line " + std::to_string(d.mended_lines[1]);
    if (more > 1) where += " and " + std::to_string(more) + " more lines";
    return where + " held bytes that are not UTF-8; each bad sequence was replaced by \u2018\uFFFD\u2019 and the "
                   "rest of the file was read as UTF-8. Check those lines against the original";
  }
  if (d.encoding == "Windows-1252")
    return "the file is not UTF-8; it was read as Windows-1252. Check accented letters and quotes, or save it as "
           "UTF-8 ('CSV UTF-8' in Excel)";
  if (d.encoding.starts_with("UTF-16")) return "the file is " + d.encoding + "; it was read as such";
  return "";
}

std::size_t mend_json_surrogates(std::string& json) {
  auto hex_at = [&](std::size_t i) -> int {  // the 4 hex digits of "\\uXXXX" at i, -1 when not one
    if (i + 6 > json.size() || json[i] != '\\' || json[i + 1] != 'u') return -1;
    int v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
      const char c = json[k];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  std::size_t mended = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '"') { in_string = !in_string; continue; }
    if (!in_string || json[i] != '\\') continue;
    const int unit = hex_at(i);
    if (unit < 0) { ++i; continue; }  // another escape: skip the escaped character
    const bool high = unit >= 0xD800 && unit <= 0xDBFF, low = unit >= 0xDC00 && unit <= 0xDFFF;
    const int next = high ? hex_at(i + 6) : -1;
    if (high && next >= 0xDC00 && next <= 0xDFFF) { i += 11; continue; }  // a pair: one character
    if (high || low) {
      json.replace(i + 2, 4, "fffd");
      ++mended;
    }
    i += 5;
  }
  return mended;
}

std::string to_utf8(std::string_view bytes, std::string* encoding) {
  auto d = decode(bytes);
  if (encoding) *encoding = d.encoding;
  return std::move(d.text);
}

std::string trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (!space && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') { space = true; ++i; }
    if (space) { pending = !out.empty(); continue; }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::vector<std::string> split_at_any(std::string_view s, std::span<const std::string_view> separators) {
  std::vector<std::string> pieces{std::string(s)};
  for (auto sep : separators) {
    if (sep.empty()) continue;
    std::vector<std::string> cut;
    for (const auto& piece : pieces) {
      std::size_t from = 0;
      for (auto at = piece.find(sep); at != std::string::npos; from = at + sep.size(), at = piece.find(sep, from))
        cut.push_back(piece.substr(from, at - from));
      cut.push_back(piece.substr(from));
    }
    pieces = std::move(cut);
  }
  return pieces;
}

std::string slug(std::string_view s) {
  std::string out;
  for (char c : lower(s)) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower(s.substr(0, prefix.size())) == lower(prefix);
}

namespace {

// Decodes the code point at `s[i]` (valid UTF-8 assumed; a stray byte is
// itself) and moves `i` past it.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i++]);
  int more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  char32_t cp = more == 3 ? b & 0x07 : more == 2 ? b & 0x0F : more == 1 ? b & 0x1F : b;
  for (; more > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; --more)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

// Symbols people put in titles that are no part of a word: Latin-1 and general
// punctuation, arrows, circled numbers, shapes, dingbats, emoji and their
// variation selectors and joiners.
bool is_symbol(char32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F000 && cp <= 0x1FFFF) ||
         cp >= 0xE0000;
}

}  // namespace

std::string normalise_title(std::string_view title) {
  std::string s;
  int depth = 0;
  for (std::size_t i = 0; i < title.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(title, i);
    if (cp == '(' || cp == '[') { ++depth; s += ' '; continue; }
    if ((cp == ')' || cp == ']') && depth > 0) { --depth; s += ' '; continue; }
    if (depth > 0) continue;
    if (cp == '&') { s += " and "; continue; }
    const bool ascii_word = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    if (ascii_word || (cp >= 0x80 && !is_symbol(cp)))
      s += title.substr(start, i - start);
    else
      s += ' ';
  }
  auto words = split(collapse_whitespace(lower(s)), ' ');
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    // Leading numbering: "1", "2a", "step 3"...
    bool numbering = out.empty() && !w.empty() && w.size() <= 3 && w[0] >= '0' && w[0] <= '9';
    if (numbering || w.empty()) continue;
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

std::vector<std::string> title_parts(std::string_view title) {
  std::vector<std::string> parts;
  auto add = [&](std::string_view part) {
    auto t = trim(part);
    if (!t.empty() && t.size() < title.size() && std::find(parts.begin(), parts.end(), t) == parts.end())
      parts.push_back(std::move(t));
  };
  // Text in brackets is a part of its own; what is left is cut at the separators.
  std::string outside;
  int depth = 0;
  std::size_t open = 0;
  for (std::size_t i = 0; i < title.size(); ++i) {
    char c = title[i];
    if (c == '(' || c == '[') {
      if (depth++ == 0) open = i + 1;
      outside += '\n';
    } else if ((c == ')' || c == ']') && depth > 0) {
      if (--depth == 0) add(title.substr(open, i - open));
    } else if (depth == 0) {
      outside += c;
    }
  }
  static const std::array<std::string_view, 11> separators = {"\n", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", ": ",
                                                                "/",  "|",               "\xC2\xB7",      "\xE2\x80\xA2",
                                                                " \xE2\x86\x92 ", "; "};
  const auto pieces = split_at_any(outside, separators);
  if (pieces.size() > 1)
    for (const auto& piece : pieces) add(piece);
  return parts;
}

namespace {

// A title part scores a little below the same words as the whole title.
constexpr double kPartWeight = 0.97;
// A keyword alone is good evidence for a frame or region, never for a heading.
constexpr double kKeywordScore = 0.8;

// How well a title, or its best part, names a candidate.
double reading_similarity(const TitleWords& whole, const std::vector<TitleWords>& parts, const std::string& candidate,
                          const std::vector<std::string>& aliases) {
  double best = best_similarity(whole, candidate, aliases);
  for (const auto& p : parts) best = std::max(best, kPartWeight * best_similarity(p, candidate, aliases));
  return best;
}

// Every word of the title and its bracketed parts, plurals folded.
std::set<std::string> keyword_words(std::string_view title, const std::vector<std::string>& parts) {
  std::set<std::string> words;
  auto add = [&](std::string_view t) {
    for (auto& w : split(normalise_title(t), ' '))
      if (!w.empty()) words.insert(fold_plural(w));
  };
  add(title);
  for (const auto& p : parts) add(p);
  return words;
}

std::size_t keyword_hits(const std::set<std::string>& words, const std::vector<std::string>& keywords) {
  std::size_t hits = 0;
  for (const auto& k : keywords) {
    const auto key = fold_plural(normalise_title(k));
    if (std::any_of(words.begin(), words.end(), [&](const std::string& w) { return words_match(w, key); })) ++hits;
  }
  return hits;
}

struct Candidate {
  const Section* section;
  const Prompt* prompt;  ///< nullptr: the section itself
  double weight;         ///< a prompt scores slightly below an equally good section title
  bool by_keywords;      ///< whether its keywords count (a prompt's only once its section is known)
};

std::optional<TemplateMatch> best_match(const std::vector<Candidate>& candidates, std::string_view title, double min_score) {
  // A "title" longer than any heading names no section; scoring it would cost
  // time in proportion to its length times the template's.
  if (title.size() > kLongestTitle) return std::nullopt;
  const auto whole = title_words(title);
  if (whole.norm.empty()) return std::nullopt;
  const auto part_texts = title_parts(title);
  std::vector<TitleWords> parts;
  for (const auto& p : part_texts) parts.push_back(title_words(p));

  std::optional<TemplateMatch> best;
  for (const auto& c : candidates) {
    const auto& title_text = c.prompt ? c.prompt->title : c.section->title;
    const auto& aliases = c.prompt ? c.prompt->aliases : c.section->aliases;
    double score = c.weight * reading_similarity(whole, parts, title_text, aliases);
    if (score >= min_score && (!best || score > best->score))
      best = TemplateMatch{c.section->id, c.prompt ? c.prompt->id : "", score};
  }
  if (best || kKeywordScore < min_score) return best;

  // No wording matched: the candidate whose keywords the title uses most,
  // when no other uses as many.
  const auto words = keyword_words(title, part_texts);
  std::size_t most = 0;
  const Candidate* only = nullptr;
  for (const auto& c : candidates) {
    if (!c.by_keywords) continue;
    auto hits = keyword_hits(words, c.prompt ? c.prompt->keywords : c.section->keywords);
    if (hits > most) { most = hits; only = &c; }
    else if (hits == most && hits > 0) only = nullptr;
  }
  if (!only) return std::nullopt;
  return TemplateMatch{only->section->id, only->prompt ? only->prompt->id : "", kKeywordScore};
}

}  // namespace

Template without_input_sections(const Template& t) {
  Template own = t;
  std::erase_if(own.sections, [](const Section& s) { return s.made_by_input; });
  return own;
}

std::string own_title_key(std::string_view title) { return collapse_whitespace(lower(title)); }

std::optional<TemplateMatch> match_title(const Template& t, std::string_view title, double min_score) {
  std::vector<Candidate> candidates;
  for (const auto& s : t.sections) {
    candidates.push_back({&s, nullptr, 1.0, true});
    for (const auto& p : s.prompts) candidates.push_back({&s, &p, 0.98, false});
  }
  return best_match(candidates, title, min_score);
}

std::optional<TemplateMatch> match_prompt(const Template& t, const std::string& section,
                                          std::string_view title, double min_score) {
  const Section* s = t.find_section(section);
  if (!s) return std::nullopt;
  std::vector<Candidate> candidates;
  for (const auto& p : s->prompts) candidates.push_back({s, &p, 1.0, true});
  return best_match(candidates, title, min_score);
}

}  // namespace sdiag::text
