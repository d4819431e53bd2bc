#include "reference_package.hpp"

#include <iterator>
#include <stdexcept>

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

namespace docx {

ReferencePackage::ReferencePackage(const std::filesystem::path& path) : path_(path) {
  in_.open(path, std::ios::binary);
  if (!in_) throw std::runtime_error("cannot open the reference document " + path.string());
  try {
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(in_);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(path.string() + " is not a DOCX file (not a zip archive: " + e.displayText() + ")");
  }
  std::size_t entries = static_cast<std::size_t>(std::distance(archive_->headerBegin(), archive_->headerEnd()));
  if (entries > max_entries)
    throw std::runtime_error(path.string() + " is not a usable DOCX file (" + std::to_string(entries) + " entries)");
}

ReferencePackage::~ReferencePackage() = default;

std::optional<std::string> ReferencePackage::read(const std::string& name) {
  auto header = archive_->findHeader(name);
  if (header == archive_->headerEnd()) return std::nullopt;
  if (header->second.getUncompressedSize() > max_entry_bytes)
    throw std::runtime_error(path_.string() + ": entry " + name + " is too large");
  try {
    in_.clear();
    Poco::Zip::ZipInputStream zin(in_, header->second, true);
    std::string bytes;
    char buffer[65536];
    // The sizes in the zip headers can lie: count what really comes out.
    while (zin.read(buffer, sizeof buffer) || zin.gcount() > 0) {
      bytes.append(buffer, static_cast<std::size_t>(zin.gcount()));
      if (bytes.size() > max_entry_bytes || read_bytes_ + bytes.size() > max_total_bytes)
        throw std::runtime_error(path_.string() + ": entry " + name + " is too large");
    }
    read_bytes_ += bytes.size();
    return bytes;
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(path_.string() + ": cannot read entry " + name + " (" + e.displayText() + ")");
  }
}

std::string ReferencePackage::require(const std::string& name) {
  auto bytes = read(name);
  if (!bytes) throw std::runtime_error(path_.string() + " is not a DOCX file (it has no " + name + ")");
  return *bytes;
}

}  // namespace docx
