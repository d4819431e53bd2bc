// Note text analysed for matching: lower case, word split, vocabulary
// unification, stop words, Snowball stemming. The clustering weights these
// tokens; the taxonomy matcher compares them with a theme's triggers.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <sdiag/textmatch/vocabulary.hpp>

struct sb_stemmer;

namespace sdiag::textmatch {

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

}  // namespace sdiag::textmatch
