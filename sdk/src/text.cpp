#include <sdiag/text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>

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
  for (auto& w : split(normalised, ' '))
    if (!w.empty() && !title_stop_words().count(w)) out.push_back(fold_plural(w));
  return out;
}

bool words_match(const std::string& a, const std::string& b) {
  if (a == b) return true;
  // A typo in a longer word still counts ("mappping", "pionts"). One edit
  // changes the length by at most one, so other pairs need no table.
  const std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
  return shorter >= 5 && longer - shorter <= 1 && longer <= kLongestTitleWord && within_one_edit(a, b);
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
double title_similarity(const TitleWords& title, std::string_view candidate_text) {
  const auto candidate = normalise_title(candidate_text);
  if (title.norm.empty() || candidate.empty()) return 0;
  if (title.norm == candidate) return 1;
  const auto& tw = title.words;
  const auto cw = content_words(candidate);
  if (tw.empty() || cw.empty()) return 0;
  std::size_t shared = 0;
  for (const auto& w : tw)
    if (std::any_of(cw.begin(), cw.end(), [&](const std::string& c) { return words_match(w, c); }))
      ++shared;
  double smaller = static_cast<double>(std::min(tw.size(), cw.size()));
  double larger = static_cast<double>(std::max(tw.size(), cw.size()));
  double overlap = static_cast<double>(shared) / smaller;
  // Full overlap of a short title with a long one is weaker evidence than equal lengths.
  return overlap * (0.5 + 0.5 * smaller / larger) * (shared == tw.size() ? 1.0 : 0.9);
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

std::string to_utf8(std::string_view bytes, std::string* encoding) {
  auto set = [&](const char* e) { if (encoding) *encoding = e; };
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (is_valid_utf8(bytes)) { set("UTF-8 with BOM"); return std::string(bytes); }
    set("Windows-1252");  // a BOM, then bytes that are not UTF-8: say what they were read as
    return windows1252_to_utf8(bytes);
  }
  if (bytes.substr(0, 2) == "\xFF\xFE") { set("UTF-16LE"); return utf16_to_utf8(bytes.substr(2), true); }
  if (bytes.substr(0, 2) == "\xFE\xFF") { set("UTF-16BE"); return utf16_to_utf8(bytes.substr(2), false); }
  if (is_valid_utf8(bytes)) { set("UTF-8"); return std::string(bytes); }
  set("Windows-1252");
  return windows1252_to_utf8(bytes);
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

std::string normalise_title(std::string_view title) {
  std::string s;
  int depth = 0;
  for (std::size_t i = 0; i < title.size(); ++i) {
    char c = title[i];
    if (c == '(' || c == '[') { ++depth; s += ' '; continue; }
    if ((c == ')' || c == ']') && depth > 0) { --depth; s += ' '; continue; }
    if (depth > 0) continue;
    if (c == '&') { s += " and "; continue; }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        static_cast<unsigned char>(c) >= 0x80)
      s += c;
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

std::optional<TemplateMatch> match_title(const Template& t, std::string_view title, double min_score) {
  // A "title" longer than any heading names no section; scoring it would cost
  // time in proportion to its length times the template's.
  if (title.size() > kLongestTitle) return std::nullopt;
  const auto norm = title_words(title);
  if (norm.norm.empty()) return std::nullopt;
  std::optional<TemplateMatch> best;
  auto consider = [&](const std::string& section, const std::string& prompt, double score) {
    if (score >= min_score && (!best || score > best->score)) best = TemplateMatch{section, prompt, score};
  };
  for (const auto& s : t.sections) {
    consider(s.id, "", best_similarity(norm, s.title, s.aliases));
    // A prompt scores slightly below an equally good section title.
    for (const auto& p : s.prompts) consider(s.id, p.id, 0.98 * best_similarity(norm, p.title, p.aliases));
  }
  return best;
}

std::optional<TemplateMatch> match_prompt(const Template& t, const std::string& section,
                                          std::string_view title, double min_score) {
  const Section* s = t.find_section(section);
  if (!s || title.size() > kLongestTitle) return std::nullopt;
  const auto norm = title_words(title);
  std::optional<TemplateMatch> best;
  for (const auto& p : s->prompts) {
    double score = best_similarity(norm, p.title, p.aliases);
    if (score >= min_score && (!best || score > best->score)) best = TemplateMatch{s->id, p.id, score};
  }
  return best;
}

}  // namespace sdiag::text
