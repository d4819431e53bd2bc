#include <sdiag/ooxml/xml_part.hpp>

#include <algorithm>

#include <Poco/SAX/AttributesImpl.h>
#include <Poco/UTF8Encoding.h>

namespace sdiag::ooxml {

namespace {

bool allowed_in_xml(int cp) {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

Poco::XML::AttributesImpl to_attributes(Attrs attrs) {
  Poco::XML::AttributesImpl a;
  for (const auto& [name, value] : attrs) a.addAttribute("", "", std::string(name), "CDATA", xml_safe(value));
  return a;
}

}  // namespace

std::string xml_safe(std::string_view s) {
  static const Poco::UTF8Encoding utf8;
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    if (p[i] < 0x80) {  // ASCII: the common case, no decoding needed
      if (allowed_in_xml(p[i])) out += static_cast<char>(p[i]);
      ++i;
      continue;
    }
    int left = static_cast<int>(std::min<std::size_t>(s.size() - i, 4));
    int length = utf8.sequenceLength(p + i, left);
    int cp = length > 0 && length <= left && Poco::UTF8Encoding::isLegal(p + i, length) ? utf8.queryConvert(p + i, length)
                                                                                          : -1;
    if (cp < 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (allowed_in_xml(cp)) out.append(s.substr(i, static_cast<std::size_t>(length)));
    i += static_cast<std::size_t>(length);
  }
  return out;
}

XmlPart::XmlPart(std::string_view root, Attrs namespaces, Attrs attrs)
    // No text encoding: the text is UTF-8 already (xml_safe), and Poco then
    // writes straight to the stream instead of converting character by character.
    : writer_(out_, Poco::XML::XMLWriter::WRITE_XML_DECLARATION, "UTF-8", nullptr), root_(root) {
  writer_.startDocument();
  // Namespaces are declared as ordinary attributes of the root: every
  // element below is written by its qualified name.
  Poco::XML::AttributesImpl a;
  for (const auto& [prefix, uri] : namespaces)
    a.addAttribute("", "", prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix), "CDATA",
                   std::string(uri));
  for (const auto& [name, value] : attrs) a.addAttribute("", "", std::string(name), "CDATA", xml_safe(value));
  writer_.startElement("", "", root_, a);
}

void XmlPart::start(std::string_view name, Attrs attrs) {
  writer_.startElement("", "", std::string(name), to_attributes(attrs));
}

void XmlPart::end(std::string_view name) { writer_.endElement("", "", std::string(name)); }

void XmlPart::empty(std::string_view name, Attrs attrs) {
  writer_.emptyElement("", "", std::string(name), to_attributes(attrs));
}

void XmlPart::empty_with(std::string_view name, const AttrList& attrs) {
  Poco::XML::AttributesImpl a;
  for (const auto& [n, v] : attrs) a.addAttribute("", "", n, "CDATA", xml_safe(v));
  writer_.emptyElement("", "", std::string(name), a);
}

void XmlPart::element(std::string_view name, std::string_view text, Attrs attrs) {
  start(name, attrs);
  this->text(text);
  end(name);
}

void XmlPart::text(std::string_view s) {
  auto safe = xml_safe(s);
  if (!safe.empty()) writer_.characters(safe);
}

std::streamsize XmlPart::PieceBuffer::xsputn(const char* s, std::streamsize n) {
  constexpr std::size_t piece_size = std::size_t{1} << 20;
  for (auto left = static_cast<std::size_t>(n); left > 0;) {
    if (pieces_.empty() || pieces_.back().size() >= piece_size) pieces_.emplace_back();
    auto& piece = pieces_.back();
    const auto k = std::min(left, piece_size - piece.size());
    piece.append(s, k);
    s += k;
    left -= k;
  }
  return n;
}

XmlPart::PieceBuffer::int_type XmlPart::PieceBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  xsputn(&ch, 1);
  return c;
}

TextPieces XmlPart::finish_pieces() {
  writer_.endElement("", "", root_);
  writer_.endDocument();
  out_.flush();
  return buffer_.take();
}

std::string XmlPart::finish() {
  auto pieces = finish_pieces();
  if (pieces.size() == 1) return std::move(pieces.front());
  std::string joined;
  for (auto& piece : pieces) {
    joined += piece;
    piece = {};
  }
  return joined;
}

}  // namespace sdiag::ooxml
