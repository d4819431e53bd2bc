#include "section_numbers.hpp"

#include <cctype>
#include <set>

#include <sdiag/text.hpp>

namespace sdiag::miro {

namespace {

constexpr int kLeastAgreeing = 4;
constexpr double kShareAgreeing = 0.8;

int section_index(const sdiag::Template& tmpl, const std::string& id) {
  for (std::size_t i = 0; i < tmpl.sections.size(); ++i)
    if (tmpl.sections[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace

int leading_number(const std::string& title) {
  auto t = sdiag::text::trim(title);
  // Circled numbers ① to ⑳ are U+2460 to U+2473: E2 91 A0 to E2 91 B3.
  if (t.size() >= 3 && t.compare(0, 2, "\xE2\x91") == 0) {
    auto c = static_cast<unsigned char>(t[2]);
    if (c >= 0xA0 && c <= 0xB3) return c - 0xA0 + 1;
  }
  std::size_t i = 0;
  for (const char* word : {"step", "part", "section", "session", "stage"}) {
    if (sdiag::text::starts_with_ci(t, word)) {
      i = std::string_view(word).size();
      while (i < t.size() && t[i] == ' ') ++i;
      break;
    }
  }
  int n = 0;
  std::size_t digits = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && digits < 2) n = n * 10 + (t[i++] - '0'), ++digits;
  if (digits == 0 || (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])))) return -1;
  // "4.", "4)", "4 ·", "4 what's broken", but not "4.5" or "24/7" or "3rd".
  if (i < t.size() && (std::isalpha(static_cast<unsigned char>(t[i])) || t[i] == '/' ||
                       (t[i] == '.' && i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 1])))))
    return -1;
  return n;
}

std::map<std::string, std::string> sections_by_number(const std::vector<NumberedTitle>& titles, const sdiag::Template& tmpl) {
  struct Numbered {
    const NumberedTitle* title;
    int number;
    int index;  ///< the section it matches, -1 when none
  };
  std::vector<Numbered> numbered;
  std::map<int, int> offsets;  // template index - number -> titles
  int matched = 0;
  for (const auto& t : titles) {
    int n = leading_number(t.title);
    if (n < 0) continue;
    auto m = sdiag::text::match_title(tmpl, t.title);
    int index = m && m->prompt.empty() ? section_index(tmpl, m->section) : -1;
    numbered.push_back({&t, n, index});
    if (index >= 0) ++offsets[index - n], ++matched;
  }
  int offset = 0, agreeing = 0;
  for (const auto& [o, count] : offsets)
    if (count > agreeing) offset = o, agreeing = count;
  std::map<std::string, std::string> out;
  if (agreeing < kLeastAgreeing || agreeing < kShareAgreeing * matched) return out;

  std::set<int> taken;
  for (const auto& n : numbered)
    if (n.index >= 0) taken.insert(n.index);
  for (const auto& n : numbered) {
    int index = n.number + offset;
    if (n.index >= 0 || index < 0 || index >= static_cast<int>(tmpl.sections.size()) || !taken.insert(index).second) continue;
    out[n.title->id] = tmpl.sections[static_cast<std::size_t>(index)].id;
  }
  return out;
}

}  // namespace sdiag::miro
