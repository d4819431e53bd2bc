#include "phrase_label.hpp"

#include <sdiag/text.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <unordered_map>
#include <utility>

namespace sdiag::cluster {

namespace {

constexpr std::size_t kLongestRun = 5;

// In how many notes a stem or a run appears. The notes are visited in order,
// so a note is counted once by remembering the last one counted (a set of
// note numbers per stem cost a fifth of clustering a large board).
struct NoteCount {
  std::size_t last = static_cast<std::size_t>(-1);
  std::size_t notes = 0;
  void add(std::size_t note) {
    if (note != last) ++notes, last = note;
  }
};
using NoteCounts = std::unordered_map<std::string, NoteCount>;

struct Span {
  std::size_t begin, end;  // bytes in the note
};

struct Candidate {
  std::string text;
  std::set<std::string> stems;
  std::string key;  // its stems in order: the same run in any note, any case
  std::size_t words = 0;
  double weight = 0;  // of its distinct stems
  double score = 0;
  bool negated = false;  // written after "no" or "without", and shown with "no"
};

// A run the note writes after "no" or "without" (an article may come between)
// names what is missing ("no common child ID", "without a shared ID"): the
// heading says "no", or it would say the opposite.
template <class WordAt>
bool after_negation(std::size_t i, const WordAt& word_at) {
  auto is = [&](std::size_t at, std::initializer_list<std::string_view> words) {
    auto lower = text::lower(word_at(at));
    return std::find(words.begin(), words.end(), lower) != words.end();
  };
  if (i > 1 && is(i - 1, {"a", "an", "any", "the"})) --i;
  return i > 0 && is(i - 1, {"no", "without"});
}

// Runs that open with one of these tell someone what to do ("ask Lorna",
// "chasing the supplier"): a next step, never a theme's heading. As stems,
// so every form of the verb counts.
const std::vector<std::string>& instruction_verbs() {
  static const std::vector<std::string> verbs = {"ask",  "chase",  "check",  "email", "phone", "ring",   "call",
                                                 "contact", "speak", "talk", "tell",  "send",  "book",   "arrange",
                                                 "follow", "remind", "invite", "escalate"};
  return verbs;
}

// Words a heading neither starts nor ends with: they lean on the sentence
// around them ("build instead", "still manual", "fails again").
bool leans_on_sentence(std::string_view word) {
  static const std::set<std::string, std::less<>> words = {"instead", "again", "still", "too",  "anyway", "though",
                                                          "yet",     "already", "also", "just", "even",   "really",
                                                          "very",    "ever",  "etc",  "now",  "then",   "otherwise"};
  return words.count(text::lower(word)) > 0;
}

// Light verbs end no heading ("build instead of doing"), though one may start it.
bool ends_nothing(std::string_view word) {
  static const std::set<std::string, std::less<>> words = {"doing", "done",  "being", "having",
                                                          "getting", "making", "going", "using"};
  return leans_on_sentence(word) || words.count(text::lower(word)) > 0;
}

// A phrase of one or two words ("Childview report") reads as a tag. The
// heaviest run of three to five words holding it whose other words the notes
// share (each in two notes or more, weighing as much as the phrase's lightest
// word) makes the fuller heading; the phrase itself when no run adds such words.
const Candidate& fuller(const Candidate& best, const std::vector<Candidate>& candidates,
                        const NoteCounts& notes_with_stem,
                        const std::function<double(const std::string&)>& weight_of) {
  if (best.words > 2) return best;
  double lightest = 1e300;
  for (const auto& stem : best.stems) lightest = std::min(lightest, weight_of(stem));
  auto shared = [&](const std::string& stem) {
    auto it = notes_with_stem.find(stem);
    return best.stems.count(stem) ||
           (it != notes_with_stem.end() && it->second.notes > 1 && weight_of(stem) >= lightest);
  };
  const Candidate* out = &best;
  for (const auto& c : candidates) {
    if (c.words < 3 || c.weight <= out->weight) continue;
    if (!std::includes(c.stems.begin(), c.stems.end(), best.stems.begin(), best.stems.end())) continue;
    if (std::all_of(c.stems.begin(), c.stems.end(), shared)) out = &c;
  }
  return *out;
}

// Apostrophes and hyphens stay inside a word ("don't", "re-referrals");
// other punctuation, dashes between spaces, arrows and emoji end a clause.
bool ends_clause(unsigned char c) {
  static const std::string_view marks = ".,;:!?()[]{}=/\\|\"<>+*#~";
  return marks.find(static_cast<char>(c)) != std::string_view::npos;
}

std::size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

// Letters of Latin-1 and Latin Extended-A/B, and the curly apostrophe, are
// word characters; any other non-ASCII code point (dashes, arrows, emoji) is a break.
bool non_ascii_in_word(std::string_view s, std::size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 >= 0xC3 && b0 <= 0xC9) return true;  // U+00C0..U+024F
  return s.substr(i, 3) == "\u2019";
}

// Each clause as the byte spans of its words.
std::vector<std::vector<Span>> clauses_of(std::string_view s) {
  std::vector<std::vector<Span>> out(1);
  std::size_t start = std::string_view::npos;
  auto close_clause = [&] {
    if (!out.back().empty()) out.emplace_back();
  };
  auto close_word = [&](std::size_t at) {
    if (start == std::string_view::npos) return;
    std::size_t b = start, e = at;
    while (b < e && (s[b] == '\'' || s[b] == '-')) ++b;  // quotes and dashes around a word
    while (e > b && (s[e - 1] == '\'' || s[e - 1] == '-')) --e;
    if (b < e) out.back().push_back({b, e});
    else if (s[start] == '-') close_clause();  // a dash between words parts two thoughts ("late - no owner")
    start = std::string_view::npos;
  };
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = utf8_length(c);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      close_word(i);
    } else if (c < 0x80 ? ends_clause(c) : !non_ascii_in_word(s, i)) {
      close_word(i);
      close_clause();
    } else if (start == std::string_view::npos) {
      start = i;
    }
    i += len;
  }
  close_word(s.size());
  if (out.back().empty()) out.pop_back();
  return out;
}

bool has_letter(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0xC0;
  });
}

// Shouted words read as headings in sentence case ("TABLEAU REPORT" ->
// "Tableau report"); short capitals, and capitals with digits, are acronyms
// and codes and stay ("SSRS", "CIN", "SSDA903").
std::string capitalised(std::string s) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != ' ') continue;
    auto word = std::string_view(s).substr(start, i - start);
    bool shouted = word.size() > 4 && std::all_of(word.begin(), word.end(), [](char c) { return c < 'a' || c > 'z'; }) &&
                   std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                   std::none_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (shouted)
      for (std::size_t k = start; k < i; ++k)
        if (s[k] >= 'A' && s[k] <= 'Z') s[k] = static_cast<char>(s[k] - 'A' + 'a');
    start = i + 1;
  }
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// A vocabulary term written in another case is shown as the vocabulary spells
// it ("dq checks" -> "DQ checks", "liquidlogic" -> "Liquidlogic").
std::string terms_as_spelt(const std::string& label, Analyser& analyser) {
  std::string out;
  for (const auto& word : text::split(label, ' ')) {
    auto tokens = analyser.analyse(word);
    bool respell = tokens.size() == 1 && Vocabulary::is_term(tokens.front().stem) &&
                   tokens.front().surface != word && text::lower(tokens.front().surface) == text::lower(word);
    out += (out.empty() ? "" : " ") + (respell ? tokens.front().surface : word);
  }
  return out;
}

}  // namespace

std::string phrase_label(const std::vector<std::string_view>& texts, Analyser& analyser,
                         const std::map<std::string, double>& weight) {
  auto weight_of = [&](const std::string& stem) {
    auto it = weight.find(stem);
    return it == weight.end() ? 0.0 : it->second;
  };
  std::set<std::string> instruction;
  for (const auto& verb : instruction_verbs())
    for (const auto& t : analyser.analyse(verb)) instruction.insert(t.stem);
  auto is_instruction = [&](std::string_view word) {
    auto tokens = analyser.analyse(word);
    return tokens.size() == 1 && instruction.count(tokens.front().stem) > 0;
  };
  // Runs seen in more than one note weigh more: the group says it in those words.
  NoteCounts notes_with, notes_with_stem;
  std::vector<Candidate> candidates;
  // A run written the same way again (in this note or another) is kept once:
  // copies would rank side by side and change nothing but the memory a large
  // group takes. Each is the candidate it became, or none when it weighs nothing.
  constexpr std::size_t kWeightless = static_cast<std::size_t>(-1);
  std::map<std::pair<std::string, bool>, std::size_t> seen;
  for (std::size_t n = 0; n < texts.size(); ++n) {
    const auto s = texts[n];
    for (const auto& clause : clauses_of(s)) {
      auto word_at = [&](std::size_t i) { return s.substr(clause[i].begin, clause[i].end - clause[i].begin); };
      if (is_instruction(word_at(0))) continue;  // the whole clause is a next step
      std::vector<bool> content(clause.size());
      for (std::size_t i = 0; i < clause.size(); ++i) {
        auto word = word_at(i);
        content[i] = has_letter(word) && !analyser.analyse(word).empty();
        for (const auto& t : analyser.analyse(word)) notes_with_stem[t.stem].add(n);
      }
      for (std::size_t i = 0; i < clause.size(); ++i) {
        if (!content[i] || is_instruction(word_at(i)) || leans_on_sentence(word_at(i))) continue;
        for (std::size_t j = i; j < clause.size() && j < i + kLongestRun; ++j) {
          if (!content[j] || ends_nothing(word_at(j))) continue;
          Candidate c;
          c.text = std::string(s.substr(clause[i].begin, clause[j].end - clause[i].begin));
          c.words = j - i + 1;
          c.negated = after_negation(i, word_at);
          auto [at, first] = seen.try_emplace({c.text, c.negated}, kWeightless);
          if (!first) {
            if (at->second != kWeightless) notes_with[candidates[at->second].key].add(n);
            continue;
          }
          for (const auto& t : analyser.analyse(c.text)) {
            c.stems.insert(t.stem);
            c.key += t.stem + " ";
          }
          for (const auto& stem : c.stems) c.score += weight_of(stem);
          if (c.score <= 0) continue;
          c.weight = c.score;
          notes_with[c.key].add(n);
          at->second = candidates.size();
          c.score /= std::sqrt(static_cast<double>(c.words) + 1.0);
          if (c.stems.size() == 1) c.score *= 0.6;  // a bare word reads as a keyword, not a heading
          candidates.push_back(std::move(c));
          candidates.back().text.shrink_to_fit();
        }
      }
    }
  }
  if (candidates.empty()) return "";
  std::set<std::string> said_plainly;  // runs some note writes without a "no" before them
  for (auto& c : candidates) {
    if (notes_with[c.key].notes > 1) c.score *= 1.3;
    if (!c.negated) said_plainly.insert(c.key);
  }
  for (auto& c : candidates)
    if (said_plainly.count(c.key)) c.negated = false;
  auto better = [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.words != b.words) return a.words < b.words;
    if (a.negated != b.negated) return a.negated;
    return a.text < b.text;
  };
  std::stable_sort(candidates.begin(), candidates.end(), better);
  const auto& best = fuller(candidates.front(), candidates, notes_with_stem, weight_of);
  std::string label = best.negated ? "no " + best.text : best.text;
  if (best.stems.size() == 1 && !best.negated) {  // "No owner" is a heading already
    for (const auto& c : candidates) {
      bool apart = std::none_of(c.stems.begin(), c.stems.end(), [&](const std::string& s) { return best.stems.count(s); });
      if (apart && c.words + best.words <= 5) {
        label += " and " + c.text;
        break;
      }
    }
  }
  return capitalised(terms_as_spelt(label, analyser));
}

}  // namespace sdiag::cluster
