#include "script_response.hpp"

#include <algorithm>

#include <sdiag/json.hpp>
#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

namespace sdiag::core::script_response {

namespace fs = std::filesystem;

ojson parse(std::string_view output, const std::string& answer, const std::string& plugin, const std::string& cmd,
            std::vector<Finding>& findings) {
  // Checked before parsing: writing a deeply nested value out again (to read the
  // diagnostic or the document from it) recurses once per level.
  try {
    limits::check_json_depth(output);
  } catch (const InputError& e) {
    throw std::runtime_error("the response of " + cmd + " cannot be read: " + e.what());
  }
  ojson response = ojson::parse(output, nullptr, false);
  if (response.is_discarded()) {
    std::string start = text::to_utf8(output.substr(0, 60));
    for (auto& c : start)
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    throw std::runtime_error("its program " + cmd + " did not write a JSON response on stdout (it began \"" + start +
                             "\"); write only the response there, and messages to stderr");
  }
  if (!response.is_object() || !response.contains(answer))
    throw std::runtime_error("the response of " + cmd + " has no \"" + answer + "\"; a " +
                             (answer == "sniff" ? "sniff" : "call") + " of this kind answers {\"" + answer +
                             "\": ...} (sdk/README.md, Script plugins)");
  if (auto f = response.find("findings"); f != response.end() && !f->is_null()) {
    if (!f->is_array()) throw std::runtime_error("the \"findings\" of " + cmd + "'s response should be a list");
    for (const auto& x : *f) {
      if (!x.is_object() || !x.contains("message") || !x["message"].is_string())
        throw std::runtime_error("each of the \"findings\" of " + cmd + "'s response needs a \"message\" string");
      auto str = [&x](const char* k) { return x.contains(k) && x[k].is_string() ? x[k].get<std::string>() : ""; };
      auto severity = severity_from_string(str("severity"));
      if (!severity && x.contains("severity"))
        throw std::runtime_error("a finding of " + cmd + " has severity \"" + str("severity") +
                                 "\"; use info, warning or error");
      findings.push_back(Finding{severity.value_or(Severity::warning), plugin, str("source"), str("location"),
                                 str("message")});
    }
  }
  return response;
}

int sniff_of(const ojson& response) {
  const auto& s = response.at("sniff");
  if (!s.is_number()) return 0;
  // Compared as a double first: a huge number or NaN must not reach the int conversion.
  const double v = s.get<double>();
  return v >= 100 ? 100 : v > 0 ? static_cast<int>(v) : 0;
}

Diagnostic diagnostic_of(ojson& response, const std::string& plugin) {
  auto& d = response["diagnostic"];
  if (!d.is_object()) throw std::runtime_error("its response's \"diagnostic\" should be an object (diagnostic.json's form)");
  if (!d.contains("schema")) d["schema"] = "sdiag/1";
  std::vector<Finding> unknown_fields;  // kept in `extra`, as the program meant
  try {
    return diagnostic_from_json(d.dump(), unknown_fields);
  } catch (const InputError& e) {
    throw std::runtime_error(plugin + " answered a diagnostic sdiag cannot read: " + e.what());
  }
}

doc::Document document_of(const ojson& response) {
  try {
    const auto& d = response.at("document");
    if (!d.is_object()) throw InputError("the document should be an object");
    return document_from_json(d.dump());
  } catch (const InputError& e) {
    throw std::runtime_error("its response's document cannot be read: " + std::string(e.what()));
  }
}

std::vector<fs::path> files_of(const ojson& response, const fs::path& out_dir) {
  const auto& files = response.at("files");
  if (!files.is_array()) throw std::runtime_error("its response's \"files\" should be a list of the paths it wrote");
  std::vector<fs::path> written;
  for (const auto& f : files) {
    if (!f.is_string()) throw std::runtime_error("its response's \"files\" should be a list of the paths it wrote");
    fs::path p = fs::path(f.get<std::string>()).is_absolute() ? fs::path(f.get<std::string>()) : out_dir / f.get<std::string>();
    const auto inside = p.lexically_normal().lexically_relative(out_dir.lexically_normal());
    if (inside.empty() || *inside.begin() == "..")
      throw std::runtime_error("its response lists " + text::display_path(p) + ", outside the output folder; an output writes "
                               "only into the folder it is given (\"output_dir\")");
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) throw std::runtime_error("its response lists " + text::display_path(p) + ", which it did not write");
    written.push_back(p);
  }
  return written;
}

}  // namespace sdiag::core::script_response
