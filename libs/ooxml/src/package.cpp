#include <sdiag/ooxml/package.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include <Poco/Exception.h>
#include <Poco/MemoryStream.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "zip64_guard.hpp"

namespace sdiag::ooxml {

namespace {

/// Zip-slip and friends: a part name is a plain relative path.
bool unsafe_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
  if (name.find('\0') != std::string::npos) return true;
  if (name.size() > 1 && name[1] == ':') return true;  // C:\...
  std::size_t start = 0;
  while (start <= name.size()) {
    auto end = name.find_first_of("/\\", start);
    if (end == std::string::npos) end = name.size();
    if (end - start == 2 && name.compare(start, 2, "..") == 0) return true;
    start = end + 1;
  }
  return false;
}

/// "a DOCX", "an XLSX": the article as the letters are spoken.
std::string with_article(const std::string& kind) {
  return (!kind.empty() && std::string_view("AEFHILMNORSX").find(kind.front()) != std::string_view::npos ? "an " : "a ") +
         kind;
}

/// Entries over this size are held to the compression ratio; small parts of real files compress very well.
constexpr std::uint64_t ratio_applies_from = 1u << 20;

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == "PK\x03\x04"; }

struct Package::Impl {
  std::string kind;
  PackageLimits limits;
  std::string bytes;                  ///< the zip, when it was given as bytes
  std::unique_ptr<std::istream> in;   ///< over `bytes`, or the file
  std::unique_ptr<Poco::Zip::ZipArchive> archive;
  std::map<std::string, std::uint64_t> declared;  ///< name -> unpacked size the headers give
  std::uint64_t total_read = 0;

  [[noreturn]] void bomb(const std::string& name, const std::string& what) const {
    throw InputError("the " + kind + " entry '" + name + "' " + what +
                         ", more than a real document needs (a zip bomb?); it was not read",
                     name);
  }
};

Package::Package(std::string bytes, std::string kind, PackageLimits limits)
    : Package([&] {
        auto i = std::make_unique<Impl>();
        i->kind = std::move(kind);
        i->limits = limits;
        i->bytes = std::move(bytes);
        if (!looks_like_zip(i->bytes))
          throw InputError("this is not " + with_article(i->kind) + " file: it is not a zip file" +
                           (i->bytes.compare(0, 4, "PK\x05\x06") == 0 ? " with parts in it" : "") +
                           ". Save it from Word or Excel as " + i->kind + " and try again");
        i->in = std::make_unique<Poco::MemoryInputStream>(i->bytes.data(), i->bytes.size());
        return i;
      }()) {}

Package Package::from_file(const std::filesystem::path& path, std::string kind, PackageLimits limits) {
  auto i = std::make_unique<Impl>();
  i->kind = std::move(kind);
  i->limits = limits;
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) throw InputError("cannot open " + sdiag::text::display_path(path));
  char head[4] = {};
  file->read(head, sizeof head);
  if (!looks_like_zip(std::string_view(head, static_cast<std::size_t>(file->gcount()))))
    throw InputError("this is not " + with_article(i->kind) + " file: it is not a zip file");
  file->clear();
  file->seekg(0);
  i->in = std::move(file);
  return Package(std::move(i));
}

namespace {

/// The package's bytes, from memory or from its file (the memory stream cannot seek back).
bool zip64_records_fit(const std::string& bytes, std::istream& in) {
  if (!bytes.empty())
    return detail::zip64_records_fit(bytes.size(), [&](std::uint64_t offset, std::size_t count) {
      return offset >= bytes.size() ? std::string() : bytes.substr(offset, count);
    });
  in.clear();
  in.seekg(0, std::ios::end);
  const auto length = static_cast<std::uint64_t>(in.tellg());
  const bool fit = detail::zip64_records_fit(length, [&](std::uint64_t offset, std::size_t count) {
    std::string out(count, '\0');
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(out.data(), static_cast<std::streamsize>(count));
    out.resize(static_cast<std::size_t>(in.gcount()));
    return out;
  });
  in.clear();
  in.seekg(0);
  return fit;
}

}  // namespace

/// Opens the archive once and checks every entry's name and declared sizes.
Package::Package(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
  auto& i = *impl_;
  const auto& k = i.kind;
  if (!zip64_records_fit(i.bytes, *i.in))
    throw InputError("this " + k + " file is damaged: a ZIP64 record in it declares more bytes than the file holds. "
                     "Open and re-save it in Word or Excel");
  try {
    i.archive = std::make_unique<Poco::Zip::ZipArchive>(*i.in);
  } catch (const Poco::Exception& e) {
    throw InputError("this " + k + " file is damaged: its zip structure cannot be read (" + e.displayText() +
                     "). Open and re-save it in Word or Excel");
  } catch (const std::exception& e) {
    throw InputError("this " + k + " file is damaged: its zip structure cannot be read (" + std::string(e.what()) +
                     "). Open and re-save it in Word or Excel");
  }
  std::uint64_t total = 0;
  std::size_t headers = 0, infos = 0;
  auto check = [&](const std::string& name, std::uint64_t size, std::uint64_t packed) {
    if (unsafe_name(name))
      throw InputError("the " + k + " package names an entry outside itself ('" + name +
                           "'); such files are crafted to overwrite other files, so it was not read",
                       name);
    if (size > i.limits.max_entry_bytes)
      i.bomb(name, "would inflate to " + std::to_string(size) + " bytes (the limit is " +
                       std::to_string(i.limits.max_entry_bytes >> 20) + " MiB)");
    if (size > ratio_applies_from && (packed == 0 || static_cast<double>(size) / static_cast<double>(packed) > i.limits.max_ratio))
      i.bomb(name, "would inflate " + std::to_string(packed == 0 ? size : size / packed) + " times over (the limit is " +
                       std::to_string(static_cast<long long>(i.limits.max_ratio)) + ":1)");
    auto& declared = i.declared[name];
    declared = std::max(declared, size);
  };
  // The local headers, then the central directory: either may be the one that lies.
  for (auto it = i.archive->headerBegin(); it != i.archive->headerEnd(); ++it) {
    if (++headers > i.limits.max_entries)
      throw InputError("the " + k + " package has more than " + std::to_string(i.limits.max_entries) +
                       " entries; a real document has far fewer, so it was not read");
    check(it->first, it->second.getUncompressedSize(), it->second.getCompressedSize());
    total += it->second.getUncompressedSize();
  }
  for (auto it = i.archive->fileInfoBegin(); it != i.archive->fileInfoEnd(); ++it) {
    if (++infos > i.limits.max_entries)
      throw InputError("the " + k + " package has more than " + std::to_string(i.limits.max_entries) +
                       " entries; a real document has far fewer, so it was not read");
    check(it->first, it->second.getUncompressedSize(), it->second.getCompressedSize());
  }
  if (i.declared.empty()) throw InputError("this is not " + with_article(k) + " file: it is a zip file with no parts in it");
  if (total > i.limits.max_total_bytes)
    throw InputError("the " + k + " package would inflate to " + std::to_string(total) + " bytes (the limit is " +
                     std::to_string(i.limits.max_total_bytes >> 20) +
                     " MiB), more than a real document needs (a zip bomb?); it was not read");
}

Package::~Package() = default;
Package::Package(Package&&) noexcept = default;
Package& Package::operator=(Package&&) noexcept = default;

bool Package::has(const std::string& name) const {
  return impl_->archive->findHeader(name) != impl_->archive->headerEnd();
}

std::vector<std::string> Package::names() const {
  std::vector<std::string> out;
  for (auto it = impl_->archive->headerBegin(); it != impl_->archive->headerEnd(); ++it)
    if (!it->first.ends_with('/')) out.push_back(it->first);
  return out;
}

std::optional<std::string> Package::read(const std::string& name) const {
  auto& i = *impl_;
  auto header = i.archive->findHeader(name);
  if (header == i.archive->headerEnd()) return std::nullopt;
  // The sizes in the headers were checked, but they can lie: stop inflating at the limits too.
  const std::uint64_t limit = std::min(i.limits.max_entry_bytes, i.declared.at(name));
  std::string out;
  try {
    i.in->clear();
    Poco::Zip::ZipInputStream zin(*i.in, header->second, true);
    char buffer[1 << 16];
    while (zin.read(buffer, sizeof buffer) || zin.gcount() > 0) {
      out.append(buffer, static_cast<std::size_t>(zin.gcount()));
      if (out.size() > limit) i.bomb(name, "inflates to more than its header says");
      if (i.total_read + out.size() > i.limits.max_total_bytes)
        i.bomb(name, "takes what was read of the package past " + std::to_string(i.limits.max_total_bytes >> 20) +
                         " MiB (the limit)");
    }
  } catch (const InputError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw InputError("the " + i.kind + " entry '" + name + "' cannot be inflated (" + e.displayText() +
                         "); the file is damaged",
                     name);
  } catch (const std::exception& e) {
    throw InputError("the " + i.kind + " entry '" + name + "' cannot be inflated (" + std::string(e.what()) +
                         "); the file is damaged",
                     name);
  }
  i.total_read += out.size();
  return out;
}

std::string Package::require(const std::string& name) const {
  auto bytes = read(name);
  if (!bytes)
    throw InputError("this is not " + with_article(impl_->kind) + " file that Word or Excel wrote: it has no part " + name, name);
  return std::move(*bytes);
}

Poco::AutoPtr<Poco::XML::Document> Package::xml(const std::string& name, Names names) const {
  auto bytes = read(name);
  if (!bytes) return {};
  return parse_xml(*bytes, name, names);
}

}  // namespace sdiag::ooxml
