// Small helpers for walking a namespace-aware Poco DOM tree by local name.
#pragma once

#include <string>
#include <vector>

#include <Poco/DOM/Element.h>
#include <Poco/DOM/NamedNodeMap.h>
#include <Poco/DOM/Node.h>

namespace forms::xml {

/// The element children of `parent` (all of them when `local` is empty).
inline std::vector<Poco::XML::Element*> children(const Poco::XML::Node* parent, const std::string& local = {}) {
  std::vector<Poco::XML::Element*> out;
  if (!parent) return out;
  for (auto* n = parent->firstChild(); n; n = n->nextSibling())
    if (n->nodeType() == Poco::XML::Node::ELEMENT_NODE && (local.empty() || n->localName() == local))
      out.push_back(static_cast<Poco::XML::Element*>(n));
  return out;
}

inline Poco::XML::Element* child(const Poco::XML::Node* parent, const std::string& local) {
  if (!parent) return nullptr;
  for (auto* n = parent->firstChild(); n; n = n->nextSibling())
    if (n->nodeType() == Poco::XML::Node::ELEMENT_NODE && n->localName() == local)
      return static_cast<Poco::XML::Element*>(n);
  return nullptr;
}

/// An attribute by local name, whatever its prefix ("" when absent).
inline std::string attr(const Poco::XML::Element* e, const std::string& local) {
  if (!e) return {};
  auto* attrs = e->attributes();
  std::string out;
  for (unsigned long i = 0; i < attrs->length(); ++i) {
    auto* a = attrs->item(i);
    if (a->localName() == local || (a->localName().empty() && a->nodeName() == local)) {
      out = a->nodeValue();
      break;
    }
  }
  attrs->release();
  return out;
}

}  // namespace forms::xml
