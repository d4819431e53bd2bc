// Test helper: the parts of a written .docx, read back with Poco Zip.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace docx_test {

/// Every entry of the zip at `path`, by name.
std::map<std::string, std::string> read_package(const std::filesystem::path& path);

/// How many times `needle` occurs in `haystack`.
std::size_t count(const std::string& haystack, const std::string& needle);

}  // namespace docx_test
