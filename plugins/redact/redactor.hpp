// Redacting one diagnostic by a profile: people's names and short forms,
// the council's name (by profile), e-mail addresses, numbers and postcodes
// (the profile's patterns) in every text; free text left out by profile.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

#include "pattern.hpp"
#include "profile.hpp"

namespace sdiag::redact {

class Redactor {
 public:
  /// A council's name and what it becomes.
  struct Council {
    std::string name;
    std::string label;
  };
  /// `council_label` replaces the organisation's name when the profile says "letter";
  /// so do the labels of `other_councils` (the other diagnostics compared) their names.
  /// @throws std::runtime_error when a pattern of the profile is not valid.
  Redactor(const Profile& profile, const Diagnostic& d, const std::string& council_label,
           const std::vector<Council>& other_councils = {});

  /// Every rule over one text, in order: the profile's patterns, people, the council.
  std::string text(std::string s);
  /// The whole diagnostic, in place; records the profile and the counts in meta.extra["redaction"].
  void apply(Diagnostic& d);

  /// How many items of each kind were replaced so far ("person", "council", "email"...).
  const std::map<std::string, std::size_t>& counts() const { return counts_; }

 private:
  struct Rule {
    std::string kind;
    std::string token;
    std::unique_ptr<Pattern> pattern;
    std::map<std::string, std::string> tokens;  ///< by the match in lower case, when it depends on the match
  };
  std::string person(const std::string& who);
  void count(const std::string& kind, std::size_t n) { if (n) counts_[kind] += n; }
  /// The councils' names and words, each with its label, as one rule (one pass over each text).
  void add_councils(const std::vector<Council>& councils);

  const Profile& profile_;
  std::string council_label_;
  std::vector<Rule> rules_;
  std::map<std::string, std::size_t> counts_;
};

}  // namespace sdiag::redact
