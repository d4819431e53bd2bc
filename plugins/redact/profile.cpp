#include "profile.hpp"

#include <stdexcept>

#include <sdiag/textmatch/data_file.hpp>
#include <sdiag/text.hpp>

namespace sdiag::redact {

const std::set<std::string>& omittable_fields() {
  static const std::set<std::string> fields{"notes", "narrative", "actions", "goals", "updates"};
  return fields;
}

Profile Profile::load(const std::filesystem::path& file) {
  const auto j = textmatch::read_data_file(file);
  const std::string where = sdiag::text::display_path(file);
  auto text = [&](const nlohmann::json& o, const char* field, const std::string& at) {
    if (!o.is_object() || !o.contains(field) || !o[field].is_string() || o[field].get<std::string>().empty())
      throw std::runtime_error(at + ": needs \"" + field + "\" (text)");
    return o[field].get<std::string>();
  };
  Profile p;
  p.name = text(j, "name", where);
  p.summary = j.value("summary", "");
  const std::string council = text(j, "council", where);
  if (council != "keep" && council != "letter")
    throw std::runtime_error(where + ": \"council\" is \"keep\" or \"letter\", not \"" + council + "\"");
  p.council_by_letter = council == "letter";
  for (const auto& f : textmatch::strings_of(j, "omit", where)) {
    if (!omittable_fields().count(f))
      throw std::runtime_error(where + ": \"omit\" lists '" + f + "'; it can list notes, narrative, actions, goals, updates");
    p.omit.insert(f);
  }
  if (j.contains("people")) p.person_token = text(j, "people", where);
  if (!j.contains("patterns") || !j["patterns"].is_array())
    throw std::runtime_error(where + ": needs a list \"patterns\" (it may be empty)");
  std::size_t i = 0;
  for (const auto& e : j["patterns"]) {
    const std::string at = where + ": patterns[" + std::to_string(i++) + "]";
    p.patterns.push_back({text(e, "kind", at), text(e, "token", at), text(e, "pattern", at)});
  }
  return p;
}

}  // namespace sdiag::redact
