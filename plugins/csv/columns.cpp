#include "columns.hpp"

#include <map>

#include <sdiag/text.hpp>

namespace sdiag::csv {

namespace {

const std::map<std::string, Field>& names() {
  static const std::map<std::string, Field> m = {
      {"text", Field::text},         {"note", Field::text},          {"notes", Field::text},
      {"content", Field::text},      {"sticky", Field::text},        {"sticky-note", Field::text},
      {"sticky-notes", Field::text}, {"comment", Field::text},       {"idea", Field::text},
      {"card", Field::text},         {"title", Field::text},         {"section", Field::section},
      {"frame", Field::section},     {"area", Field::section},       {"stage", Field::section},
      {"template-section", Field::section},
      {"prompt", Field::prompt},     {"heading", Field::prompt},     {"question", Field::prompt},
      {"sub-section", Field::prompt}, {"subsection", Field::prompt}, {"author", Field::author},
      {"created-by", Field::author}, {"by", Field::author},          {"name", Field::author},
      {"who", Field::author},        {"tags", Field::tags},          {"tag", Field::tags},
      {"labels", Field::tags},       {"label", Field::tags},         {"themes", Field::tags},
      {"theme", Field::tags},        {"colour", Field::colour},      {"color", Field::colour},
      {"fill-colour", Field::colour}, {"fill-color", Field::colour}, {"sticky-colour", Field::colour},
      {"owner", Field::owner},       {"assignee", Field::owner},     {"assigned-to", Field::owner},
      {"lead", Field::owner},        {"action-owner", Field::owner}, {"due", Field::due},
      {"due-date", Field::due},      {"deadline", Field::due},       {"by-when", Field::due},
      {"when", Field::due},          {"id", Field::id},              {"ref", Field::id},
      {"reference", Field::id},
  };
  return m;
}

}  // namespace

Field field_named(const std::string& header) {
  auto key = sdiag::text::slug(header);
  auto it = names().find(key);
  return it == names().end() ? Field::other : it->second;
}

std::optional<std::size_t> Columns::find(Field f) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i] == f) return i;
  return std::nullopt;
}

std::optional<Columns> header_of(const std::vector<std::string>& first_record) {
  Columns c;
  std::size_t known = 0;
  for (const auto& cell : first_record) {
    auto f = field_named(cell);
    // A second column of the same kind is kept as extra data, not read twice.
    bool repeat = f != Field::other && c.find(f).has_value();
    c.fields.push_back(repeat ? Field::other : f);
    c.headers.push_back(sdiag::text::trim(cell));
    known += f != Field::other && !repeat;
  }
  if (c.find(Field::text) || known >= 2) return c;
  return std::nullopt;
}

}  // namespace sdiag::csv
