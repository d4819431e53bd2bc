// What each column of a form export is: response metadata, who answered,
// an e-mail address (never read), quiz scoring, or a question mapped to
// the workshop template.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::form_responses {

enum class ColumnKind { question, timestamp, respondent_id, email, name, role, team, scoring };

struct Column {
  ColumnKind kind = ColumnKind::question;
  std::string title;    ///< header text, whitespace collapsed
  std::string raw_title;  ///< header text as written (line breaks kept)
  int number = 0;       ///< question columns: 1-based position among questions ("Q3")
  std::string section;  ///< question columns: where the answers go ("" = unmapped)
  std::string prompt;
  bool mapped_by_option = false;
};

/// Classifies header cells (the metadata columns of Google and Microsoft Forms).
std::vector<Column> classify_columns(const std::vector<std::string>& header);

/// "Q3=key_issues/pain_points;What should change?=actions" -> key -> target.
/// Items without "=" are put in `bad`.
std::map<std::string, std::string> parse_mapping(const std::string& option, std::vector<std::string>& bad);

}  // namespace sdiag::form_responses
