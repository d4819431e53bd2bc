// Namespace URIs, relationship types and content types of a WordprocessingML package.
#pragma once

namespace docx::ns {

inline constexpr const char* w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
inline constexpr const char* a = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
inline constexpr const char* package_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* content_types = "http://schemas.openxmlformats.org/package/2006/content-types";

}  // namespace docx::ns

namespace docx::rel {

inline constexpr const char* office_document =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
inline constexpr const char* core_properties =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
inline constexpr const char* extended_properties =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
inline constexpr const char* styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
inline constexpr const char* numbering = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
inline constexpr const char* settings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
inline constexpr const char* theme = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";
inline constexpr const char* font_table = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
inline constexpr const char* header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
inline constexpr const char* footer = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
inline constexpr const char* hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
inline constexpr const char* image = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

}  // namespace docx::rel

namespace docx::content_type {

inline constexpr const char* relationships = "application/vnd.openxmlformats-package.relationships+xml";
inline constexpr const char* document =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
inline constexpr const char* styles = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
inline constexpr const char* numbering = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
inline constexpr const char* settings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
inline constexpr const char* font_table = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
inline constexpr const char* theme = "application/vnd.openxmlformats-officedocument.theme+xml";
inline constexpr const char* header = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
inline constexpr const char* footer = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
inline constexpr const char* core = "application/vnd.openxmlformats-package.core-properties+xml";
inline constexpr const char* app = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
inline constexpr const char* png = "image/png";

}  // namespace docx::content_type
