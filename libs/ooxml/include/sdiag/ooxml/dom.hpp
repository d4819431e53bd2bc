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

#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/Node.h>

#include <sdiag/ooxml/namespaces.hpp>

namespace sdiag::ooxml {

/// The element children of `parent` named `name` (all of them when `name`
/// is empty); none when `parent` is null.
std::vector<Poco::XML::Element*> children(const Poco::XML::Node* parent, const std::string& name = {});
/// The first element child named `name`, or null.
Poco::XML::Element* child(const Poco::XML::Node* parent, const std::string& name);
/// The attribute named `name` ("" when it or `element` is absent).
std::string attr(const Poco::XML::Element* element, const std::string& name);

/// The namespace URI of `element` ("" when it has none): the parser's in a
/// namespace-aware tree, else from the xmlns declarations on the element
/// and its ancestors.
std::string namespace_of(const Poco::XML::Element* element);

/// The root element of `doc`, checked to be `local` ("document") in either
/// namespace of `vocabulary`: a well-formed part of another kind (an XHTML
/// page under a Word part's name) is refused, not read as empty.
/// @throws sdiag::InputError naming `part`, the root element it has and the
/// one it needs.
Poco::XML::Element* root_element(const Poco::XML::Document* doc, const std::string& part, const std::string& local,
                                 const Vocabulary& vocabulary);

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
