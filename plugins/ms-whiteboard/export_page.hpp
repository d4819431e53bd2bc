// The page inside a Microsoft Whiteboard export. Whiteboard (web and Teams)
// exports a board as a ZIP of two files: `<board>.html`, the page its web
// client draws the board with, and `<board>-comments.json`. The page holds the
// only description of the board: in `#canvasContent`, one `div.anchor` per
// object with its type in `data-whiteboard-type`, placed at `left`/`top` in
// canvas pixels and moved, scaled or turned by an inline CSS `matrix()`; text
// is a Draft.js editor (`div[data-block]` lines of `span[data-text]`). The
// format is not documented by Microsoft: README "Microsoft Whiteboard" says
// where what is read here was established.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sdiag::ms_whiteboard {

/// A box on the canvas, in canvas pixels, y down.
struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;
  double width() const { return right - left; }
  double height() const { return bottom - top; }
  double area() const { return width() * height(); }
  double centre_x() const { return (left + right) / 2; }
  double centre_y() const { return (top + bottom) / 2; }
  bool holds(double x, double y) const { return x >= left && x <= right && y >= top && y <= bottom; }
};

struct Object {
  enum class Kind { note, text, shape, grid };
  Kind kind = Kind::note;
  std::string type;    ///< the page's data-whiteboard-type ("Note", "PlainText", ...)
  std::string ref;     ///< the object's data-apikey, or "object N" (and "note M" in a grid)
  std::string text;    ///< lines joined with '\n', trimmed; a grid's title
  std::string colour;  ///< a note's colour as #rrggbb, "" when not known
  Box box;
};

struct ExportPage {
  std::string title;             ///< the page's <title>, "" when none
  std::vector<Object> objects;   ///< in drawing order, a grid's notes after the grid
  std::map<std::string, int> not_read;  ///< objects with no text sdiag reads (ink, pictures...), by type
  /// Objects the page's text names that the parser did not reach (a damaged page,
  /// or one nested deeper than the parser's limit): reported, never lost unsaid.
  int unreachable = 0;
};

/// Reads the page. @throws sdiag::InputError when it holds no Whiteboard canvas.
ExportPage read_export_page(std::string_view html);

/// Whether `html` (its first few KB are enough) is a Whiteboard export's page.
bool looks_like_export_page(std::string_view html);

}  // namespace sdiag::ms_whiteboard
