#include <sdiag/ooxml/xml.hpp>

#include <sstream>

#include <Poco/DOM/DOMBuilder.h>
#include <Poco/DOM/DOMWriter.h>
#include <Poco/Exception.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/EntityResolver.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/XML/XMLWriter.h>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>

#include "sax.hpp"

namespace sdiag::ooxml {

namespace {

using Poco::XML::XMLChar;
using Poco::XML::XMLString;

/// What every read of a part enforces, called from the parser's own events:
/// expat reports a DOCTYPE and each element in UTF-16 as in UTF-8.
class Guard {
 public:
  explicit Guard(const std::string& part) : part_(part) {}

  void enter() {
    if (++depth_ > limits::max_xml_depth)
      throw InputError("the XML of " + part_ + " is nested more than " + std::to_string(limits::max_xml_depth) +
                           " elements deep (the limit); not read",
                       part_);
  }
  void leave() { --depth_; }
  [[noreturn]] void doctype() const {
    throw InputError(part_ + " declares a DOCTYPE, which Office files never do; the file may be crafted to attack "
                             "XML readers, so it was not read",
                     part_);
  }

 private:
  const std::string& part_;
  int depth_ = 0;
};

/// Refuses every external entity, whatever the parser's features say.
class RefuseEntities : public Poco::XML::EntityResolver {
 public:
  Poco::XML::InputSource* resolveEntity(const XMLString*, const XMLString& system_id) override {
    throw Poco::XML::SAXException("external entity '" + system_id + "' refused");
  }
  void releaseInputSource(Poco::XML::InputSource*) override {}
};

void harden(Poco::XML::SAXParser& parser, RefuseEntities& refuse) {
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setEntityResolver(&refuse);
}

/// Poco's DOM builder, with the guard on its element and DTD events.
class GuardedBuilder : public Poco::XML::DOMBuilder {
 public:
  GuardedBuilder(Poco::XML::XMLReader& reader, Guard& guard) : DOMBuilder(reader), guard_(guard) {}

 protected:
  void startElement(const XMLString& uri, const XMLString& local, const XMLString& qname,
                    const Poco::XML::Attributes& attributes) override {
    guard_.enter();
    DOMBuilder::startElement(uri, local, qname, attributes);
  }
  void endElement(const XMLString& uri, const XMLString& local, const XMLString& qname) override {
    guard_.leave();
    DOMBuilder::endElement(uri, local, qname);
  }
  void startDTD(const XMLString&, const XMLString&, const XMLString&) override { guard_.doctype(); }

 private:
  Guard& guard_;
};

/// The SAX side: the guard, then the caller's events.
class GuardedEvents : public Poco::XML::DefaultHandler, public Poco::XML::LexicalHandler {
 public:
  GuardedEvents(Guard& guard, detail::XmlEvents& events) : guard_(guard), events_(events) {}

  void startElement(const XMLString&, const XMLString& local, const XMLString&,
                    const Poco::XML::Attributes& attributes) override {
    guard_.enter();
    if (events_.on_start) events_.on_start(local, attributes);
  }
  void endElement(const XMLString&, const XMLString& local, const XMLString&) override {
    guard_.leave();
    if (events_.on_end) events_.on_end(local);
  }
  void characters(const XMLChar ch[], int start, int length) override {
    if (events_.text_sink) events_.text_sink->append(ch + start, static_cast<std::size_t>(length));
  }
  void startDTD(const XMLString&, const XMLString&, const XMLString&) override { guard_.doctype(); }
  void endDTD() override {}
  void startEntity(const XMLString&) override {}
  void endEntity(const XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const XMLChar[], int, int) override {}

 private:
  Guard& guard_;
  detail::XmlEvents& events_;
};

/// Runs a parse; what the parser finds wrong becomes an InputError naming the part.
template <class Parse>
auto reporting(const std::string& part, Parse&& parse) {
  try {
    return parse();
  } catch (const InputError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw InputError(part + " is not well-formed XML (" + e.displayText() + ")", part);
  }
}

}  // namespace

Poco::AutoPtr<Poco::XML::Document> parse_xml(std::string_view bytes, const std::string& part, Names names) {
  Guard guard(part);
  RefuseEntities refuse;
  Poco::XML::SAXParser parser;
  harden(parser, refuse);
  // As Poco's DOMParser sets them; without namespaces, elements keep their qualified names.
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, names == Names::local);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACE_PREFIXES, true);
  GuardedBuilder builder(parser, guard);
  return reporting(part, [&] {
    return Poco::AutoPtr<Poco::XML::Document>(builder.parseMemoryNP(bytes.data(), bytes.size()));
  });
}

std::string serialise(const Poco::XML::Document* document) {
  std::ostringstream out;
  Poco::XML::DOMWriter writer;
  writer.setOptions(Poco::XML::XMLWriter::WRITE_XML_DECLARATION);
  writer.writeNode(out, document);
  return std::move(out).str();
}

namespace detail {

void read_xml_events(std::string_view bytes, const std::string& part, XmlEvents& events) {
  Guard guard(part);
  RefuseEntities refuse;
  Poco::XML::SAXParser parser;
  harden(parser, refuse);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  GuardedEvents handler(guard, events);
  parser.setContentHandler(&handler);
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER, static_cast<Poco::XML::LexicalHandler*>(&handler));
  reporting(part, [&] { parser.parseMemoryNP(bytes.data(), bytes.size()); });
}

std::string attribute(const Poco::XML::Attributes& attributes, std::string_view local) {
  for (int i = 0; i < attributes.getLength(); ++i)
    if (attributes.getLocalName(i) == local) return attributes.getValue(i);
  return {};
}

}  // namespace detail

}  // namespace sdiag::ooxml
