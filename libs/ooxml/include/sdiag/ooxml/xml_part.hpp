/// @file sdiag/ooxml/xml_part.hpp
/// Writing one OOXML part with Poco's XMLWriter: qualified names ("w:p")
/// as OOXML parts are conventionally written, escaping done by Poco, and
/// text cleaned of what XML 1.0 cannot carry.
/// @code
///   XmlPart x("w:settings", {{"w", ns.w}});
///   x.empty("w:lang", {{"w:val", "en-GB"}});
///   std::string bytes = x.finish();
/// @endcode
#pragma once

#include <initializer_list>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <Poco/XML/XMLWriter.h>

namespace sdiag::ooxml {

/// `s` with everything XML 1.0 forbids removed: control characters other
/// than tab, newline and carriage return, U+FFFE/U+FFFF, and malformed
/// UTF-8 (each bad byte becomes U+FFFD).
std::string xml_safe(std::string_view s);

/// A part's text in the pieces it was written in (up to 1 MiB each): a long
/// report's body is tens of MB, and it is never held twice, neither while it
/// grows nor while it is zipped (PackageWriter::add).
using TextPieces = std::vector<std::string>;

using Attrs = std::initializer_list<std::pair<std::string_view, std::string_view>>;
/// Attributes known only at run time (copied from a reference document).
using AttrList = std::vector<std::pair<std::string, std::string>>;

class XmlPart {
 public:
  /// Starts the part with the XML declaration and the root element, which
  /// declares `namespaces` (prefix, URI).
  XmlPart(std::string_view root, Attrs namespaces, Attrs attrs = {});

  void start(std::string_view name, Attrs attrs = {});
  void end(std::string_view name);
  void empty(std::string_view name, Attrs attrs = {});
  void empty_with(std::string_view name, const AttrList& attrs);
  /// An element holding only text, e.g. <dc:title>…</dc:title>.
  void element(std::string_view name, std::string_view text, Attrs attrs = {});
  void text(std::string_view s);

  /// Closes the root and returns the part's bytes.
  std::string finish();
  /// Closes the root and returns the part's bytes in pieces, for a part that may be long.
  TextPieces finish_pieces();

 private:
  /// Appends what is written to the last piece, starting a new one when it is full.
  class PieceBuffer : public std::streambuf {
   public:
    TextPieces take() { return std::move(pieces_); }

   protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int_type overflow(int_type c) override;

   private:
    TextPieces pieces_;
  };

  PieceBuffer buffer_;
  std::ostream out_{&buffer_};
  Poco::XML::XMLWriter writer_;
  std::string root_;
};

}  // namespace sdiag::ooxml
