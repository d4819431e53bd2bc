#include <sdiag/ooxml/dom.hpp>

#include <sstream>

#include <Poco/DOM/NamedNodeMap.h>

#include <sdiag/ooxml/xml.hpp>

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
