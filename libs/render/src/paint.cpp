#include <sdiag/render/paint.hpp>

#include <algorithm>
#include <cmath>
#include <memory>

namespace sdiag::render {

namespace {

using doc::DrawOp;
using doc::Point;

bool set_colour(cairo_t* cr, const std::string& colour) {
  const auto c = parse_colour(colour);
  if (!c) return false;
  cairo_set_source_rgb(cr, c->r, c->g, c->b);
  return true;
}

// Fills then strokes the current path, as the op asks. A pain point's dash
// grows with the line but keeps a point of ink and gap on a hairline.
void fill_and_stroke(cairo_t* cr, const DrawOp& op) {
  if (set_colour(cr, op.fill)) cairo_fill_preserve(cr);
  if (op.line_width > 0 && set_colour(cr, op.stroke)) {
    cairo_set_line_width(cr, op.line_width);
    if (op.dashed) {
      const double dash[] = {op.line_width * 3 + 1, op.line_width * 2 + 1};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_stroke_preserve(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
  }
  cairo_new_path(cr);
}

void rounded_rect(cairo_t* cr, double x0, double y0, double x1, double y1) {
  const double r = std::min({6.0, (x1 - x0) / 2, (y1 - y0) / 2});
  cairo_new_sub_path(cr);
  cairo_arc(cr, x1 - r, y0 + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x1 - r, y1 - r, r, 0, M_PI / 2);
  cairo_arc(cr, x0 + r, y1 - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x0 + r, y0 + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

void ellipse(cairo_t* cr, double x0, double y0, double x1, double y1) {
  const double w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return;
  cairo_save(cr);
  cairo_translate(cr, x0 + w / 2, y0 + h / 2);
  cairo_scale(cr, w / 2, h / 2);
  cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
  cairo_restore(cr);
}

void arrowhead(cairo_t* cr, const DrawOp& op) {
  const auto& pts = op.points;
  const Point tip = pts.back();
  // The direction of the curve at its end: the last control point that
  // differs from the tip (graphviz may put the last one on the tip itself).
  Point from = tip;
  for (auto it = pts.rbegin() + 1; it != pts.rend(); ++it)
    if (std::hypot(it->x - tip.x, it->y - tip.y) > 0.01) {
      from = *it;
      break;
    }
  const double len = std::hypot(tip.x - from.x, tip.y - from.y);
  if (len <= 0.01) return;
  const double ux = (tip.x - from.x) / len, uy = (tip.y - from.y) / len;
  const double size = 5 + 1.5 * op.line_width, half = size * 0.45;
  const double bx = tip.x - ux * size, by = tip.y - uy * size;
  cairo_move_to(cr, tip.x, tip.y);
  cairo_line_to(cr, bx - uy * half, by + ux * half);
  cairo_line_to(cr, bx + uy * half, by - ux * half);
  cairo_close_path(cr);
  if (set_colour(cr, op.stroke)) cairo_fill(cr);
  cairo_new_path(cr);
}

void bezier(cairo_t* cr, const DrawOp& op) {
  const auto& pts = op.points;
  if (pts.size() < 2) return;
  cairo_move_to(cr, pts[0].x, pts[0].y);
  std::size_t i = 1;
  for (; i + 2 < pts.size(); i += 3)
    cairo_curve_to(cr, pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y, pts[i + 2].x, pts[i + 2].y);
  for (; i < pts.size(); ++i) cairo_line_to(cr, pts[i].x, pts[i].y);
  DrawOp line = op;
  line.fill.clear();  // a connector is a line, never a filled shape
  fill_and_stroke(cr, line);
  if (op.arrow_end) arrowhead(cr, op);
}

struct GFree {
  void operator()(gchar* p) const { g_free(p); }
};

void text(cairo_t* cr, PangoContext* pango, const DrawOp& op, const Theme& theme) {
  if (op.text.empty() || op.points.empty()) return;
  PangoLayout* layout = pango_layout_new(pango);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, theme.font_family);
  pango_font_description_set_size(font, static_cast<gint>(std::max(op.font_size, 1.0) * PANGO_SCALE));
  pango_font_description_set_weight(font, op.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  const std::string valid = drawable_text(op.text);
  pango_layout_set_text(layout, valid.data(), static_cast<int>(valid.size()));
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  const double w = double(logical.width) / PANGO_SCALE, h = double(logical.height) / PANGO_SCALE;
  if (!set_colour(cr, op.fill) && !set_colour(cr, op.stroke)) cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_move_to(cr, op.points[0].x - w / 2 - double(logical.x) / PANGO_SCALE, op.points[0].y - h / 2);
  pango_cairo_show_layout(cr, layout);
  cairo_new_path(cr);
  g_object_unref(layout);
}

}  // namespace

std::string drawable_text(std::string_view text) {
  std::unique_ptr<gchar, GFree> valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
  std::string out;
  out.reserve(text.size());
  for (const gchar* p = valid.get(); *p; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) out += "\uFFFD";
    else out.append(p, static_cast<std::size_t>(g_utf8_next_char(p) - p));
  }
  return out;
}

namespace {

void draw(cairo_t* cr, PangoContext* pango, const DrawOp& op, const Theme& theme) {
  const auto& p = op.points;
  // Text leaves a current point behind, and cairo_arc would join it to the
  // next shape with a stray line: every shape starts from an empty path.
  cairo_new_path(cr);
  switch (op.kind) {
    case DrawOp::Kind::rect:
      if (p.size() < 2) break;
      cairo_rectangle(cr, p[0].x, p[0].y, p[1].x - p[0].x, p[1].y - p[0].y);
      fill_and_stroke(cr, op);
      break;
    case DrawOp::Kind::rounded_rect:
      if (p.size() < 2) break;
      rounded_rect(cr, p[0].x, p[0].y, p[1].x, p[1].y);
      fill_and_stroke(cr, op);
      break;
    case DrawOp::Kind::ellipse:
      if (p.size() < 2) break;
      ellipse(cr, p[0].x, p[0].y, p[1].x, p[1].y);
      fill_and_stroke(cr, op);
      break;
    case DrawOp::Kind::polygon:
      if (p.size() < 3) break;
      cairo_move_to(cr, p[0].x, p[0].y);
      for (std::size_t i = 1; i < p.size(); ++i) cairo_line_to(cr, p[i].x, p[i].y);
      cairo_close_path(cr);
      fill_and_stroke(cr, op);
      break;
    case DrawOp::Kind::bezier:
      bezier(cr, op);
      break;
    case DrawOp::Kind::text:
      text(cr, pango, op, theme);
      break;
  }
}

}  // namespace

void prepare_text_context(PangoContext* context) {
  pango_cairo_context_set_resolution(context, 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_changed(context);
}

void paint(cairo_t* cr, const doc::Drawing& drawing, const Theme& theme, PangoContext* pango) {
  PangoContext* own = nullptr;
  if (!pango) {
    own = pango_cairo_create_context(cr);
    prepare_text_context(own);
    pango = own;
  }
  cairo_save(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (const auto& op : drawing.ops) draw(cr, pango, op, theme);
  cairo_restore(cr);
  if (own) g_object_unref(own);
}

}  // namespace sdiag::render
