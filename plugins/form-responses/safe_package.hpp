// Reading an Office Open XML package (DOCX, XLSX) from untrusted bytes,
// safely: Poco Zip with limits on entry count and sizes checked before
// inflating, entry names with ".." or absolute paths refused, and Poco XML
// with external entities off and any DOCTYPE refused (OOXML never has one).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/Document.h>

namespace forms {

struct PackageLimits {
  std::size_t max_entries = 5000;
  std::uint64_t max_entry_bytes = 64u << 20;   ///< one part, uncompressed
  std::uint64_t max_total_bytes = 256u << 20;  ///< all parts, uncompressed
  double max_ratio = 200;                      ///< uncompressed / compressed, per entry
};

class Package {
 public:
  /// Opens the zip. `kind` ("DOCX", "XLSX") is used in messages.
  /// @throws sdiag::InputError when the bytes are not a zip, the zip is
  /// damaged, too big when inflated, or names an entry outside the package.
  Package(const std::string& bytes, std::string kind, PackageLimits limits = {});
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  bool has(const std::string& entry) const;
  /// The entry's bytes, nothing when there is no such entry.
  /// @throws sdiag::InputError when it inflates beyond the limits.
  std::optional<std::string> read(const std::string& entry) const;
  /// The entry parsed as XML (namespace-aware), nothing when absent.
  /// @throws sdiag::InputError for malformed XML or a DOCTYPE.
  Poco::AutoPtr<Poco::XML::Document> xml(const std::string& entry) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Parses XML text with the same hardening. @throws sdiag::InputError.
Poco::AutoPtr<Poco::XML::Document> parse_xml_safely(const std::string& xml, const std::string& where);

}  // namespace forms
