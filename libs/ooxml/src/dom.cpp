#include <sdiag/ooxml/dom.hpp>

#include <sstream>

#include <Poco/DOM/NamedNodeMap.h>

#include <sdiag/ooxml/xml.hpp>
#include <sdiag/plugin.hpp>

namespace sdiag::ooxml {

namespace {

/// A node from a namespace-aware tree has a local name; one from a tree of qualified names has none.
bool named(const Poco::XML::Node* node, const std::string& name) {
  const auto& local = node->localName();
  return local.empty() ? node->nodeName() == name : local == name;
}

}  // namespace

std::vector<Poco::XML::Element*> children(const Poco::XML::Node* parent, const std::string& name) {
  std::vector<Poco::XML::Element*> out;
  if (!parent) return out;
  for (auto* n = parent->firstChild(); n; n = n->nextSibling())
    if (n->nodeType() == Poco::XML::Node::ELEMENT_NODE && (name.empty() || named(n, name)))
      out.push_back(static_cast<Poco::XML::Element*>(n));
  return out;
}

Poco::XML::Element* child(const Poco::XML::Node* parent, const std::string& name) {
  if (!parent) return nullptr;
  for (auto* n = parent->firstChild(); n; n = n->nextSibling())
    if (n->nodeType() == Poco::XML::Node::ELEMENT_NODE && named(n, name)) return static_cast<Poco::XML::Element*>(n);
  return nullptr;
}

std::string attr(const Poco::XML::Element* element, const std::string& name) {
  if (!element) return {};
  auto* attributes = element->attributes();
  std::string out;
  for (unsigned long i = 0; i < attributes->length(); ++i) {
    auto* a = attributes->item(i);
    if (named(a, name)) {
      out = a->nodeValue();
      break;
    }
  }
  attributes->release();
  return out;
}

std::string namespace_of(const Poco::XML::Element* element) {
  if (!element) return {};
  if (!element->namespaceURI().empty() || !element->localName().empty()) return element->namespaceURI();
  // A tree of qualified names: the nearest declaration of the element's prefix.
  const auto& qname = element->nodeName();
  const auto colon = qname.find(':');
  const std::string declaration = colon == std::string::npos ? "xmlns" : "xmlns:" + qname.substr(0, colon);
  for (const Poco::XML::Node* n = element; n && n->nodeType() == Poco::XML::Node::ELEMENT_NODE; n = n->parentNode()) {
    const auto* e = static_cast<const Poco::XML::Element*>(n);
    if (e->hasAttribute(declaration)) return e->getAttribute(declaration);
  }
  return {};
}

Poco::XML::Element* root_element(const Poco::XML::Document* doc, const std::string& part, const std::string& local,
                                 const Vocabulary& vocabulary) {
  auto* root = doc ? doc->documentElement() : nullptr;
  if (!root) throw InputError(part + " has no root element", part);
  const auto& qname = root->nodeName();
  const auto uri = namespace_of(root);
  const auto colon = qname.find(':');
  const auto root_local = !root->localName().empty()      ? root->localName()
                          : colon == std::string::npos ? qname
                                                       : qname.substr(colon + 1);
  if (root_local == local && (uri == vocabulary.transitional || uri == vocabulary.strict)) return root;
  throw InputError(part + " is not " + vocabulary.name + ": its root element is <" + qname + ">" +
                       (uri.empty() ? " in no namespace" : " in the namespace " + uri) +
                       (uri == "http://www.w3.org/1999/xhtml" ? " (XHTML, a web page)" : "") + ", where " +
                       vocabulary.name + " has <" + local + "> in the namespace " + vocabulary.transitional,
                   part);
}

std::vector<Relationship> relationships(const std::string& rels_bytes, const std::string& rels_part) {
  auto doc = parse_xml(rels_bytes, rels_part);
  std::vector<Relationship> out;
  for (auto* e : children(doc->documentElement(), "Relationship"))
    out.push_back({attr(e, "Id"), attr(e, "Type"), attr(e, "Target"), attr(e, "TargetMode") == "External"});
  return out;
}

std::string rels_name(const std::string& part) {
  auto slash = part.rfind('/');
  if (slash == std::string::npos) return "_rels/" + part + ".rels";
  return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

std::optional<std::string> resolve(const std::string& source, const std::string& target) {
  if (target.empty()) return std::nullopt;
  const auto slash = source.rfind('/');
  std::string path = target[0] == '/' ? target.substr(1) : source.substr(0, slash == std::string::npos ? 0 : slash + 1) + target;
  std::vector<std::string> segments;
  std::istringstream in(path);
  for (std::string s; std::getline(in, s, '/');) {
    if (s.empty() || s == ".") continue;
    if (s == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else if (s.find('\\') != std::string::npos || s.find(':') != std::string::npos) {
      return std::nullopt;
    } else {
      segments.push_back(s);
    }
  }
  if (segments.empty()) return std::nullopt;
  std::string out;
  for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

}  // namespace sdiag::ooxml
