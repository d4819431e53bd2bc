/// @file sdiag/ooxml/xml.hpp
/// The one hardened parse of an XML part from a user's file, with Poco. The
/// parser itself, not a search of the bytes, refuses what OOXML never has,
/// so a part in UTF-16 gets no further than one in UTF-8:
/// - a DOCTYPE (where entity bombs and external entities are declared);
/// - external entities (never resolved, never read);
/// - elements nested deeper than sdiag::limits::max_xml_depth (the tree
///   walks that follow recurse).
/// @code
///   auto doc = sdiag::ooxml::parse_xml(bytes, "word/styles.xml", sdiag::ooxml::Names::qualified);
///   std::string back = sdiag::ooxml::serialise(doc);
/// @endcode
#pragma once

#include <string>
#include <string_view>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/Document.h>

namespace sdiag::ooxml {

/// How the tree names its elements and attributes.
enum class Names {
  /// Namespace-aware: the helpers of dom.hpp find "p" whatever its prefix.
  local,
  /// As written ("w:p"), every xmlns attribute kept as an attribute: for a
  /// part that is changed and written back, declarations and all.
  qualified,
};

/// @throws sdiag::InputError naming `part` when it is not well-formed XML,
/// declares a DOCTYPE or nests too deeply.
Poco::AutoPtr<Poco::XML::Document> parse_xml(std::string_view bytes, const std::string& part, Names names = Names::local);

/// The document as UTF-8 XML, with an XML declaration.
std::string serialise(const Poco::XML::Document* document);

}  // namespace sdiag::ooxml
