/// @file sdiag/ooxml/dom.hpp
/// Walking a tree from parse_xml(), and the relationships that join the parts
/// of a package. A name is the local name ("style") in a tree parsed with
/// Names::local, the qualified name ("w:style") in one parsed with
/// Names::qualified.
/// @code
///   for (auto* s : children(styles->documentElement(), "style")) ids.insert(attr(s, "styleId"));
/// @endcode
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/DOM/Element.h>
#include <Poco/DOM/Node.h>

namespace sdiag::ooxml {

/// The element children of `parent` named `name` (all of them when `name`
/// is empty); none when `parent` is null.
std::vector<Poco::XML::Element*> children(const Poco::XML::Node* parent, const std::string& name = {});
/// The first element child named `name`, or null.
Poco::XML::Element* child(const Poco::XML::Node* parent, const std::string& name);
/// The attribute named `name` ("" when it or `element` is absent).
std::string attr(const Poco::XML::Element* element, const std::string& name);

struct Relationship {
  std::string id, type, target;
  bool external = false;
};
/// The relationships in a .rels part (its bytes).
/// @throws sdiag::InputError as parse_xml() does.
std::vector<Relationship> relationships(const std::string& rels_bytes, const std::string& rels_part);
/// Where a part's relationships live: word/document.xml -> word/_rels/document.xml.rels.
std::string rels_name(const std::string& part);
/// The part a relationship of `source` targets ("media/a.png" from
/// word/document.xml is word/media/a.png); nothing when the target is empty
/// or would leave the package ("../../x").
std::optional<std::string> resolve(const std::string& source, const std::string& target);

}  // namespace sdiag::ooxml
