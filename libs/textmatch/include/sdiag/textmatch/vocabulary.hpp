// The abbreviation vocabulary of children's services data work (LL and
// Liquidlogic, CLA and LAC, 903 and SSDA903...): every spelling of a term is
// turned into one word before weighting, so two notes that say the same thing
// in different words still meet. Read from templates/vocabulary/*.json; a
// council extends it with its own file.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <sdiag/textmatch/tokeniser.hpp>

namespace sdiag::textmatch {

class Vocabulary {
 public:
  /// Adds the entries of one vocabulary file:
  /// {"abbreviations": [{"term": "Power BI", "variants": ["PBI", "PowerBI"],
  ///                     "exact": ["BI"]}], "domain_stop_words": ["council"]}
  /// "variants" match in any case, "exact" only as written (for "IT", "LL").
  /// @throws std::runtime_error naming the file and the problem; sdiag::InputError
  /// (which does not name it) when the file cannot be read or is past the input limit.
  void load(const std::filesystem::path& file);
  /// Adds one term from code (tests, tools).
  void add(const std::string& term, const std::vector<std::string>& variants,
           const std::vector<std::string>& exact = {});
  void add_stop_word(const std::string& word);
  /// Marks a term as the name of a system or tool ("system": true in the file),
  /// one that can fill the slot of a taxonomy heading ("Hard to report from Mosaic").
  void mark_system(const std::string& term);
  bool is_system(const std::string& key) const { return systems_.count(key) > 0; }

  /// Replaces every known spelling in `words` by one word whose `lower` is
  /// the term's key (see is_term) and whose `original` is the term as shown.
  std::vector<Word> unify(std::vector<Word> words) const;
  /// True for the key of a vocabulary term: never stemmed or stopped.
  static bool is_term(const std::string& lower) { return !lower.empty() && lower[0] == '#'; }
  const std::unordered_set<std::string>& stop_words() const { return stop_words_; }
  std::size_t size() const { return terms_.size(); }

 private:
  struct Spelling {
    std::vector<std::string> words;  // lower case, or as written when exact
    bool exact = false;
    std::size_t term = 0;
  };
  std::vector<std::string> terms_;
  // Spellings by their first word (lower case), longest first.
  std::unordered_map<std::string, std::vector<Spelling>> by_first_;
  std::unordered_set<std::string> stop_words_;
  std::unordered_set<std::string> systems_;  // term keys
};

}  // namespace sdiag::textmatch
