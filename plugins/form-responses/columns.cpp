#include "columns.hpp"

#include <sdiag/text.hpp>

namespace sdiag::form_responses {

namespace {

namespace text = sdiag::text;

bool is_any(const std::string& norm, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (norm == n) return true;
  return false;
}

}  // namespace

std::vector<Column> classify_columns(const std::vector<std::string>& header) {
  std::vector<Column> cols;
  int questions = 0;
  for (const auto& raw : header) {
    Column c;
    c.title = text::collapse_whitespace(raw);
    c.raw_title = raw;
    auto n = text::normalise_title(c.title);
    if (is_any(n, {"timestamp", "start time", "completion time", "last modified time", "submitted", "submitted at",
                   "date submitted", "time submitted"}))
      c.kind = ColumnKind::timestamp;
    else if (is_any(n, {"id", "response id", "respondent id"}))
      c.kind = ColumnKind::respondent_id;
    else if (is_any(n, {"email", "email address", "e mail", "e mail address", "your email", "your email address"}) ||
             n.find("email") != std::string::npos)
      c.kind = ColumnKind::email;
    else if (is_any(n, {"name", "your name", "full name", "respondent", "respondent name"}))
      c.kind = ColumnKind::name;
    else if (is_any(n, {"role", "your role", "job title", "your job title", "what is your role", "position"}))
      c.kind = ColumnKind::role;
    else if (is_any(n, {"team", "your team", "service", "which team are you in", "department"}))
      c.kind = ColumnKind::team;
    else if (is_any(n, {"total points", "quiz feedback"}) || text::starts_with_ci(c.title, "Points - ") ||
             text::starts_with_ci(c.title, "Feedback - "))
      c.kind = ColumnKind::scoring;
    else
      c.number = ++questions;
    cols.push_back(std::move(c));
  }
  return cols;
}

std::map<std::string, std::string> parse_mapping(const std::string& option, std::vector<std::string>& bad) {
  std::map<std::string, std::string> out;
  for (auto& item : text::split(option, ';')) {
    auto eq = item.rfind('=');
    if (eq == std::string::npos) {
      if (!text::trim(item).empty()) bad.push_back(text::trim(item));
      continue;
    }
    auto key = text::collapse_whitespace(item.substr(0, eq));
    auto target = text::trim(item.substr(eq + 1));
    if (!key.empty()) out[key] = target;
  }
  return out;
}

}  // namespace sdiag::form_responses
