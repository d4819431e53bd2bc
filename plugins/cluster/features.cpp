#include "features.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace sdiag::cluster {

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
