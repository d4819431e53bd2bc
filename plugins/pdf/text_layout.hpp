// Paragraph text laid out with pango: runs become attributes (never markup,
// so workshop notes cannot inject formatting), lines are measured once and
// can then be drawn one by one across page breaks.
#pragma once

#include <pango/pangocairo.h>

#include <functional>
#include <string>
#include <vector>

#include <sdiag/model/document.hpp>

#include "theme.hpp"

namespace pdf {

class PageFlow;

struct TextStyle {
  double size = theme::body_size;
  bool bold = false;
  bool italic = false;
  Rgb colour = theme::text;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double line_spacing = theme::line_spacing;
};

/// Turns a run's link into a link target for link_area(): a URI as it is,
/// "#anchor" into "dest:<name>", or "" when the anchor is unknown.
using LinkResolver = std::function<std::string(const std::string& link)>;

class TextBlock {
 public:
  TextBlock(PangoContext* pango, const std::vector<sdiag::doc::Run>& runs, const TextStyle& style, double width);
  TextBlock(PangoContext* pango, const std::string& text, const TextStyle& style, double width);
  ~TextBlock();
  TextBlock(TextBlock&& other) noexcept;
  TextBlock(const TextBlock&) = delete;
  TextBlock& operator=(const TextBlock&) = delete;
  TextBlock& operator=(TextBlock&&) = delete;

  int lines() const { return static_cast<int>(tops_.size()); }
  /// Height of lines [from, to).
  double height(int from, int to) const;
  double height() const { return height(0, lines()); }
  /// Width of the widest line.
  double natural_width() const;
  /// Draws lines [from, to) with the top of line `from` at (x, top); adds link areas.
  void draw(const PageFlow& flow, double x, double top, int from, int to, const LinkResolver& links = {}) const;
  void draw(const PageFlow& flow, double x, double top) const { draw(flow, x, top, 0, lines()); }

 private:
  void build(const std::string& text, const TextStyle& style, double width);
  void measure();

  PangoLayout* layout_ = nullptr;
  std::vector<double> tops_, bottoms_, baselines_, lefts_;  // per line, in the layout
  struct Link {
    int start, end;
    std::string target;
  };
  std::vector<Link> links_;
};

}  // namespace pdf
