// Reading parts of an untrusted OOXML package with Poco's DOM parser:
// no DTDs, no external entities; qualified names kept as written ("w:style")
// so that a part written back keeps every namespace declaration it had.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/DOM/AutoPtr.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>

namespace docx::dom {

/// @throws std::runtime_error naming `part` when it is not well-formed XML
/// or declares a DTD.
Poco::AutoPtr<Poco::XML::Document> parse(const std::string& bytes, const std::string& part);
std::string serialise(Poco::XML::Document* document);

/// Child elements of `parent` named `qname` ("" for all).
std::vector<Poco::XML::Element*> children(Poco::XML::Node* parent, const std::string& qname = {});
Poco::XML::Element* first_child(Poco::XML::Node* parent, const std::string& qname);

struct Relationship {
  std::string id, type, target;
  bool external = false;
};
/// The relationships of a part (its _rels/NAME.rels bytes).
std::vector<Relationship> relationships(const std::string& rels_bytes, const std::string& part);
/// Where a part's relationships live: word/document.xml -> word/_rels/document.xml.rels.
std::string rels_name(const std::string& part);
/// `target` of a relationship of `source`, as a part name ("word/media/a.png").
/// Nothing when it would leave the package ("../../x") or is empty.
std::optional<std::string> resolve(const std::string& source, const std::string& target);

}  // namespace docx::dom
