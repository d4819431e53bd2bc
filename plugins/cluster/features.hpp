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

#include "vocabulary.hpp"

struct sb_stemmer;

namespace sdiag::cluster {

/// One analysed word: the feature it counts for and the word as written.
struct Token {
  std::string stem;     ///< feature key: Snowball stem, or a vocabulary term key
  std::string surface;  ///< the word shown in labels ("warehouse", "Power BI")
};

/// Lower case, word split, vocabulary unification, stop words, stemming.
class Analyser {
 public:
  explicit Analyser(const Vocabulary& vocabulary, bool stem = true);
  ~Analyser();
  Analyser(const Analyser&) = delete;
  Analyser& operator=(const Analyser&) = delete;

  std::vector<Token> analyse(std::string_view text);

 private:
  const std::string& stem_of(const std::string& lower);
  const Vocabulary& vocabulary_;
  sb_stemmer* stemmer_ = nullptr;
  std::unordered_map<std::string, std::string> cache_;
};

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
