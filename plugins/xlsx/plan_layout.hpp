// What the action plan looks like: its sheets, its columns, the status
// words, and where the plan's own data lives in the model (Extra fields).
// The writer and the reader both follow this file, so the round trip holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::xlsx {

inline constexpr const char* actions_sheet = "Actions";
inline constexpr const char* lists_sheet = "Lists";
inline constexpr const char* table_name = "ActionPlan";

/// The columns sdiag writes, in order. Users may add their own after them.
enum class Column { id, action, owner, due, status, rag, link, latest, comments };
struct ColumnSpec {
  Column column;
  const char* header;
  double width;        ///< characters
  /// Filled in by sdiag (RAG, links, latest update). What people type over
  /// it is still read back: it becomes an update, never lost.
  bool computed;
};
const std::vector<ColumnSpec>& columns();
const ColumnSpec* find_column(const std::string& header);  ///< case and spaces ignored

/// The statuses offered in the dropdown, as the model spells them and as
/// the plan shows them.
struct StatusWord {
  const char* model;
  const char* label;
};
const std::vector<StatusWord>& statuses();
/// "in progress" -> "In progress"; a status the list does not know is shown as it is.
std::string status_label(const std::string& model_status);
/// What people type back: labels in any case, and a few common synonyms
/// ("complete", "on hold"). nullopt when the words are not a known status.
std::optional<std::string> status_from_text(const std::string& text);

// ---- the plan's data kept in the model (Extra holds raw JSON)
/// Action::extra: the Comments cell, as the plan last had it.
inline constexpr const char* comments_key = "plan_comments";
/// Action::extra: the values of the users' own columns, {"column": value}.
inline constexpr const char* user_values_key = "plan_columns";
/// Action::extra: the date the action's row was deleted from the plan.
inline constexpr const char* removed_key = "removed_from_plan";
/// Action::extra: the action without its owner and date lines, set by the
/// actions analysis; the Action column shows it when there is one.
inline constexpr const char* title_key = "title";
/// The note on a Due cell that keeps the words agreed ("As agreed: TBC"):
/// the Due column holds dates only.
inline constexpr const char* due_note_prefix = "As agreed: ";
/// Action::extra: formulas people put in the row's cells, {"column header": "formula"}
/// (without "="); the refreshed plan writes them back as formulas.
inline constexpr const char* formulas_key = "plan_formulas";
/// Meta::extra: the run that wrote the outputs (the host sets it); the plan
/// keeps it as the custom document property `run_id_property`.
inline constexpr const char* run_id_key = "run_id";
inline constexpr const char* run_id_property = "sdiag run id";
/// Diagnostic::extra: the users' own columns, in the order of the sheet.
inline constexpr const char* user_columns_key = "action_plan_columns";

/// A cell of a user's column: text, or a number (kept as a number).
struct UserValue {
  std::string text;
  bool numeric = false;
  bool operator==(const UserValue&) const = default;
};
using UserValues = std::vector<std::pair<std::string, UserValue>>;

std::string extra_string(const sdiag::Extra& extra, const std::string& key);
void set_extra_string(sdiag::Extra& extra, const std::string& key, const std::string& value);
std::vector<std::string> user_columns(const sdiag::Diagnostic& d);
void set_user_columns(sdiag::Diagnostic& d, const std::vector<std::string>& names);
UserValues user_values(const sdiag::Action& a);
/// A numeric user value as a number Excel can hold: none when the text is not
/// a whole finite number (a hand-edited diagnostic.json may say anything).
std::optional<double> number_of(const UserValue& v);
void set_user_values(sdiag::Action& a, const UserValues& values);

/// The Action cell: the action's title, else its text.
std::string shown_text(const sdiag::Action& a);
/// The "Theme or goal" cell: theme labels, then goals.
std::string links_of(const sdiag::Action& a, const sdiag::Diagnostic& d);
/// The "Latest update" cell: "dd/mm/yyyy: Status. comment (by)" of the last update.
std::string latest_update(const sdiag::Action& a);

/// The formulas of an action's cells, by column header.
std::vector<std::pair<std::string, std::string>> formulas(const sdiag::Action& a);
void set_formulas(sdiag::Action& a, const std::vector<std::pair<std::string, std::string>>& formulas);

}  // namespace sdiag::xlsx
