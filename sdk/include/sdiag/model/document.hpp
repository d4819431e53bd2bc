/// @file sdiag/model/document.hpp
/// The Document: a small presentation tree that layout plugins build and
/// format writers render (as pandoc's AST sits between reader and writer).
///
/// A Document is a flat list of blocks; headings mark where sections start.
///
/// @code
/// sdiag::doc::Document d;
/// d.meta.title = "Service diagnostic";
/// d.blocks.push_back(sdiag::doc::Heading{1, "Contributors", "contributors"});
/// d.blocks.push_back(sdiag::doc::Paragraph::plain("Eight people took part."));
/// @endcode
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace sdiag::doc {

/// A piece of text with one style.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  std::string link;  ///< URL, or "#anchor" for a heading in the document
  bool operator==(const Run&) const = default;
};

/// Paragraph styles every writer knows. Writers treat an unknown style as
/// normal text.
namespace style {
inline constexpr const char* normal = "";
inline constexpr const char* title = "Title";
inline constexpr const char* subtitle = "Subtitle";
inline constexpr const char* caption = "Caption";
inline constexpr const char* quote = "Quote";
inline constexpr const char* note = "Note";  ///< "nothing here yet" remarks
}  // namespace style

struct Paragraph {
  std::vector<Run> runs;
  std::string style;  ///< one of doc::style, "" for body text
  bool operator==(const Paragraph&) const = default;

  static Paragraph plain(std::string text, std::string style = {}) {
    return Paragraph{{Run{std::move(text), false, false, {}}}, std::move(style)};
  }
  /// The text of all runs, joined.
  std::string text() const {
    std::string s;
    for (const auto& r : runs) s += r.text;
    return s;
  }
};

struct Heading {
  int level = 1;     ///< 1..3
  std::string text;
  std::string id;    ///< anchor for links and bookmarks
  bool operator==(const Heading&) const = default;
};

struct ListItem {
  Paragraph content;
  int level = 0;  ///< nesting depth, 0 = top
  bool operator==(const ListItem&) const = default;
};

struct List {
  bool numbered = false;
  std::vector<ListItem> items;
  bool operator==(const List&) const = default;
};

/// A table whose first row is a header (repeated on each page).
struct Table {
  std::vector<Paragraph> header;
  std::vector<std::vector<Paragraph>> rows;
  std::vector<double> widths;  ///< relative column widths; empty = equal
  std::string caption;         ///< short description, also used as summary
  bool operator==(const Table&) const = default;
};

/// A colour as "#rrggbb".
using Colour = std::string;

struct Point {
  double x = 0;
  double y = 0;
  bool operator==(const Point&) const = default;
};

/// One drawing primitive, in points, y pointing down.
struct DrawOp {
  enum class Kind { rect, rounded_rect, ellipse, polygon, bezier, text };
  Kind kind = Kind::rect;
  std::vector<Point> points;  ///< rect/ellipse: top-left, bottom-right; polygon: corners;
                              ///< bezier: start + 3 per segment; text: anchor (centre)
  Colour fill;                ///< "" = none
  Colour stroke;              ///< "" = none
  double line_width = 1;
  bool dashed = false;
  bool arrow_end = false;     ///< bezier: draw an arrowhead at the last point
  std::string text;
  double font_size = 9;
  bool bold = false;
  bool operator==(const DrawOp&) const = default;
};

/// A vector picture: writers draw it (PDF) or rasterise it (DOCX).
struct Drawing {
  double width = 0;   ///< points
  double height = 0;  ///< points
  std::vector<DrawOp> ops;
  bool operator==(const Drawing&) const = default;
};

/// A figure: a drawing or a PNG, always with alt text.
struct Figure {
  Drawing drawing;     ///< used when png is empty
  std::string png;     ///< PNG bytes, optional
  std::string alt;     ///< text alternative, required
  std::string caption; ///< shown under the figure, separate from alt
  std::string id;
  bool operator==(const Figure&) const = default;
};

/// The pages from here on start on a new page; `landscape` turns them (A4
/// landscape) until a page break that does not. Writers that have no pages
/// (Markdown) ignore both.
struct PageBreak {
  bool landscape = false;
  bool operator==(const PageBreak&) const = default;
};

/// Where a table of contents goes; writers fill it from the headings.
struct Contents {
  std::string title = "Contents";
  bool operator==(const Contents&) const = default;
};

using Block = std::variant<Heading, Paragraph, List, Table, Figure, PageBreak, Contents>;

struct DocumentMeta {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string subject;
  std::string organisation;
  std::string date;            ///< ISO date shown on the cover
  std::string language = "en-GB";
  std::vector<std::string> keywords;
  bool operator==(const DocumentMeta&) const = default;
};

struct Document {
  DocumentMeta meta;
  std::vector<Block> blocks;
  bool operator==(const Document&) const = default;
};

}  // namespace sdiag::doc
