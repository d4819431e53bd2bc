/// @file sdiag/render/word_styles.hpp
/// A DOCX's styles.xml as data: the report's styles and the capture form's
/// are two StyleSheets built from the theme, and styles_xml() is the one
/// place that writes either as WordprocessingML.
///
/// @code
/// auto sheet = sdiag::render::report_styles(sdiag::render::report_theme, 9298);
/// package.add("word/styles.xml", sdiag::render::styles_xml(sheet), content_type::styles);
/// @endcode
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "theme.hpp"

namespace sdiag::render {

/// A single line on one side of a paragraph, table or cell ("w:bottom", "w:insideH"…).
struct Border {
  const char* side;
  int eighths;      ///< width in eighths of a point (w:sz)
  int space;        ///< gap to the text in points
  Rgb colour;
};

struct Tab {
  const char* align;             ///< "left", "center", "right"
  int position;                  ///< twentieths of a point from the left margin
  const char* leader = nullptr;  ///< "dot", or none
};

/// Twentieths of a point, except `line`: 240ths of a line (w:lineRule auto).
struct Spacing {
  std::optional<int> before, after, line;
};

struct ParagraphProps {
  bool keep_next = false;
  bool keep_lines = false;
  std::vector<Border> borders;
  std::optional<Rgb> shading;
  std::vector<Tab> tabs;
  std::optional<Spacing> spacing;
  std::optional<int> indent_left, indent_right;  ///< twentieths of a point
  bool contextual_spacing = false;
  const char* justify = nullptr;       ///< "center"…, or none
  std::optional<int> outline_level;    ///< 0 = heading 1; 9 = none
};

struct RunProps {
  bool bold = false;
  bool italic = false;
  std::optional<Rgb> colour;
  std::optional<int> kern;       ///< kerning from this size, in half-points
  std::optional<double> size;    ///< points
  bool underline = false;
};

struct TableProps {
  std::optional<int> indent;                           ///< twentieths of a point
  std::vector<Border> borders;
  std::vector<std::pair<const char*, int>> cell_margins;  ///< side ("w:left"…), twentieths of a point
};

/// How a table style draws the first row.
struct HeaderRow {
  RunProps run;
  Rgb fill;
};

struct Style {
  const char* type;  ///< "paragraph", "character", "table", "numbering"
  const char* id;
  const char* name;
  const char* based_on = nullptr;
  const char* next = nullptr;
  bool is_default = false;
  std::optional<int> ui_priority;
  bool semi_hidden = false;
  bool quick = true;  ///< listed in Word's style gallery (w:qFormat)
  ParagraphProps paragraph;
  RunProps run;
  std::optional<TableProps> table;
  std::optional<HeaderRow> header_row;
};

/// What every paragraph and run has unless a style says otherwise.
struct DocDefaults {
  const char* font;
  double size;           ///< points
  const char* language;
  Spacing spacing;
};

struct StyleSheet {
  DocDefaults defaults;
  std::vector<Style> styles;
};

/// The report's house style (used when no reference DOCX is given, and to
/// fill in the styles a reference lacks). `text_width` is the width between
/// the page margins in twentieths of a point (where right tabs stop).
StyleSheet report_styles(const Theme& theme, int text_width);

/// The blank capture form's styles and the names its reader relies on.
namespace form_style {
/// A style's id (what paragraphs refer to) and its name (what Word shows,
/// and what LibreOffice keeps when it renames an id).
struct Ref {
  const char* id;
  const char* name;
};
inline constexpr Ref title{"Title", "Title"}, heading1{"Heading1", "heading 1"}, heading2{"Heading2", "heading 2"};
/// The form's instructions: the reader skips paragraphs in this style.
inline constexpr Ref guidance{"FormGuidance", "Form Guidance"};
inline constexpr Ref answer{"FormAnswer", "Form Answer"}, placeholder{"PlaceholderText", "Placeholder Text"};
inline constexpr Ref table{"TableGrid", "Table Grid"};
}  // namespace form_style

/// The capture form's styles: the report's font and heading colour, real
/// Title and Heading 1/2 styles (with outline levels, so Word's navigation
/// pane and PDF bookmarks work), the guidance style, Word's placeholder
/// text style and a bordered table style.
StyleSheet form_styles(const Theme& theme);

/// The sheet as word/styles.xml.
std::string styles_xml(const StyleSheet& sheet);

}  // namespace sdiag::render
