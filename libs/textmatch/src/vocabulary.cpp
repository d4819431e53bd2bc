#include <sdiag/textmatch/vocabulary.hpp>

#include <algorithm>
#include <stdexcept>

#include <sdiag/textmatch/data_file.hpp>
#include <sdiag/text.hpp>

namespace sdiag::textmatch {

namespace {

std::string term_key(const std::string& term) {
  std::string key = "#";
  for (const auto& w : split_words(term)) key += w.lower;
  return key;
}

}  // namespace

void Vocabulary::load(const std::filesystem::path& file) {
  const nlohmann::json j = read_data_file(file);
  if (j.contains("abbreviations")) {
    if (!j["abbreviations"].is_array()) throw std::runtime_error(sdiag::text::display_path(file) + ": 'abbreviations' should be a list");
    std::size_t i = 0;
    for (const auto& e : j["abbreviations"]) {
      std::string where = sdiag::text::display_path(file) + ": abbreviations[" + std::to_string(i++) + "]";
      if (!e.is_object() || !e.contains("term") || !e["term"].is_string())
        throw std::runtime_error(where + ": each entry needs a \"term\"");
      add(e["term"].get<std::string>(), strings_of(e, "variants", where), strings_of(e, "exact", where));
      if (e.value("system", false)) mark_system(e["term"].get<std::string>());
    }
  }
  for (const auto& w : strings_of(j, "domain_stop_words", sdiag::text::display_path(file))) add_stop_word(w);
}

void Vocabulary::add(const std::string& term, const std::vector<std::string>& variants,
                     const std::vector<std::string>& exact) {
  if (split_words(term).empty()) return;
  // A term listed again (a council's file) gains spellings rather than a second key.
  auto found = std::find(terms_.begin(), terms_.end(), term);
  std::size_t index = static_cast<std::size_t>(found - terms_.begin());
  if (found == terms_.end()) terms_.push_back(term);
  auto add_spelling = [&](const std::string& text, bool is_exact) {
    Spelling sp;
    sp.exact = is_exact;
    sp.term = index;
    auto words = split_words(text);
    if (words.empty()) return;
    for (const auto& w : words) sp.words.push_back(is_exact ? w.original : w.lower);
    auto& list = by_first_[words.front().lower];
    list.push_back(std::move(sp));
    std::stable_sort(list.begin(), list.end(),
                     [](const Spelling& a, const Spelling& b) { return a.words.size() > b.words.size(); });
  };
  for (const auto& v : variants) add_spelling(v, false);
  for (const auto& v : exact) add_spelling(v, true);
}

void Vocabulary::mark_system(const std::string& term) { systems_.insert(term_key(term)); }

void Vocabulary::add_stop_word(const std::string& word) {
  for (const auto& w : split_words(word)) stop_words_.insert(w.lower);
}

std::vector<Word> Vocabulary::unify(std::vector<Word> words) const {
  if (by_first_.empty()) return words;
  std::vector<Word> out;
  out.reserve(words.size());
  for (std::size_t i = 0; i < words.size();) {
    const Spelling* hit = nullptr;
    if (auto it = by_first_.find(words[i].lower); it != by_first_.end()) {
      for (const auto& sp : it->second) {
        if (i + sp.words.size() > words.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < sp.words.size() && same; ++k)
          same = (sp.exact ? words[i + k].original : words[i + k].lower) == sp.words[k];
        if (same) { hit = &sp; break; }
      }
    }
    if (!hit) { out.push_back(std::move(words[i])); ++i; continue; }
    const auto& term = terms_[hit->term];
    out.push_back(Word{term, term_key(term)});
    i += hit->words.size();
  }
  return out;
}

}  // namespace sdiag::textmatch
