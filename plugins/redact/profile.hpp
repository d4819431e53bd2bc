// A redaction profile (templates/redaction/*.json, described in the README
// there): what is redacted, with which token, for one audience.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace sdiag::redact {

struct PatternRule {
  std::string kind;   ///< "email", "phone"...: what the counts call it
  std::string token;  ///< what replaces it, e.g. "[EMAIL]"
  std::string pattern;
};

struct Profile {
  std::string name;
  std::string summary;
  bool council_by_letter = false;  ///< "council": "letter" ("Council A"), else "keep"
  std::set<std::string> omit;      ///< free text left out: notes, narrative, actions, goals, updates
  std::string person_token = "[PERSON]";
  std::vector<PatternRule> patterns;

  /// @throws std::runtime_error naming the file and field; sdiag::InputError when unreadable.
  static Profile load(const std::filesystem::path& file);
};

/// The free-text fields a profile may leave out.
const std::set<std::string>& omittable_fields();

}  // namespace sdiag::redact
