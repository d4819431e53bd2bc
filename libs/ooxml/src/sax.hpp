// A streaming (SAX) read of a part, for parts too big to hold as a tree
// (a worksheet), with the same hardening as parse_xml(). Internal to ooxml.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <Poco/SAX/Attributes.h>

namespace sdiag::ooxml::detail {

/// What a read calls back: each element by its local name (namespace-aware),
/// and the text of the document while `text_sink` points somewhere.
struct XmlEvents {
  std::function<void(const std::string& local, const Poco::XML::Attributes&)> on_start;
  std::function<void(const std::string& local)> on_end;
  std::string* text_sink = nullptr;
};

/// @throws sdiag::InputError as parse_xml() does; what the callbacks throw passes through.
void read_xml_events(std::string_view bytes, const std::string& part, XmlEvents& events);

/// The value of the attribute with this local name ("" when absent).
std::string attribute(const Poco::XML::Attributes& attributes, std::string_view local);

}  // namespace sdiag::ooxml::detail
