#include "specific_term.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <set>

#include <sdiag/text.hpp>

#include "textmatch.hpp"

namespace sdiag::cluster {

namespace {

constexpr long kLongestHeading = 7;  // words

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// "CaseLink", "FamilyHub": a capital after a small letter.
bool has_inner_capital(const std::string& w) {
  bool inner_capital = false;
  for (std::size_t i = 1; i < w.size(); ++i) inner_capital |= is_upper(w[i]) && is_lower(w[i - 1]);
  return inner_capital && is_upper(w[0]);
}

// "SSRS", "ICB": 2-5 capitals.
bool all_capitals(std::string_view w) {
  return w.size() >= 2 && w.size() <= 5 && std::all_of(w.begin(), w.end(), is_upper);
}

// Shouted sentences ("DATA IS LATE") hold such words too, so a name also
// needs most notes to use it.
bool written_as_name(const std::string& w) { return has_inner_capital(w) || all_capitals(w); }

struct Seen {
  std::string shown;
  std::set<std::size_t> notes;
  // An acronym is a name only when mostly written in capitals: a word one
  // note shouts ("CLA list NEW") stays a word the others write small.
  bool acronym = true;
  std::size_t written = 0, in_capitals = 0;
};

// The names `text` writes as names (inner capitals, or 2-5 capitals), by stem.
void learn_names(std::string_view text, Analyser& analyser, std::map<std::string, Seen>& names) {
  for (const auto& w : split_words(text)) {
    if (!written_as_name(w.original)) continue;
    const auto tokens = analyser.analyse(w.original);  // a vocabulary topic ("CIN") becomes a term: not a name
    if (tokens.size() != 1 || Vocabulary::is_term(tokens.front().stem)) continue;
    auto& seen = names[tokens.front().stem];
    seen.shown = w.original;
    seen.acronym &= !has_inner_capital(w.original);
  }
}

// How each short word of `text` is written, by stem: how often, and how often
// in capitals (tokens keep only the lower case).
void count_short_forms(std::string_view text, Analyser& analyser, std::map<std::string, WordForms>& forms) {
  for (const auto& w : split_words(text)) {
    if (w.lower.size() > 5) continue;  // longer than any acronym
    const auto tokens = analyser.analyse(w.original);
    if (tokens.size() != 1) continue;
    auto& f = forms[tokens.front().stem];
    ++f.written;
    f.in_capitals += all_capitals(w.original);
  }
}

}  // namespace

BoardNames board_names(const std::vector<std::string>& texts, Analyser& analyser) {
  BoardNames board;
  std::map<std::string, Seen> names;
  for (const auto& text : texts) {
    learn_names(text, analyser, names);
    count_short_forms(text, analyser, board.short_forms);
  }
  for (const auto& [stem, seen] : names) board.names[stem] = {seen.shown, seen.acronym};
  return board;
}

std::string specific_term(const std::vector<std::string_view>& texts, const Vocabulary& vocabulary,
                          Analyser& analyser, const std::map<std::string, double>& weight,
                          const BoardNames& board) {
  // By stem: the names some note writes as names, then every note using them in any case.
  std::map<std::string, Seen> names;
  for (const auto& [stem, name] : board.names) {
    names[stem].shown = name.shown;
    names[stem].acronym = name.acronym;
  }
  for (std::size_t n = 0; n < texts.size(); ++n) {
    for (const auto& t : analyser.analyse(texts[n]))
      if (Vocabulary::is_term(t.stem) && vocabulary.is_system(t.stem)) {
        names[t.stem].shown = t.surface;
        names[t.stem].acronym = false;
      }
    learn_names(texts[n], analyser, names);
  }
  for (std::size_t n = 0; n < texts.size(); ++n)
    for (const auto& t : analyser.analyse(texts[n]))
      if (auto it = names.find(t.stem); it != names.end()) it->second.notes.insert(n);
  // How each acronym is written, in the group's notes and on the whole board.
  std::map<std::string, WordForms> forms;
  for (const auto& text : texts) count_short_forms(text, analyser, forms);
  for (auto& [stem, seen] : names) {
    if (!seen.acronym) continue;
    for (const auto* all : std::initializer_list<const std::map<std::string, WordForms>*>{&forms, &board.short_forms})
      if (auto it = all->find(stem); it != all->end()) {
        seen.written += it->second.written;
        seen.in_capitals += it->second.in_capitals;
      }
  }
  std::string best, best_stem;
  std::size_t best_notes = 0;
  auto weight_of = [&](const std::string& stem) {
    auto it = weight.find(stem);
    return it == weight.end() ? 0.0 : it->second;
  };
  for (const auto& [stem, seen] : names) {
    const std::size_t count = seen.notes.size();
    if (count < 2 || 2 * count < texts.size()) continue;
    if (seen.acronym && 2 * seen.in_capitals < seen.written) continue;
    if (count > best_notes || (count == best_notes && weight_of(stem) > weight_of(best_stem))) {
      best = seen.shown, best_stem = stem, best_notes = count;
    }
  }
  return best;
}

std::string term_as_named(const std::string& heading, const std::string& term) {
  if (term.empty() || term.size() > heading.size()) return heading;
  const auto lower_heading = text::lower(heading), lower_term = text::lower(term);
  auto not_word = [&](std::size_t at) { return at >= heading.size() || !std::isalnum(static_cast<unsigned char>(heading[at])); };
  std::string out = heading;
  for (auto at = lower_heading.find(lower_term); at != std::string::npos; at = lower_heading.find(lower_term, at + 1))
    if ((at == 0 || not_word(at - 1)) && not_word(at + term.size())) out.replace(at, term.size(), term);
  if (is_lower(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string heading_with_term(const std::string& with_term, const std::string& term) {
  static const std::string slot = "{term}";
  const auto at = with_term.find(slot);
  if (term.empty() || at == std::string::npos) return "";
  std::set<std::string> have;
  for (const auto& w : split_words(with_term)) have.insert(w.lower);
  const auto words = split_words(term);
  if (std::all_of(words.begin(), words.end(), [&](const Word& w) { return have.count(w.lower) > 0; })) return "";
  std::string out = with_term;
  out.replace(at, slot.size(), term);
  if (std::count(out.begin(), out.end(), ' ') + 1 > kLongestHeading) return "";
  if (is_lower(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace sdiag::cluster
