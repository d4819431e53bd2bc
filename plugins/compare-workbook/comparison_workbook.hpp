// The comparison as a workbook (libxlsxwriter): councils x themes (note
// counts), every action with its theme and status, the systems, and an About
// sheet that says which profile redacted it.
#pragma once

#include <ctime>
#include <filesystem>

#include <nlohmann/json.hpp>

namespace sdiag::compare_workbook {

/// Writes `file` (a temporary path; the caller renames it).
/// @throws std::runtime_error when there is no comparison or libxlsxwriter fails.
void write_workbook(const nlohmann::json& comparison, const std::string& title, std::time_t now,
                    const std::filesystem::path& file);

}  // namespace sdiag::compare_workbook
