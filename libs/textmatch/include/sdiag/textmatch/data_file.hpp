// The JSON data files of text matching (vocabulary, taxonomy, markers):
// read through the input limits, comments allowed, errors naming the file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <sdiag/context.hpp>

namespace sdiag::textmatch {

/// The file's JSON object.
/// @throws std::runtime_error naming the file when it is not a JSON object;
/// sdiag::InputError when it cannot be read or is past the input limit.
nlohmann::json read_data_file(const std::filesystem::path& file);

/// j[field] as strings; none when absent.
/// @throws std::runtime_error naming `where` when it is not a list of strings.
std::vector<std::string> strings_of(const nlohmann::json& j, const char* field, const std::string& where);

/// Each file of a plugin's list option (relative to the templates folder, or
/// absolute) loaded into one T; a file that cannot be used is a warning finding.
template <class T>
T load_data_files(Context& ctx, const char* option, const char* what) {
  T data;
  for (const auto& entry : ctx.options().list(option)) {
    std::filesystem::path p(entry);
    if (p.is_relative()) p = ctx.data_dir() / p;
    try {
      data.load(p);
    } catch (const std::exception& e) {
      ctx.finding(Severity::warning, p.string(), "", std::string(what) + " not used: " + e.what());
    }
  }
  return data;
}

}  // namespace sdiag::textmatch
