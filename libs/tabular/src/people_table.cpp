#include <sdiag/tabular/people_table.hpp>

#include <initializer_list>

#include <sdiag/text.hpp>

#include <sdiag/tabular/redact.hpp>

namespace sdiag::tabular {

namespace {

bool names_any(const std::string& norm, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (norm == w) return true;
  return false;
}

}  // namespace

PeopleColumns people_columns(const std::vector<std::string>& header) {
  PeopleColumns c;
  for (std::size_t i = 0; i < header.size(); ++i) {
    auto h = sdiag::text::normalise_title(header[i]);
    int col = static_cast<int>(i);
    if (c.name < 0 && names_any(h, {"name", "full name", "your name", "person", "contributor", "who", "names"}))
      c.name = col;
    else if (c.role < 0 && names_any(h, {"role", "job title", "title", "position", "your role", "job role", "post"}))
      c.role = col;
    else if (c.team < 0 && names_any(h, {"team", "service", "department", "service area", "your team", "directorate"}))
      c.team = col;
    else if (c.business_area < 0 && names_any(h, {"business area", "area", "organisation", "organization"}))
      c.business_area = col;
    else if (c.present < 0 && names_any(h, {"present", "attended", "attending", "in the room", "attendance", "there"}))
      c.present = col;
  }
  return c;
}

std::optional<bool> parse_present(std::string_view value) {
  auto v = sdiag::text::lower(sdiag::text::trim(value));
  if (v.empty()) return true;
  for (const char* yes : {"yes", "y", "true", "present", "attended", "x", "\xE2\x9C\x93", "\xE2\x9C\x94", "1", "in person", "online"})
    if (v == yes) return true;
  for (const char* no : {"no", "n", "false", "absent", "apologies", "missing", "not present", "did not attend", "0", "-"})
    if (v == no) return false;
  return std::nullopt;
}

std::vector<sdiag::Person> people_from_table(const std::vector<std::string>& header,
                                             const std::vector<std::vector<std::string>>& rows,
                                             const std::string& id_prefix,
                                             const std::function<void(std::size_t, const std::string&)>& problem) {
  std::vector<sdiag::Person> people;
  auto cols = people_columns(header);
  if (!cols.any()) {
    problem(0, "the contributors table has no Name or Role column, so nobody could be read from it; "
               "give it a header row such as Name | Role | Team | Present");
    return people;
  }
  auto cell = [](const std::vector<std::string>& row, int col) {
    return col >= 0 && static_cast<std::size_t>(col) < row.size() ? sdiag::text::collapse_whitespace(row[col])
                                                                   : std::string();
  };
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    sdiag::Person p;
    bool redacted = false;
    p.name = redact_emails(cell(row, cols.name), &redacted);
    p.role = redact_emails(cell(row, cols.role), &redacted);
    p.team = redact_emails(cell(row, cols.team), &redacted);
    p.business_area = cell(row, cols.business_area);
    if (redacted) problem(r, "an e-mail address was removed from this contributor");
    if (p.name.empty() && p.role.empty()) {
      bool blank = true;
      for (const auto& c : row) blank = blank && sdiag::text::trim(c).empty();
      if (!blank) problem(r, "this row has neither a name nor a role, so it was skipped");
      continue;
    }
    if (auto present = parse_present(cell(row, cols.present)))
      p.present = *present;
    else
      problem(r, "'" + cell(row, cols.present) + "' is not a yes or no for Present; counted as present");
    p.id = id_prefix + std::to_string(people.size() + 1);
    people.push_back(std::move(p));
  }
  return people;
}

}  // namespace sdiag::tabular
