// Notes as TF-IDF vectors, computed exactly as scikit-learn's
// TfidfVectorizer(sublinear_tf=True) does after our analyser: tf = 1 + ln(count),
// idf = ln((1 + n) / (1 + df)) + 1, rows L2-normalised.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "textmatch.hpp"

namespace sdiag::cluster {

/// A sparse row: feature ids ascending, with their weights.
struct SparseVector {
  std::vector<std::uint32_t> index;
  std::vector<float> value;
  bool empty() const { return index.empty(); }
};

float dot(const SparseVector& a, const SparseVector& b);

struct TfidfMatrix {
  std::vector<SparseVector> rows;        ///< one per document, L2-normalised (empty when no tokens)
  std::vector<std::string> features;     ///< feature key by id
  std::vector<std::uint32_t> doc_freq;   ///< documents holding each feature
  std::vector<std::vector<std::uint32_t>> counts_index;  ///< raw counts per document (for c-TF-IDF)
  std::vector<std::vector<std::uint32_t>> counts_value;
};

/// Builds the matrix; feature ids follow first appearance, so the result
/// depends only on the documents and their order.
TfidfMatrix tfidf(const std::vector<std::vector<Token>>& documents);

}  // namespace sdiag::cluster
