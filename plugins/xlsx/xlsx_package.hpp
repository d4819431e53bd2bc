// An XLSX file is a zip of XML parts. This opens one that came from a user,
// so it assumes nothing: entry names are checked ("..", absolute paths), and
// the number of entries and the unpacked sizes are capped, whatever the zip
// headers claim. Everything goes wrong as sdiag::InputError, naming the entry.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace xlsxplan {

struct PackageLimits {
  std::size_t max_entries = 10000;
  std::uint64_t max_part_bytes = 64ull << 20;   ///< one XML part, unpacked
  std::uint64_t max_total_bytes = 256ull << 20; ///< everything read, unpacked
};

class Package {
 public:
  /// @throws sdiag::InputError when `bytes` is not a zip or has unsafe entries.
  explicit Package(std::string bytes, PackageLimits limits = {});

  bool has(const std::string& name) const { return entries_.count(name) != 0; }
  /// The unpacked part. @throws sdiag::InputError when missing or too big.
  std::string read(const std::string& name);
  /// Like read, but nullopt when the part is missing.
  std::optional<std::string> read_if_present(const std::string& name);

 private:
  std::string bytes_;
  PackageLimits limits_;
  std::map<std::string, std::uint64_t> entries_;  ///< name -> declared unpacked size
  std::uint64_t total_read_ = 0;
};

/// Cheap check for the zip signature: "PK\x03\x04".
bool looks_like_zip(const std::string& bytes);

}  // namespace xlsxplan
