// Where the installation's plugins and templates are: relative to the
// executable, so a prefix that is moved elsewhere still works.
#pragma once

#include <filesystem>

namespace sdiag::core {

/// The folder holding the running executable.
std::filesystem::path executable_dir();
/// <prefix>/lib/sdiag/plugins
std::filesystem::path builtin_plugin_dir();
/// <prefix>/share/sdiag/templates, or SDIAG_DATA_DIR when set.
std::filesystem::path data_dir();
/// <prefix>/share/sdiag/python: the `sdiag` Python package script plugins import.
std::filesystem::path python_helper_dir();

}  // namespace sdiag::core
