#include "theme_links.hpp"

#include <set>

#include <sdiag/text.hpp>

namespace sdiag::actions {

namespace {

// Lower-case words of four letters or more, plurals folded, and short
// abbreviations written in capitals ("BI", "IT", "903"): enough to tell
// "warehouse loads" and "the warehouse load" are about the same thing.
std::set<std::string> content_words(const std::string& s) {
  std::set<std::string> out;
  std::string word;
  bool capitals = true;
  auto flush = [&] {
    auto lowered = text::lower(word);
    if (lowered.size() >= 4) {
      if (lowered.size() > 4 && lowered.back() == 's') lowered.pop_back();
      out.insert(lowered);
    } else if (lowered.size() >= 2 && capitals) {
      out.insert(lowered);
    }
    word.clear();
    capitals = true;
  };
  for (char c : s) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  static_cast<unsigned char>(c) >= 0x80;
    if (!letter) {
      flush();
      continue;
    }
    if (c >= 'a' && c <= 'z') capitals = false;
    word += c;
  }
  flush();
  return out;
}

// How much of a key word the text uses: 1 for all of it, a share of a
// phrase ("warehouse" is half of "data warehouse").
double keyword_share(const std::string& keyword, const std::set<std::string>& words) {
  auto kw = content_words(keyword);
  if (kw.empty()) return 0;
  std::size_t found = 0;
  for (const auto& w : kw) found += words.count(w);
  return static_cast<double>(found) / static_cast<double>(kw.size());
}

}  // namespace

std::string best_theme(const std::string& action_text, const std::vector<Theme>& themes) {
  auto words = content_words(action_text);
  std::string best;
  double best_score = 0;
  for (const auto& t : themes) {
    double score = 0;
    for (std::size_t i = 0; i < t.keywords.size() && i < 5; ++i)
      score += static_cast<double>(5 - i) * keyword_share(t.keywords[i], words);
    if (score > best_score) {
      best_score = score;
      best = t.id;
    }
  }
  // One of the theme's two leading key words, or several lesser ones.
  return best_score >= 4 ? best : std::string();
}

std::vector<std::string> matching_goals(const std::string& action_text, const std::vector<Goal>& goals) {
  auto words = content_words(action_text);
  std::vector<std::string> out;
  for (const auto& g : goals) {
    std::size_t shared = 0;
    for (const auto& w : content_words(g.text)) shared += words.count(w);
    if (shared >= 2) out.push_back(g.id);
  }
  return out;
}

}  // namespace sdiag::actions
