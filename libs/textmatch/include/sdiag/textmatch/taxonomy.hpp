// The children's-services data-issue taxonomy (templates/vocabulary/themes.json):
// recurring themes of council data work, each with the Local Government Data
// Maturity Model dimension it falls under and the words that point to it. A
// cluster whose notes mostly point to one theme takes its name and id.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <sdiag/textmatch/analyser.hpp>

namespace sdiag::textmatch {

struct TaxonomyTheme {
  std::string id;
  std::string name;
  std::string dimension;
  std::vector<std::string> triggers;  ///< as written in the file
  /// The name with its generic slot as "{term}" ("Hard to report from {term}"),
  /// used when the cluster's notes name one system (see specific_term); "" = none.
  std::string with_term;
};

class Taxonomy {
 public:
  /// Adds the themes of one file; a theme id seen before is replaced (a council's edit).
  /// @throws std::runtime_error naming the file and entry; sdiag::InputError when unreadable.
  void load(const std::filesystem::path& file);
  void add(TaxonomyTheme theme);
  const std::vector<TaxonomyTheme>& themes() const { return themes_; }
  bool empty() const { return themes_.empty(); }

 private:
  std::vector<TaxonomyTheme> themes_;
};

/// The taxonomy's triggers analysed like the notes (stems, vocabulary terms),
/// so "duplicate records" meets "records duplicated" and "DQ" meets "data quality".
class TaxonomyMatcher {
 public:
  TaxonomyMatcher(const Taxonomy& taxonomy, Analyser& analyser);
  /// The theme whose triggers one analysed note holds most (several words
  /// or phrases of one theme), or -1 when none or a tie.
  int main_theme_of(const std::vector<Token>& note) const;
  /// Indices of the themes one analysed note points to.
  std::vector<std::size_t> themes_of(const std::vector<Token>& note) const;
  /// The theme most of these notes point to: at least `share` of them and
  /// two or more, and strictly more than any other theme; -1 when none.
  int theme_of_group(const std::vector<const std::vector<Token>*>& notes, double share) const;

 private:
  std::vector<std::vector<std::set<std::string>>> triggers_;  // per theme, per trigger: its stems
};

}  // namespace sdiag::textmatch
