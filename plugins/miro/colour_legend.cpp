#include "colour_legend.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include <sdiag/text.hpp>

namespace sdiag::miro {

namespace {

using sdiag::text::lower;
using sdiag::text::trim;

// Miro's sticky colours, colour words and emoji, each with its family.
constexpr std::array<std::pair<std::string_view, std::string_view>, 52> named_colours = {{
    {"light_yellow", "yellow"}, {"yellow", "yellow"},   {"light yellow", "yellow"}, {"gold", "yellow"},
    {"orange", "orange"},       {"amber", "orange"},    {"light_green", "green"},   {"green", "green"},
    {"dark_green", "green"},    {"light green", "green"}, {"dark green", "green"},  {"lime", "green"},
    {"cyan", "cyan"},           {"turquoise", "cyan"},  {"teal", "cyan"},           {"aqua", "cyan"},
    {"light_blue", "blue"},     {"blue", "blue"},       {"dark_blue", "blue"},      {"light blue", "blue"},
    {"dark blue", "blue"},      {"navy", "blue"},       {"light_pink", "pink"},     {"pink", "pink"},
    {"light pink", "pink"},     {"magenta", "pink"},    {"red", "red"},             {"violet", "purple"},
    {"purple", "purple"},       {"lilac", "purple"},    {"lavender", "purple"},     {"mauve", "purple"},
    {"gray", "grey"},           {"grey", "grey"},       {"black", "black"},         {"white", "white"},
    {"\xF0\x9F\x9F\xA8", "yellow"}, {"\xF0\x9F\x9F\xA7", "orange"}, {"\xF0\x9F\x9F\xA9", "green"},
    {"\xF0\x9F\x9F\xA6", "blue"},   {"\xF0\x9F\x9F\xA5", "red"},    {"\xF0\x9F\x9F\xAA", "purple"},
    {"\xF0\x9F\x9F\xA1", "yellow"}, {"\xF0\x9F\x9F\xA0", "orange"}, {"\xF0\x9F\x9F\xA2", "green"},
    {"\xF0\x9F\x94\xB5", "blue"},   {"\xF0\x9F\x94\xB4", "red"},    {"\xF0\x9F\x9F\xA3", "purple"},
    {"\xE2\xAC\x9B", "black"},      {"\xE2\xAC\x9C", "white"},      {"\xF0\x9F\xA9\xB7", "pink"},
    {"\xF0\x9F\x92\x97", "pink"},
}};

// A "#rrggbb" fill by hue: shapes carry hex fills where stickies carry names.
std::string family_of_hex(std::string_view hex) {
  if (hex.size() != 7 && hex.size() != 9) return {};
  auto channel = [&](std::size_t at) {
    int v = 0;
    for (std::size_t k = at; k < at + 2; ++k) {
      char c = hex[k];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  int r = channel(1), g = channel(3), b = channel(5);
  if (r < 0 || g < 0 || b < 0) return {};
  int hi = std::max({r, g, b}), lo = std::min({r, g, b});
  if (hi - lo < 24) return hi > 230 ? "white" : hi < 50 ? "black" : "grey";
  double d = hi - lo, h;
  if (hi == r) h = std::fmod((g - b) / d, 6.0);
  else if (hi == g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  h *= 60;
  if (h < 0) h += 360;
  if (h < 12 || h >= 345) return hi - lo > 120 && g < 0x90 ? "red" : "pink";
  if (h < 40) return "orange";
  if (h < 70) return "yellow";
  if (h < 165) return "green";
  if (h < 200) return "cyan";
  if (h < 255) return "blue";
  if (h < 300) return "purple";
  return "pink";
}

// Words around a colour that say nothing more: "the green stickies".
bool is_filler(const std::string& w) {
  return w == "the" || w == "sticky" || w == "stickies" || w == "stickys" || w == "notes" || w == "note" ||
         w == "post-its" || w == "postits" || w == "ones" || w == "colour" || w == "color" || w == "in";
}

// The family a short phrase names when it is only a colour ("light green
// stickies", "🟩"), else "".
std::string family_of_phrase(std::string_view phrase) {
  std::string words;
  for (auto& w : sdiag::text::split(sdiag::text::collapse_whitespace(lower(phrase)), ' '))
    if (!w.empty() && !is_filler(w)) words += (words.empty() ? "" : " ") + w;
  return words.empty() || words.size() > 20 ? std::string() : colour_family(words);
}

// "colour = meaning" and the other ways round, split at the first separator.
std::optional<LegendEntry> read_entry(std::string_view piece) {
  static const std::array<std::string_view, 8> separators = {"=", ":", " \xE2\x80\x93 ", " - ", "\xE2\x86\x92", "->",
                                                             " means ", " for "};
  for (auto sep : separators) {
    auto at = piece.find(sep);
    if (at == std::string_view::npos) continue;
    auto left = trim(piece.substr(0, at)), right = trim(piece.substr(at + sep.size()));
    if (left.empty() || right.empty()) continue;
    if (auto f = family_of_phrase(left); !f.empty()) return LegendEntry{f, right};
    if (auto f = family_of_phrase(right); !f.empty()) return LegendEntry{f, left};
  }
  // "🟩 what works": a coloured emoji, then the meaning.
  for (const auto& [name, family] : named_colours)
    if (static_cast<unsigned char>(name[0]) >= 0x80 && piece.substr(0, name.size()) == name) {
      auto rest = trim(piece.substr(name.size()));
      if (!rest.empty()) return LegendEntry{std::string(family), rest};
    }
  return std::nullopt;
}

}  // namespace

std::string colour_family(std::string_view colour) {
  auto c = lower(trim(colour));
  if (!c.empty() && c[0] == '#') return family_of_hex(c);
  for (const auto& [name, family] : named_colours)
    if (c == name) return std::string(family);
  return {};
}

std::string neighbour_family(const std::string& family) {
  if (family == "pink") return "red";
  if (family == "red") return "pink";
  if (family == "blue") return "cyan";
  if (family == "cyan") return "blue";
  if (family == "yellow") return "orange";
  if (family == "orange") return "yellow";
  return {};
}

std::vector<LegendEntry> parse_colour_legend(std::string_view text) {
  if (text.size() > 2000) return {};  // a legend is a line or two, not an essay
  static constexpr std::array<std::string_view, 6> separators = {"\n", "\xC2\xB7", "\xE2\x80\xA2", ";", "|", ","};
  const auto pieces = sdiag::text::split_at_any(text, separators);
  std::vector<LegendEntry> entries;
  for (const auto& p : pieces) {
    auto piece = trim(p);
    if (piece.empty()) continue;
    auto e = read_entry(piece);
    if (!e) continue;
    bool repeated = std::any_of(entries.begin(), entries.end(), [&](const LegendEntry& x) { return x.family == e->family; });
    if (!repeated) entries.push_back(std::move(*e));
  }
  if (entries.size() < 2) return {};
  return entries;
}

std::map<std::string, std::string> legend_from_colours(const std::vector<ColourSeen>& seen) {
  constexpr int kLeastUses = 2;
  constexpr double kShareOfColour = 0.6, kShareOverall = 0.75;
  std::map<std::string, std::map<std::string, int>> count;  // family -> prompt -> notes
  for (const auto& s : seen)
    if (!s.family.empty() && !s.prompt.empty()) ++count[s.family][s.prompt];
  std::map<std::string, std::string> legend;
  std::set<std::string> prompts;
  int agree = 0, all = 0;
  for (const auto& [family, by_prompt] : count) {
    int total = 0, most = 0;
    std::string top;
    for (const auto& [prompt, n] : by_prompt) {
      total += n;
      if (n > most) most = n, top = prompt;
    }
    all += total;
    if (total >= kLeastUses && most >= kShareOfColour * total) {
      legend[family] = top;
      prompts.insert(top);
      agree += most;
    }
  }
  if (prompts.size() < 2 || agree < kShareOverall * all) return {};
  return legend;
}

}  // namespace sdiag::miro
