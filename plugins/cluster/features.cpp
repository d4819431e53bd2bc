#include "features.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <libstemmer.h>

#include "stop_words.hpp"

namespace sdiag::cluster {

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

float dot(const SparseVector& a, const SparseVector& b) {
  float s = 0;
  std::size_t i = 0, j = 0;
  while (i < a.index.size() && j < b.index.size()) {
    if (a.index[i] < b.index[j]) ++i;
    else if (a.index[i] > b.index[j]) ++j;
    else s += a.value[i++] * b.value[j++];
  }
  return s;
}

TfidfMatrix tfidf(const std::vector<std::vector<Token>>& documents) {
  TfidfMatrix m;
  std::unordered_map<std::string, std::uint32_t> ids;
  const std::size_t n = documents.size();
  m.counts_index.resize(n);
  m.counts_value.resize(n);
  for (std::size_t d = 0; d < n; ++d) {
    std::map<std::uint32_t, std::uint32_t> counts;
    for (const auto& t : documents[d]) {
      auto [it, added] = ids.emplace(t.stem, static_cast<std::uint32_t>(m.features.size()));
      if (added) {
        m.features.push_back(t.stem);
        m.doc_freq.push_back(0);
      }
      ++counts[it->second];
    }
    for (const auto& [f, c] : counts) {
      ++m.doc_freq[f];
      m.counts_index[d].push_back(f);
      m.counts_value[d].push_back(c);
    }
  }
  std::vector<double> idf(m.features.size());
  for (std::size_t f = 0; f < idf.size(); ++f)
    idf[f] = std::log((1.0 + static_cast<double>(n)) / (1.0 + m.doc_freq[f])) + 1.0;
  m.rows.resize(n);
  for (std::size_t d = 0; d < n; ++d) {
    auto& row = m.rows[d];
    row.index = m.counts_index[d];
    std::vector<double> w(row.index.size());
    double norm = 0;
    for (std::size_t k = 0; k < w.size(); ++k) {
      w[k] = (1.0 + std::log(static_cast<double>(m.counts_value[d][k]))) * idf[row.index[k]];
      norm += w[k] * w[k];
    }
    norm = std::sqrt(norm);
    row.value.resize(w.size());
    for (std::size_t k = 0; k < w.size(); ++k) row.value[k] = static_cast<float>(w[k] / norm);
  }
  return m;
}

}  // namespace sdiag::cluster
