#include <sdiag/textmatch/data_file.hpp>

#include <stdexcept>

#include <sdiag/input_file.hpp>
#include <sdiag/text.hpp>

namespace sdiag::textmatch {

nlohmann::json read_data_file(const std::filesystem::path& file) {
  const auto bytes = sdiag::read_input_file(file).bytes;  // an InputError, which the caller locates
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(bytes, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(sdiag::text::display_path(file) + ": not valid JSON: " + sdiag::text::json_error_text(e));
  }
  if (!j.is_object()) throw std::runtime_error(sdiag::text::display_path(file) + ": expected a JSON object");
  return j;
}

std::vector<std::string> strings_of(const nlohmann::json& j, const char* field, const std::string& where) {
  std::vector<std::string> out;
  if (!j.contains(field)) return out;
  if (!j[field].is_array()) throw std::runtime_error(where + ": '" + field + "' should be a list of strings");
  for (const auto& v : j[field]) {
    if (!v.is_string()) throw std::runtime_error(where + ": '" + field + "' should be a list of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace sdiag::textmatch
