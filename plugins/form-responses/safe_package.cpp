#include "safe_package.hpp"

#include <sstream>

#include <Poco/DOM/DOMParser.h>
#include <Poco/Exception.h>
#include <Poco/SAX/EntityResolver.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/XMLReader.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>

namespace forms {

namespace {

/// Refuses every external entity: nothing outside the package is ever read.
class RefuseEntities : public Poco::XML::EntityResolver {
 public:
  Poco::XML::InputSource* resolveEntity(const Poco::XML::XMLString*, const Poco::XML::XMLString& system_id) override {
    throw Poco::XML::SAXException("external entity '" + system_id + "' refused");
  }
  void releaseInputSource(Poco::XML::InputSource*) override {}
};

bool unsafe_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
  if (name.size() > 1 && name[1] == ':') return true;  // C:\...
  std::string seg;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/' || name[i] == '\\') {
      if (seg == "..") return true;
      seg.clear();
    } else {
      seg += name[i];
    }
  }
  return false;
}

}  // namespace

Poco::AutoPtr<Poco::XML::Document> parse_xml_safely(const std::string& xml, const std::string& where) {
  // A DOCTYPE is where entity bombs and external entities are declared; OOXML has none.
  auto head = xml.substr(0, std::min<std::size_t>(xml.size(), 4096));
  if (head.find("<!DOCTYPE") != std::string::npos || head.find("<!doctype") != std::string::npos ||
      head.find("<!ENTITY") != std::string::npos)
    throw sdiag::InputError(where + " declares a DOCTYPE, which Office files never do; the file may be "
                            "crafted to attack XML readers, so it was not read", where);
  if (head.find('\0') != std::string::npos)
    throw sdiag::InputError(where + " is not UTF-8 XML; the file is damaged or not an Office file", where);
  // The readers walk the tree recursively: deep nesting would overflow the stack.
  sdiag::limits::check_xml_depth(xml, where);
  Poco::XML::DOMParser parser;
  RefuseEntities refuse;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::DOMParser::FEATURE_FILTER_WHITESPACE, false);
  parser.setEntityResolver(&refuse);
  try {
    return Poco::AutoPtr<Poco::XML::Document>(parser.parseString(xml));
  } catch (const Poco::Exception& e) {
    throw sdiag::InputError(where + " is not well-formed XML (" + e.displayText() + ")", where);
  }
}

struct Package::Impl {
  std::string bytes;
  std::string kind;
  PackageLimits limits;
  std::unique_ptr<Poco::Zip::ZipArchive> archive;
};

Package::Package(const std::string& bytes, std::string kind, PackageLimits limits) : impl_(std::make_unique<Impl>()) {
  impl_->bytes = bytes;
  impl_->kind = std::move(kind);
  impl_->limits = limits;
  const std::string& k = impl_->kind;
  if (bytes.size() < 4 || bytes.compare(0, 2, "PK") != 0)
    throw sdiag::InputError("this is not a " + k + " file: it is not a zip package. Save it from Word or Excel as " +
                            k + " and try again");
  try {
    std::istringstream in(impl_->bytes);
    impl_->archive = std::make_unique<Poco::Zip::ZipArchive>(in);
  } catch (const Poco::Exception& e) {
    throw sdiag::InputError("this " + k + " file is damaged: its zip structure cannot be read (" + e.displayText() +
                            "). Open and re-save it in Word or Excel");
  } catch (const std::exception& e) {
    throw sdiag::InputError("this " + k + " file is damaged: its zip structure cannot be read (" +
                            std::string(e.what()) + ")");
  }
  std::size_t count = 0;
  std::uint64_t total = 0;
  auto check = [&](const std::string& name, std::uint64_t size, std::uint64_t compressed) {
    if (unsafe_name(name))
      throw sdiag::InputError("the " + k + " package names an entry outside itself ('" + name +
                              "'); such files are crafted to overwrite other files, so it was not read", name);
    // Small parts of real files can compress very well; only large ones are held to the ratio.
    bool suspicious_ratio = size > (1u << 20) && (compressed == 0 || size / compressed > impl_->limits.max_ratio);
    if (size > impl_->limits.max_entry_bytes || suspicious_ratio)
      throw sdiag::InputError("the " + k + " entry '" + name + "' would inflate to " + std::to_string(size) +
                              " bytes, more than a real document needs (a zip bomb?); it was not read", name);
  };
  for (auto it = impl_->archive->headerBegin(); it != impl_->archive->headerEnd(); ++it) {
    if (++count > impl_->limits.max_entries)
      throw sdiag::InputError("the " + k + " package has more than " + std::to_string(impl_->limits.max_entries) +
                              " entries; a real document has far fewer, so it was not read");
    check(it->first, it->second.getUncompressedSize(), it->second.getCompressedSize());
    total += it->second.getUncompressedSize();
  }
  for (auto it = impl_->archive->fileInfoBegin(); it != impl_->archive->fileInfoEnd(); ++it)
    check(it->first, it->second.getUncompressedSize(), it->second.getCompressedSize());
  if (total > impl_->limits.max_total_bytes)
    throw sdiag::InputError("the " + k + " package would inflate to " + std::to_string(total) +
                            " bytes, more than a real document needs (a zip bomb?); it was not read");
}

Package::~Package() = default;

bool Package::has(const std::string& entry) const {
  return impl_->archive->findHeader(entry) != impl_->archive->headerEnd();
}

std::optional<std::string> Package::read(const std::string& entry) const {
  auto h = impl_->archive->findHeader(entry);
  if (h == impl_->archive->headerEnd()) return std::nullopt;
  // The sizes in the headers were checked, but they can lie: stop inflating at the limit too.
  std::uint64_t limit = std::min<std::uint64_t>(impl_->limits.max_entry_bytes, h->second.getUncompressedSize());
  std::string out;
  try {
    std::istringstream in(impl_->bytes);
    Poco::Zip::ZipInputStream z(in, h->second, true);
    char buf[16384];
    while (z) {
      z.read(buf, sizeof buf);
      out.append(buf, static_cast<std::size_t>(z.gcount()));
      if (out.size() > limit)
        throw sdiag::InputError("the " + impl_->kind + " entry '" + entry +
                                "' inflates to more than its header says (a zip bomb?); it was not read", entry);
    }
  } catch (const Poco::Exception& e) {
    throw sdiag::InputError("the " + impl_->kind + " entry '" + entry + "' cannot be inflated (" + e.displayText() +
                            "); the file is damaged", entry);
  }
  return out;
}

Poco::AutoPtr<Poco::XML::Document> Package::xml(const std::string& entry) const {
  auto bytes = read(entry);
  if (!bytes) return {};
  return parse_xml_safely(*bytes, entry);
}

}  // namespace forms
