// A laid-out text's lines as cairo draws them, without the pango layout.
//
// A PangoLayout keeps everything pango needs to answer any question about
// its text (attributes, items, per-character break data) at some thirty
// bytes a character; drawing needs only the glyphs, their places, their
// fonts and colours, and the text and clusters that make the PDF's text
// searchable and copyable. Kept in this form, about three times as many laid-out texts fit in
// the text cache, so the drawing pass of a long report shapes far fewer
// texts again. The lines are drawn as pango's cairo renderer draws them
// (pango_cairo_show_layout_line): the same glyph positions, colours, text and
// clusters; a link's underline is drawn in the link's colour.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sdiag::pdf {

class GlyphLines {
 public:
  GlyphLines() = default;
  GlyphLines(const GlyphLines&) = delete;
  GlyphLines& operator=(const GlyphLines&) = delete;
  ~GlyphLines();

  /// Copies what drawing needs from every line of `layout`. False, with
  /// nothing kept, when a line holds what only pango can draw: a glyph no font
  /// has (pango draws its code in a box) or a look sdiag never asks for.
  bool copy(PangoLayout* layout);

  /// Draws line `line` with its origin (the left end of its baseline) at (x, baseline).
  void draw_line(cairo_t* cr, int line, double x, double baseline) const;

  /// Bytes held, for the text cache's budget.
  std::size_t bytes() const;

 private:
  struct Glyph {
    std::uint32_t index;
    std::int32_t x;  // pango units from the run's origin
  };
  struct Run {
    cairo_scaled_font_t* font;  // a reference of our own
    PangoColor colour;
    bool coloured;  // else drawn in the caller's colour
    // Clusters (bytes of text to glyphs) for cairo_show_text_glyphs: none
    // kept when each is one byte and one glyph, as in most text.
    bool one_to_one;
    bool backward;
    bool underlined;
    std::int32_t x, y;  // the run's origin, pango units from the line's
    std::uint32_t first_glyph, glyph_count;
    std::uint32_t text_start, text_length;
    std::uint32_t first_cluster, cluster_count;
  };
  // A link's underline, pango units from the line's origin.
  struct Underline {
    std::uint32_t run;
    std::int32_t x, y, width, height;
  };

  void clear();

  std::string text_;
  std::vector<Run> runs_;
  std::vector<std::uint32_t> line_starts_;  // the first run of each line, then the number of runs
  std::vector<Glyph> glyphs_;
  std::vector<std::int32_t> glyph_rises_;  // each glyph's y offset; empty when all are 0, as they nearly always are
  std::vector<cairo_text_cluster_t> clusters_;
  std::vector<Underline> underlines_;  // in the order of their runs
};

}  // namespace sdiag::pdf
