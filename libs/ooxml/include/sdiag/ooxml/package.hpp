/// @file sdiag/ooxml/package.hpp
/// An Office Open XML package (DOCX, XLSX) opened for reading. It comes from
/// a user and may be anything: not a zip, a zip bomb, thousands of entries,
/// entry names that climb out of the package. The archive is opened once;
/// every limit below is checked on the zip's headers before anything is
/// inflated, and again on what really comes out (headers can lie).
/// @code
///   sdiag::ooxml::Package pkg(bytes, "DOCX");
///   if (auto doc = pkg.xml("word/document.xml")) walk(doc->documentElement());
/// @endcode
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/Document.h>

#include <sdiag/ooxml/xml.hpp>

namespace sdiag::ooxml {

/// The limits of every package sdiag reads: DOCX forms, reference DOCX,
/// form-response workbooks and action plans alike. README "Limits" lists them.
struct PackageLimits {
  /// Most zip entries. A Word or Excel file has tens of parts, a few
  /// hundred with many pictures; thousands of entries is a crafted file.
  std::size_t max_entries = 4000;
  /// Largest part, unpacked. A 32 MiB XML part is a document of thousands
  /// of pages or a sheet of hundreds of thousands of cells.
  std::uint64_t max_entry_bytes = 32u << 20;
  /// All parts read, unpacked (a part read twice counts twice).
  std::uint64_t max_total_bytes = 128u << 20;
  /// Unpacked / packed, per entry over 1 MiB unpacked: real XML deflates
  /// 10 to 30 times; a zip bomb thousands of times.
  double max_ratio = 200;
};

/// Whether `bytes` start like a zip with at least one entry ("PK\3\4").
bool looks_like_zip(std::string_view bytes);

class Package {
 public:
  /// Opens the zip in `bytes`. `kind` ("DOCX", "XLSX") is used in messages.
  /// @throws sdiag::InputError when the bytes are not a zip, the zip is
  /// empty or damaged, is over the limits, or names an entry outside itself.
  Package(std::string bytes, std::string kind, PackageLimits limits = {});
  /// Opens the zip file at `path`, read as it is needed, never whole.
  /// @throws sdiag::InputError as above, and when the file cannot be opened.
  static Package from_file(const std::filesystem::path& path, std::string kind, PackageLimits limits = {});
  ~Package();
  Package(Package&&) noexcept;
  Package& operator=(Package&&) noexcept;

  bool has(const std::string& name) const;
  /// Every part's name, sorted (folder entries, which some zip writers add, left out).
  std::vector<std::string> names() const;
  /// The entry's bytes, nothing when there is no such entry.
  /// @throws sdiag::InputError when it inflates beyond the limits or is damaged.
  std::optional<std::string> read(const std::string& name) const;
  /// Like read(), but a missing entry is an error too.
  std::string require(const std::string& name) const;
  /// The entry parsed by parse_xml(), a null pointer when it is absent.
  /// @throws sdiag::InputError as read() and parse_xml() do.
  Poco::AutoPtr<Poco::XML::Document> xml(const std::string& name, Names names = Names::local) const;

 private:
  struct Impl;
  explicit Package(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sdiag::ooxml
