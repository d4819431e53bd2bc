// A reference DOCX opened for reading, with limits: it comes from a user
// and may be anything (not a zip, a zip bomb, thousands of entries).
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

namespace Poco::Zip {
class ZipArchive;
}

namespace docx {

class ReferencePackage {
 public:
  static constexpr std::size_t max_entries = 4000;
  static constexpr std::size_t max_entry_bytes = 32u << 20;
  static constexpr std::size_t max_total_bytes = 128u << 20;

  /// @throws std::runtime_error (with the path) when the file cannot be
  /// read, is not a zip or is over the limits.
  explicit ReferencePackage(const std::filesystem::path& path);
  ~ReferencePackage();

  /// The bytes of an entry, nothing when there is none by that name.
  /// @throws std::runtime_error when the entry is over the size limits or corrupt.
  std::optional<std::string> read(const std::string& name);
  /// Like read(), but a missing entry is an error.
  std::string require(const std::string& name);
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  std::size_t read_bytes_ = 0;
};

}  // namespace docx
