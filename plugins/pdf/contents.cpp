// The table of contents: heading titles (levels 1 and 2) with dotted leaders
// and page numbers, each entry a link to its heading. Page numbers come from
// the measuring pass; their column has a fixed width, so both passes lay the
// entries out alike.
//
// Contents just over a page would leave a page holding a line or two: they
// are set closer (less space between groups, then a smaller size) when that
// keeps them on one page, and else break early enough that the next page
// carries a fair share of the entries.
#include <algorithm>
#include <cmath>
#include <vector>

#include "blocks.hpp"
#include "tags.hpp"

namespace sdiag::pdf {

namespace {
constexpr double kNumberColumn = 36;
constexpr double kLevelIndent = 16;
constexpr int kDeepest = 2;
/// Entries the last page of a contents longer than a page carries at least.
constexpr std::size_t kFewestCarriedOver = 8;

/// How closely the entries are set: the report's own look first, then closer.
struct Density {
  double size;
  double group_gap;  ///< above a level-1 entry
};
constexpr Density kDensities[] = {{theme::look.body_size, 5}, {theme::look.body_size, 1}, {theme::look.table_size, 1}};

struct Entry {
  const HeadingEntry* heading;
  TextBlock text, number;
  double gap_before;
};

std::vector<Entry> lay_out_entries(RenderContext& rc, const Density& density) {
  std::vector<Entry> out;
  for (const auto& entry : rc.headings) {
    if (entry.level > kDeepest) continue;
    const double indent = (entry.level - 1) * kLevelIndent;
    TextStyle style;
    style.size = density.size;
    style.bold = entry.level == 1;
    TextBlock text(rc.flow.pango(), entry.text, style, rc.flow.content_width() - indent - kNumberColumn - 12);
    style.align = PANGO_ALIGN_RIGHT;
    TextBlock number(rc.flow.pango(), std::to_string(entry.page), style, kNumberColumn);
    out.push_back({&entry, std::move(text), std::move(number), entry.level == 1 ? density.group_gap : 1});
  }
  return out;
}

double total_height(const std::vector<Entry>& entries) {
  double h = 0;
  for (const auto& e : entries) h += e.gap_before + e.text.height();
  return h;
}

// The entry before which the contents break to the next page: where they stop
// fitting, moved up so that at least kFewestCarriedOver entries go over (or
// none, when they all fit). Pages after the second are not balanced.
std::size_t first_carried_over(const std::vector<Entry>& entries, double space) {
  double y = 0;
  std::size_t i = 0;
  for (; i < entries.size(); ++i) {
    const double next = y + entries[i].gap_before + entries[i].text.height();
    if (next > space) break;
    y = next;
  }
  if (i == entries.size() || i == 0) return entries.size();
  const std::size_t carried = entries.size() - i;
  return carried >= kFewestCarriedOver ? i : std::max<std::size_t>(1, entries.size() - kFewestCarriedOver);
}

}  // namespace

void render_contents(RenderContext& rc, const sdiag::doc::Contents& contents) {
  auto& flow = rc.flow;
  TextStyle title_style;
  title_style.size = theme::look.pdf.heading_size[0];
  title_style.bold = true;
  title_style.colour = theme::look.heading;
  TextBlock title(flow.pango(), contents.title.empty() ? "Contents" : contents.title, title_style,
                  flow.content_width());
  flow.gap(theme::heading_before[0]);
  flow.ensure(title.height() * 3);
  {
    Tag t(flow, "P");
    title.draw(flow, theme::margin_x, flow.y());
  }
  flow.advance(title.height() + 12);

  // The closest setting needed to keep the contents on this page, if one does.
  std::vector<Entry> entries;
  for (const auto& density : kDensities) {
    entries = lay_out_entries(rc, density);
    if (total_height(entries) <= flow.space_left()) break;
  }
  const bool fits = total_height(entries) <= flow.space_left();
  if (!fits) entries = lay_out_entries(rc, kDensities[0]);
  const std::size_t break_before = fits ? entries.size() : first_carried_over(entries, flow.space_left());

  Tag toc(flow, "TOC");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& [heading, text, number, gap_before] = entries[i];
    const double indent = (heading->level - 1) * kLevelIndent;
    if (i == break_before) flow.new_page();
    flow.gap(gap_before);
    flow.ensure(text.height());
    const double top = flow.y();
    Tag item(flow, "TOCI");
    text.draw(flow, theme::margin_x + indent, top);
    number.draw(flow, theme::margin_x + flow.content_width() - kNumberColumn, top + text.height() - number.height());
    if (cairo_t* cr = flow.cr()) {
      // Dotted leader from the end of the title's last line to the number.
      const double base = top + text.height() - 4;
      const double from = theme::margin_x + indent + std::min(text.natural_width(), flow.content_width()) + 6;
      const double to = theme::margin_x + flow.content_width() - number.natural_width() - 6;
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
    link_area(flow, "dest:" + heading->dest, theme::margin_x + indent, top, flow.content_width() - indent, text.height());
    flow.advance(text.height());
  }
  flow.advance(theme::look.paragraph_after);
}

}  // namespace sdiag::pdf
