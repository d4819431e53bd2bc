/// @file sdiag/ooxml/package_writer.hpp
/// Writing an OPC package: parts, their content types and relationships,
/// zipped with Poco Zip. Entry times are fixed, so the same parts give the
/// same bytes.
/// @code
///   PackageWriter pkg;
///   Relationships rels;
///   rels.add(part::document.relationship, "word/document.xml");
///   pkg.add("word/document.xml", body, part::document.content_type);
///   pkg.add("_rels/.rels", rels.xml());
///   std::string docx = pkg.zip();
/// @endcode
#pragma once

#include <map>
#include <string>
#include <vector>

#include <sdiag/ooxml/xml_part.hpp>

namespace sdiag::ooxml {

/// The relationships of one part (or of the package), with ids rId1, rId2…
/// in the order they were added.
class Relationships {
 public:
  /// Returns the new relationship's id.
  std::string add(const std::string& type, const std::string& target, bool external = false);
  std::string xml() const;

 private:
  struct Relationship {
    std::string id, type, target;
    bool external = false;
  };
  std::vector<Relationship> list_;
};

class PackageWriter {
 public:
  /// Adds a part; `content_type` empty means "by its extension" (see add_default).
  /// @throws std::logic_error when a part of that name was added already.
  void add(const std::string& name, std::string bytes, const std::string& content_type = {});
  /// Adds a part kept in the pieces it was written in (XmlPart::finish_pieces).
  void add(const std::string& name, TextPieces pieces, const std::string& content_type = {});
  void add_default(const std::string& extension, const std::string& content_type);
  bool has(const std::string& name) const;

  /// The package as a zip: [Content_Types].xml first, then parts in the order added.
  std::string zip() const;

 private:
  std::string content_types_xml() const;
  struct Part {
    std::string name;
    TextPieces pieces;
    std::string content_type;
  };
  std::vector<Part> parts_;
  std::map<std::string, std::string> defaults_;
};

class Package;

/// The parts of `package` zipped again as PackageWriter zips them, with the
/// bytes of the parts named in `replaced` swapped for the new ones; for
/// mending a file another library wrote.
/// @throws sdiag::InputError when a part cannot be read.
std::string repack(const Package& package, const std::map<std::string, std::string>& replaced);

}  // namespace sdiag::ooxml
