// The workshop template a command works with: an id naming
// templates/workshop/<id>.json, or a path to a council's own .json.
#pragma once

#include <filesystem>
#include <string>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::core {

/// @throws UsageError naming the file when it cannot be opened or read as a template.
Template load_workshop_template(const std::string& ref, const std::filesystem::path& data_dir);

}  // namespace sdiag::core
