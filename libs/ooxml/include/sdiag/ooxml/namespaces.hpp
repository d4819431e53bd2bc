/// @file sdiag/ooxml/namespaces.hpp
/// The names an OOXML package is written with: the namespace URIs of its
/// parts, and for each kind of part the type of the relationship that points
/// at it and its content type, side by side. (The package's own names, for
/// [Content_Types].xml and .rels parts, are PackageWriter's business.)
/// @code
///   XmlPart x("w:document", {{"w", ns.w}, {"r", ns.r}});
///   rels.add(part::styles.relationship, "styles.xml");
///   package.add("word/styles.xml", styles_xml, part::styles.content_type);
/// @endcode
#pragma once

namespace sdiag::ooxml {

/// The namespace URIs of the parts' elements, by their conventional prefix.
struct Namespaces {
  const char* w;    ///< WordprocessingML
  const char* r;    ///< relationship ids (r:id) in WordprocessingML
  const char* wp;   ///< DrawingML: a picture placed in a document
  const char* a;    ///< DrawingML
  const char* pic;  ///< DrawingML pictures
};
inline constexpr Namespaces ns{
    .w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    .r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    .wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    .a = "http://schemas.openxmlformats.org/drawingml/2006/main",
    .pic = "http://schemas.openxmlformats.org/drawingml/2006/picture",
};

/// A vocabulary a part's root element must belong to: its name for messages
/// and its namespace URIs, as ECMA-376 (transitional) and as ISO/IEC 29500
/// Strict (Word's "Strict Open XML Document") write it.
struct Vocabulary {
  const char* name;
  const char* transitional;
  const char* strict;
};
inline constexpr Vocabulary wordprocessingml{"WordprocessingML", ns.w,
                                             "http://purl.oclc.org/ooxml/wordprocessingml/main"};

/// A kind of part: how a relationship names it, and its content type.
struct PartType {
  const char* relationship;
  const char* content_type;
};

namespace part {
#define SDIAG_OOXML_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define SDIAG_OOXML_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."
inline constexpr PartType document{SDIAG_OOXML_REL "officeDocument", SDIAG_OOXML_WML "document.main+xml"};
inline constexpr PartType styles{SDIAG_OOXML_REL "styles", SDIAG_OOXML_WML "styles+xml"};
inline constexpr PartType numbering{SDIAG_OOXML_REL "numbering", SDIAG_OOXML_WML "numbering+xml"};
inline constexpr PartType settings{SDIAG_OOXML_REL "settings", SDIAG_OOXML_WML "settings+xml"};
inline constexpr PartType font_table{SDIAG_OOXML_REL "fontTable", SDIAG_OOXML_WML "fontTable+xml"};
inline constexpr PartType header{SDIAG_OOXML_REL "header", SDIAG_OOXML_WML "header+xml"};
inline constexpr PartType footer{SDIAG_OOXML_REL "footer", SDIAG_OOXML_WML "footer+xml"};
inline constexpr PartType theme{SDIAG_OOXML_REL "theme", "application/vnd.openxmlformats-officedocument.theme+xml"};
inline constexpr PartType app_properties{SDIAG_OOXML_REL "extended-properties",
                                         "application/vnd.openxmlformats-officedocument.extended-properties+xml"};
inline constexpr PartType core_properties{
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    "application/vnd.openxmlformats-package.core-properties+xml"};
/// Pictures take their content type from their extension (PackageWriter::add_default).
inline constexpr PartType image{SDIAG_OOXML_REL "image", "image/png"};
/// Links leave the package: they have no part.
inline constexpr PartType hyperlink{SDIAG_OOXML_REL "hyperlink", nullptr};
#undef SDIAG_OOXML_WML
#undef SDIAG_OOXML_REL
}  // namespace part

/// The content type of every .rels part.
inline constexpr const char* relationships_content_type = "application/vnd.openxmlformats-package.relationships+xml";

}  // namespace sdiag::ooxml
