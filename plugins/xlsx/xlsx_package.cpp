#include "xlsx_package.hpp"

#include <sstream>

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <sdiag/plugin.hpp>

namespace xlsxplan {

namespace {

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Zip-slip and friends: an XLSX part name is a plain relative path.
bool safe_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return false;
  if (name.find('\\') != std::string::npos || name.find(':') != std::string::npos) return false;
  if (name.find('\0') != std::string::npos) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    auto end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    if (name.compare(start, end - start, "..") == 0 && end - start == 2) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

bool looks_like_zip(const std::string& bytes) { return bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0; }

Package::Package(std::string bytes, PackageLimits limits) : bytes_(std::move(bytes)), limits_(limits) {
  if (!looks_like_zip(bytes_))
    throw sdiag::InputError("is not an Excel workbook (.xlsx): it is not a zip file. Save the plan from Excel or "
                            "LibreOffice as \"Excel Workbook (.xlsx)\"");
  try {
    std::istringstream in(bytes_);
    Poco::Zip::ZipArchive archive(in);
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
      const auto& name = it->first;
      if (!safe_name(name)) throw sdiag::InputError("has an unsafe entry name (\"" + name + "\"); not read", name);
      if (entries_.size() >= limits_.max_entries)
        throw sdiag::InputError("has more than " + std::to_string(limits_.max_entries) + " entries; not read");
      entries_[name] = it->second.getUncompressedSize();
    }
  } catch (const sdiag::InputError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw sdiag::InputError("is not a readable Excel workbook (.xlsx): broken zip (" + e.displayText() + ")");
  } catch (const std::exception& e) {
    throw sdiag::InputError(std::string("is not a readable Excel workbook (.xlsx): broken zip (") + e.what() + ")");
  }
  if (entries_.empty()) throw sdiag::InputError("is an empty zip, not an Excel workbook");
}

std::optional<std::string> Package::read_if_present(const std::string& name) {
  if (!has(name)) return std::nullopt;
  return read(name);
}

std::string Package::read(const std::string& name) {
  auto it = entries_.find(name);
  if (it == entries_.end()) throw sdiag::InputError("has no part " + name + "; is it an Excel workbook?", name);
  if (it->second > limits_.max_part_bytes)
    throw sdiag::InputError("part " + name + " would unpack to " + mib(it->second) + "; the limit is " +
                                mib(limits_.max_part_bytes) + " (a zip bomb?)",
                            name);
  try {
    std::istringstream in(bytes_);
    Poco::Zip::ZipArchive archive(in);
    auto header = archive.findHeader(name);
    if (header == archive.headerEnd()) throw sdiag::InputError("has no part " + name, name);
    in.clear();
    Poco::Zip::ZipInputStream zin(in, header->second, true);
    // Read in chunks and stop at the limit: the declared size may be a lie.
    std::string out;
    char buf[1 << 16];
    while (zin) {
      zin.read(buf, sizeof buf);
      auto got = static_cast<std::size_t>(zin.gcount());
      if (got == 0) break;
      out.append(buf, got);
      if (out.size() > limits_.max_part_bytes || total_read_ + out.size() > limits_.max_total_bytes)
        throw sdiag::InputError("part " + name + " unpacks to more than " +
                                    mib(std::min<std::uint64_t>(limits_.max_part_bytes, limits_.max_total_bytes)) +
                                    "; not read (a zip bomb?)",
                                name);
    }
    total_read_ += out.size();
    return out;
  } catch (const sdiag::InputError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw sdiag::InputError("part " + name + " cannot be unpacked: " + e.displayText(), name);
  } catch (const std::exception& e) {
    throw sdiag::InputError("part " + name + " cannot be unpacked: " + e.what(), name);
  }
}

}  // namespace xlsxplan
