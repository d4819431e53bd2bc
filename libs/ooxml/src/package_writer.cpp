#include <sdiag/ooxml/package_writer.hpp>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/ooxml/xml_part.hpp>

namespace sdiag::ooxml {

namespace {

constexpr const char* relationships_namespace = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* content_types_namespace = "http://schemas.openxmlformats.org/package/2006/content-types";

}  // namespace

std::string Relationships::add(const std::string& type, const std::string& target, bool external) {
  list_.push_back({"rId" + std::to_string(list_.size() + 1), type, target, external});
  return list_.back().id;
}

std::string Relationships::xml() const {
  XmlPart x("Relationships", {{"", relationships_namespace}});
  for (const auto& r : list_) {
    if (r.external) x.empty("Relationship", {{"Id", r.id}, {"Type", r.type}, {"Target", r.target}, {"TargetMode", "External"}});
    else x.empty("Relationship", {{"Id", r.id}, {"Type", r.type}, {"Target", r.target}});
  }
  return x.finish();
}

void PackageWriter::add(const std::string& name, std::string bytes, const std::string& content_type) {
  TextPieces pieces;
  pieces.push_back(std::move(bytes));
  add(name, std::move(pieces), content_type);
}

void PackageWriter::add(const std::string& name, TextPieces pieces, const std::string& content_type) {
  if (has(name)) throw std::logic_error("package part added twice: " + name);
  parts_.push_back({name, std::move(pieces), content_type});
}

void PackageWriter::add_default(const std::string& extension, const std::string& content_type) {
  defaults_.emplace(extension, content_type);
}

bool PackageWriter::has(const std::string& name) const {
  for (const auto& p : parts_)
    if (p.name == name) return true;
  return false;
}

std::string PackageWriter::content_types_xml() const {
  XmlPart x("Types", {{"", content_types_namespace}});
  auto defaults = defaults_;
  defaults.emplace("rels", relationships_content_type);
  defaults.emplace("xml", "application/xml");
  for (const auto& [ext, type] : defaults) x.empty("Default", {{"Extension", ext}, {"ContentType", type}});
  for (const auto& p : parts_)
    if (!p.content_type.empty()) x.empty("Override", {{"PartName", "/" + p.name}, {"ContentType", p.content_type}});
  return x.finish();
}

namespace {

// Entries zipped in order, with fixed entry times: the zip carries no trace of when it was written.
// Reads a part's pieces where they lie, one after the other.
class PiecesReader : public std::streambuf {
 public:
  explicit PiecesReader(const TextPieces& pieces) : pieces_(pieces) {}

 protected:
  int_type underflow() override {
    while (gptr() == egptr()) {
      if (next_ == pieces_.size()) return traits_type::eof();
      auto* piece = const_cast<char*>(pieces_[next_++].data());  // read only: a get area needs char*
      setg(piece, piece, piece + pieces_[next_ - 1].size());
    }
    return traits_type::to_int_type(*gptr());
  }

 private:
  const TextPieces& pieces_;
  std::size_t next_ = 0;
};

std::string zip_entries(const std::vector<std::pair<std::string, const TextPieces*>>& entries) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  const Poco::DateTime epoch(1980, 1, 1);
  for (const auto& [name, pieces] : entries) {
    PiecesReader reader(*pieces);
    std::istream in(&reader);
    // Pictures are compressed already: deflating them again costs time for nothing.
    const bool compressed = name.ends_with(".png") || name.ends_with(".jpeg") || name.ends_with(".jpg");
    zip.addFile(in, epoch, Poco::Path(name, Poco::Path::PATH_UNIX),
                compressed ? Poco::Zip::ZipCommon::CM_STORE : Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_NORMAL);
  }
  zip.close();
  return std::move(out).str();
}

}  // namespace

std::string PackageWriter::zip() const {
  const TextPieces types{content_types_xml()};
  std::vector<std::pair<std::string, const TextPieces*>> entries{{"[Content_Types].xml", &types}};
  for (const auto& p : parts_) entries.emplace_back(p.name, &p.pieces);
  return zip_entries(entries);
}

std::string repack(const Package& package, const std::map<std::string, std::string>& replaced) {
  std::vector<TextPieces> bytes;
  const auto names = package.names();
  bytes.reserve(names.size());
  std::vector<std::pair<std::string, const TextPieces*>> entries;
  for (const auto& name : names) {
    auto it = replaced.find(name);
    bytes.push_back({it != replaced.end() ? it->second : package.require(name)});
    entries.emplace_back(name, &bytes.back());
  }
  // [Content_Types].xml first, as Office writes it.
  std::stable_partition(entries.begin(), entries.end(), [](const auto& e) { return e.first == "[Content_Types].xml"; });
  return zip_entries(entries);
}

}  // namespace sdiag::ooxml
