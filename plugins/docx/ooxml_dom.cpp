#include "ooxml_dom.hpp"

#include <sstream>
#include <stdexcept>

#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/DOMWriter.h>
#include <Poco/DOM/NamedNodeMap.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/SAX/EntityResolver.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/XMLReader.h>
#include <Poco/XML/XMLWriter.h>

namespace docx::dom {

namespace {

/// Refuses every external entity, whatever the parser's features say.
class NoEntities : public Poco::XML::EntityResolver {
 public:
  Poco::XML::InputSource* resolveEntity(const Poco::XML::XMLString*, const Poco::XML::XMLString& system_id) override {
    throw Poco::XML::SAXException("external entity refused: " + system_id);
  }
  void releaseInputSource(Poco::XML::InputSource*) override {}
};

}  // namespace

Poco::AutoPtr<Poco::XML::Document> parse(const std::string& bytes, const std::string& part) {
  // OOXML parts never carry a DTD; one here can only be an attack (entity expansion).
  if (bytes.find("<!DOCTYPE") != std::string::npos || bytes.find("<!ENTITY") != std::string::npos)
    throw std::runtime_error(part + ": a DTD is not allowed in an OOXML part");
  NoEntities no_entities;
  Poco::XML::DOMParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setEntityResolver(&no_entities);
  try {
    return Poco::AutoPtr<Poco::XML::Document>(parser.parseString(bytes));
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(part + ": not well-formed XML (" + e.displayText() + ")");
  }
}

std::string serialise(Poco::XML::Document* document) {
  std::ostringstream out;
  Poco::XML::DOMWriter writer;
  writer.setOptions(Poco::XML::XMLWriter::WRITE_XML_DECLARATION);
  writer.writeNode(out, document);
  return out.str();
}

std::vector<Poco::XML::Element*> children(Poco::XML::Node* parent, const std::string& qname) {
  std::vector<Poco::XML::Element*> out;
  if (!parent) return out;
  for (auto* n = parent->firstChild(); n; n = n->nextSibling())
    if (n->nodeType() == Poco::XML::Node::ELEMENT_NODE && (qname.empty() || n->nodeName() == qname))
      out.push_back(static_cast<Poco::XML::Element*>(n));
  return out;
}

Poco::XML::Element* first_child(Poco::XML::Node* parent, const std::string& qname) {
  auto c = children(parent, qname);
  return c.empty() ? nullptr : c.front();
}

std::vector<Relationship> relationships(const std::string& rels_bytes, const std::string& part) {
  auto doc = parse(rels_bytes, part);
  std::vector<Relationship> out;
  for (auto* e : children(doc->documentElement(), "Relationship"))
    out.push_back({e->getAttribute("Id"), e->getAttribute("Type"), e->getAttribute("Target"),
                   e->getAttribute("TargetMode") == "External"});
  return out;
}

std::string rels_name(const std::string& part) {
  auto slash = part.rfind('/');
  if (slash == std::string::npos) return "_rels/" + part + ".rels";
  return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

std::optional<std::string> resolve(const std::string& source, const std::string& target) {
  if (target.empty()) return std::nullopt;
  std::string path = target[0] == '/' ? target.substr(1)
                                      : source.substr(0, source.rfind('/') == std::string::npos ? 0 : source.rfind('/') + 1) + target;
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

}  // namespace docx::dom
