// The JSON data files of the cluster analysis (vocabulary, taxonomy, markers):
// read through the input limits, comments allowed, errors naming the file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sdiag::cluster {

/// The file's JSON object.
/// @throws std::runtime_error naming the file when it is not a JSON object;
/// sdiag::InputError when it cannot be read or is past the input limit.
nlohmann::json read_data_file(const std::filesystem::path& file);

/// j[field] as strings; none when absent.
/// @throws std::runtime_error naming `where` when it is not a list of strings.
std::vector<std::string> strings_of(const nlohmann::json& j, const char* field, const std::string& where);

}  // namespace sdiag::cluster
