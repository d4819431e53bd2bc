// Tables: relative column widths, wrapped cells, a shaded header row that is
// repeated at the top of every page the table runs onto.
#include <algorithm>
#include <numeric>

#include "blocks.hpp"
#include "tags.hpp"

namespace sdiag::pdf {

namespace {

using Row = std::vector<TextBlock>;

std::vector<double> column_widths(const sdiag::doc::Table& t, std::size_t columns, double width) {
  std::vector<double> w(columns, 1.0);
  for (std::size_t i = 0; i < columns && i < t.widths.size(); ++i)
    if (t.widths[i] > 0) w[i] = t.widths[i];
  double total = std::accumulate(w.begin(), w.end(), 0.0);
  for (auto& x : w) x = x / total * width;
  return w;
}

std::size_t column_count(const sdiag::doc::Table& t) {
  std::size_t n = t.header.size();
  for (const auto& r : t.rows) n = std::max(n, r.size());
  return n;
}

Row lay_out_row(PangoContext* pango, const std::vector<sdiag::doc::Paragraph>& cells, const std::vector<double>& widths,
                bool header) {
  Row row;
  TextStyle style;
  style.size = theme::look.table_size;
  style.bold = header;
  style.line_spacing = 1.08;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    static const sdiag::doc::Paragraph empty;
    const auto& p = c < cells.size() ? cells[c] : empty;
    row.emplace_back(pango, p.runs, style, widths[c] - 2 * theme::cell_padding_x);
  }
  return row;
}

double row_height(const Row& row) {
  double h = 0;
  for (const auto& cell : row) h = std::max(h, cell.height());
  return h + 2 * theme::cell_padding_y;
}

void draw_row(RenderContext& rc, const Row& row, const std::vector<double>& widths, bool header, const LinkResolver& links) {
  auto& flow = rc.flow;
  const double h = row_height(row), top = flow.y();
  if (cairo_t* cr = flow.cr(); cr && header) {
    cairo_set_source_rgb(cr, theme::look.pdf.header_fill.r, theme::look.pdf.header_fill.g, theme::look.pdf.header_fill.b);
    cairo_rectangle(cr, theme::margin_x, top, flow.content_width(), h);
    cairo_fill(cr);
  }
  double x = theme::margin_x;
  {
    Tag tr(flow, "TR");
    for (std::size_t c = 0; c < row.size(); ++c) {
      Tag cell(flow, header ? "TH" : "TD");
      row[c].draw(flow, x + theme::cell_padding_x, top + theme::cell_padding_y, 0, row[c].lines(), links);
      x += widths[c];
    }
  }
  if (cairo_t* cr = flow.cr()) {
    cairo_set_source_rgb(cr, theme::look.pdf.rule.r, theme::look.pdf.rule.g, theme::look.pdf.rule.b);
    cairo_set_line_width(cr, header ? 0.9 : 0.4);
    cairo_move_to(cr, theme::margin_x, top + h);
    cairo_line_to(cr, theme::margin_x + flow.content_width(), top + h);
    cairo_stroke(cr);
  }
  flow.advance(h);
}

void draw_top_rule(const PageFlow& flow) {
  if (cairo_t* cr = flow.cr()) {
    cairo_set_source_rgb(cr, theme::look.pdf.rule.r, theme::look.pdf.rule.g, theme::look.pdf.rule.b);
    cairo_set_line_width(cr, 0.9);
    cairo_move_to(cr, theme::margin_x, flow.y());
    cairo_line_to(cr, theme::margin_x + flow.content_width(), flow.y());
    cairo_stroke(cr);
  }
}

TextBlock caption_block(const PageFlow& flow, const std::string& caption) {
  TextStyle style;
  style.size = theme::look.small_size;
  style.italic = true;
  style.colour = theme::look.pdf.muted;
  return TextBlock(flow.pango(), caption, style, flow.content_width());
}

}  // namespace

void render_table(RenderContext& rc, const sdiag::doc::Table& table) {
  auto& flow = rc.flow;
  const std::size_t columns = column_count(table);
  if (columns == 0) return;
  const auto widths = column_widths(table, columns, flow.content_width());
  const bool has_header = !table.header.empty();
  Row header = lay_out_row(flow.pango(), table.header, widths, true);
  const double header_h = has_header ? row_height(header) : 0;
  std::vector<Row> rows;
  rows.reserve(table.rows.size());
  for (const auto& r : table.rows) rows.push_back(lay_out_row(flow.pango(), r, widths, false));

  TextBlock caption = caption_block(flow, table.caption);
  const double caption_h = table.caption.empty() ? 0 : caption.height() + 4;
  // The caption, the header and the first row start together.
  flow.ensure(caption_h + header_h + (rows.empty() ? 0 : row_height(rows.front())));

  Tag t(flow, "Table");
  if (!table.caption.empty()) {
    Tag c(flow, "Caption");
    caption.draw(flow, theme::margin_x, flow.y());
    flow.advance(caption_h);
  }
  auto start_part = [&] {
    draw_top_rule(flow);
    if (has_header) draw_row(rc, header, widths, true, rc.links);
  };
  start_part();
  for (const auto& row : rows) {
    const double h = row_height(row);
    if (h > flow.space_left() && flow.y() > theme::content_top + header_h + 0.01) {
      flow.new_page();
      start_part();
    }
    draw_row(rc, row, widths, false, rc.links);
  }
  flow.advance(theme::look.paragraph_after + 4);
}

double table_lead(RenderContext& rc, const sdiag::doc::Table& table) {
  const std::size_t columns = column_count(table);
  if (columns == 0) return 0;
  const auto widths = column_widths(table, columns, rc.flow.content_width());
  double h = table.header.empty() ? 0 : row_height(lay_out_row(rc.flow.pango(), table.header, widths, true));
  if (!table.rows.empty()) h += row_height(lay_out_row(rc.flow.pango(), table.rows.front(), widths, false));
  if (!table.caption.empty()) h += caption_block(rc.flow, table.caption).height() + 4;
  return h;
}

}  // namespace sdiag::pdf
