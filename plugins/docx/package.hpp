// The OPC package: parts, their content types and relationships, zipped
// with Poco Zip. Entry times are fixed so the same parts give the same bytes.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace docx {

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

class Package {
 public:
  /// Adds a part; `content_type` empty means "by its extension" (see add_default).
  void add(const std::string& name, std::string bytes, const std::string& content_type = {});
  void add_default(const std::string& extension, const std::string& content_type);
  bool has(const std::string& name) const;

  /// The package as a zip: [Content_Types].xml first, then parts in the order added.
  std::string zip() const;

 private:
  std::string content_types_xml() const;
  struct Part {
    std::string name, bytes, content_type;
  };
  std::vector<Part> parts_;
  std::map<std::string, std::string> defaults_;
};

}  // namespace docx
