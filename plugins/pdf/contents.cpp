// The table of contents: heading titles (levels 1 and 2) with dotted leaders
// and page numbers, each entry a link to its heading. Page numbers come from
// the measuring pass; their column has a fixed width, so both passes lay the
// entries out alike.
#include <algorithm>
#include <cmath>

#include "blocks.hpp"
#include "tags.hpp"

namespace sdiag::pdf {

namespace {
constexpr double kNumberColumn = 36;
constexpr double kLevelIndent = 16;
constexpr int kDeepest = 2;
}  // namespace

void render_contents(RenderContext& rc, const sdiag::doc::Contents& contents) {
  auto& flow = rc.flow;
  TextStyle title_style;
  title_style.size = theme::look.pdf.heading_size[0];
  title_style.bold = true;
  title_style.colour = theme::look.heading;
  TextBlock title(flow.pango(), contents.title.empty() ? "Contents" : contents.title, title_style,
                  theme::content_width);
  flow.gap(theme::heading_before[0]);
  flow.ensure(title.height() * 3);
  {
    Tag t(flow, "P");
    title.draw(flow, theme::margin_x, flow.y());
  }
  flow.advance(title.height() + 12);

  Tag toc(flow, "TOC");
  for (const auto& entry : rc.headings) {
    if (entry.level > kDeepest) continue;
    const double indent = (entry.level - 1) * kLevelIndent;
    TextStyle style;
    style.bold = entry.level == 1;
    TextBlock text(flow.pango(), entry.text, style, theme::content_width - indent - kNumberColumn - 12);
    style.align = PANGO_ALIGN_RIGHT;
    TextBlock number(flow.pango(), std::to_string(entry.page), style, kNumberColumn);
    const double gap_before = entry.level == 1 ? 5 : 1;
    flow.gap(gap_before);
    flow.ensure(text.height());
    const double top = flow.y();
    Tag item(flow, "TOCI");
    text.draw(flow, theme::margin_x + indent, top);
    number.draw(flow, theme::margin_x + theme::content_width - kNumberColumn, top + text.height() - number.height());
    if (cairo_t* cr = flow.cr()) {
      // Dotted leader from the end of the title's last line to the number.
      const double base = top + text.height() - 4;
      const double from = theme::margin_x + indent + std::min(text.natural_width(), theme::content_width) + 6;
      const double to = theme::margin_x + theme::content_width - number.natural_width() - 6;
      if (to > from && text.lines() == 1) {
        // Square dots (butt-capped dashes): cairo works out the extent of a
        // stroke by tessellating it, and a round cap on every dot made the
        // contents page cost as much as several pages of text.
        const double dots[] = {0.9, 2.6};
        cairo_set_source_rgb(cr, theme::look.pdf.muted.r, theme::look.pdf.muted.g, theme::look.pdf.muted.b);
        cairo_set_line_width(cr, 0.9);
        cairo_set_dash(cr, dots, 2, std::fmod(from, dots[0] + dots[1]));  // dots line up from row to row
        cairo_move_to(cr, from, base);
        cairo_line_to(cr, to, base);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
      }
    }
    link_area(flow, "dest:" + entry.dest, theme::margin_x + indent, top, theme::content_width - indent, text.height());
    flow.advance(text.height());
  }
  flow.advance(theme::look.paragraph_after);
}

}  // namespace sdiag::pdf
