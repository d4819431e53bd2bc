// A contributors table (Name, Role, Team, Present...) as people: the tables
// of Markdown write-ups and DOCX forms.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::tabular {

/// Which column holds what; -1 when there is none.
struct PeopleColumns {
  int name = -1;
  int role = -1;
  int team = -1;
  int business_area = -1;
  int present = -1;
  bool any() const { return name >= 0 || role >= 0; }
};

/// Tolerant header matching: "Full name", "Job title", "Service", "Attended?"...
PeopleColumns people_columns(const std::vector<std::string>& header);

/// "yes", "y", "present", "attended", "x", "✓" -> true; "no", "absent",
/// "apologies", "missing" -> false; blank -> true; anything else -> nothing.
std::optional<bool> parse_present(std::string_view value);

/// One person per row that has a name or a role. `problem(row_index, message)`
/// is called for what cannot be read (row_index counts data rows from 0).
std::vector<sdiag::Person> people_from_table(const std::vector<std::string>& header,
                                             const std::vector<std::vector<std::string>>& rows,
                                             const std::string& id_prefix,
                                             const std::function<void(std::size_t, const std::string&)>& problem);

}  // namespace sdiag::tabular
