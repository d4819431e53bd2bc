// Paragraph text laid out with pango: runs become attributes (never markup,
// so workshop notes cannot inject formatting), lines are measured once and
// can then be drawn one by one across page breaks.
//
// Shaping is most of the cost of a PDF, and the same text is asked for many
// times: by both passes, by the look-ahead that keeps a heading with what
// follows it, and for every list label and page footer. So a laid-out text
// is shared: TextBlocks with equal text, style and width share one shaped
// text, kept in a cache that belongs to the PangoContext. A shaped text keeps
// its lines' measures and what drawing needs (GlyphLines), not the pango
// layout, which is about three times the size. The cache is bounded
// (kTextCacheBudget): a report of a hundred workshops (some 900 pages) fits
// in it; in a longer one the texts past the budget are laid out again when
// the drawing pass reaches them.
#pragma once

#include <pango/pangocairo.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <sdiag/model/document.hpp>

#include "theme.hpp"

namespace sdiag::pdf {

class PageFlow;

struct TextStyle {
  double size = theme::look.body_size;
  bool bold = false;
  bool italic = false;
  Rgb colour = theme::look.pdf.text;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double line_spacing = theme::look.line_spacing;
};

/// Turns a run's link into a link target for link_area(): a URI as it is,
/// "#anchor" into "dest:<name>", or "" when the anchor is unknown.
using LinkResolver = std::function<std::string(const std::string& link)>;

/// Bytes of shaped text the cache keeps per PangoContext.
inline constexpr std::size_t kTextCacheBudget = 40u << 20;

/// Sets the theme's font at `size` points, bold and italic as asked, on
/// `layout`: the one place a text's font is chosen, so the warm-up loads
/// exactly the fonts the render asks for.
void set_theme_font(PangoLayout* layout, double size, bool bold, bool italic);

/// Drops the context's cache. Its layouts hold references to the context,
/// so without this the context and every layout would outlive the render.
void release_text_cache(PangoContext* pango);

class TextBlock {
 public:
  TextBlock(PangoContext* pango, const std::vector<sdiag::doc::Run>& runs, const TextStyle& style, double width);
  TextBlock(PangoContext* pango, const std::string& text, const TextStyle& style, double width);

  int lines() const;
  /// Height of lines [from, to).
  double height(int from, int to) const;
  double height() const { return height(0, lines()); }
  /// Width of the widest line.
  double natural_width() const;
  /// Draws lines [from, to) with the top of line `from` at (x, top); adds link areas.
  void draw(const PageFlow& flow, double x, double top, int from, int to, const LinkResolver& links = {}) const;
  void draw(const PageFlow& flow, double x, double top) const { draw(flow, x, top, 0, lines()); }

  /// A laid-out text and its line measurements; immutable once made.
  struct Shaped;

 private:
  std::shared_ptr<const Shaped> shaped_;
};

}  // namespace sdiag::pdf
