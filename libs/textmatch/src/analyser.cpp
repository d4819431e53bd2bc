#include <sdiag/textmatch/analyser.hpp>

#include <stdexcept>

#include <libstemmer.h>

#include <sdiag/textmatch/stop_words.hpp>

namespace sdiag::textmatch {

namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Analyser::Analyser(const Vocabulary& vocabulary, bool stem) : vocabulary_(vocabulary) {
  if (stem) {
    stemmer_ = sb_stemmer_new("english", "UTF_8");
    if (!stemmer_) throw std::runtime_error("the Snowball English stemmer is not available");
  }
}

Analyser::~Analyser() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

const std::string& Analyser::stem_of(const std::string& lower) {
  auto it = cache_.find(lower);
  if (it != cache_.end()) return it->second;
  std::string stem = lower;
  if (stemmer_) {
    const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(lower.data()),
                                         static_cast<int>(lower.size()));
    if (s) stem.assign(reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  }
  return cache_.emplace(lower, std::move(stem)).first->second;
}

std::vector<Token> Analyser::analyse(std::string_view text) {
  std::vector<Token> out;
  const auto& english = english_stop_words();
  const auto& domain = vocabulary_.stop_words();
  for (auto& w : vocabulary_.unify(split_words(text))) {
    if (Vocabulary::is_term(w.lower)) {
      out.push_back({w.lower, w.original});
      continue;
    }
    if (code_points(w.lower) < 2 || english.count(w.lower) || domain.count(w.lower)) continue;
    out.push_back({stem_of(w.lower), w.lower});
  }
  return out;
}

}  // namespace sdiag::textmatch
