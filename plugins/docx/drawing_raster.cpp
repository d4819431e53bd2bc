#include "drawing_raster.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <png.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "xml_part.hpp"

namespace docx {

namespace {

using sdiag::doc::DrawOp;

constexpr int max_pixels_per_side = 8000;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Cairo = std::unique_ptr<cairo_t, ContextDeleter>;

/// "#rrggbb" to cairo's 0..1 components; false for anything else.
bool parse_colour(const std::string& c, double& r, double& g, double& b) {
  if (c.size() != 7 || c[0] != '#') return false;
  unsigned value = 0;
  for (std::size_t i = 1; i < 7; ++i) {
    char ch = c[i];
    int digit = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
    if (digit < 0) return false;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  r = ((value >> 16) & 0xFF) / 255.0;
  g = ((value >> 8) & 0xFF) / 255.0;
  b = (value & 0xFF) / 255.0;
  return true;
}

bool set_colour(cairo_t* cr, const std::string& c) {
  double r, g, b;
  if (!parse_colour(c, r, g, b)) return false;
  cairo_set_source_rgb(cr, r, g, b);
  return true;
}

void fill_and_stroke(cairo_t* cr, const DrawOp& op) {
  if (set_colour(cr, op.fill)) cairo_fill_preserve(cr);
  if (set_colour(cr, op.stroke)) {
    cairo_set_line_width(cr, op.line_width);
    if (op.dashed) {
      const double dash[] = {4 * op.line_width, 3 * op.line_width};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_stroke_preserve(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
  }
  cairo_new_path(cr);
}

void rounded_rect(cairo_t* cr, double x0, double y0, double x1, double y1) {
  double radius = std::min({6.0, (x1 - x0) / 2, (y1 - y0) / 2});
  cairo_new_sub_path(cr);
  cairo_arc(cr, x1 - radius, y0 + radius, radius, -M_PI / 2, 0);
  cairo_arc(cr, x1 - radius, y1 - radius, radius, 0, M_PI / 2);
  cairo_arc(cr, x0 + radius, y1 - radius, radius, M_PI / 2, M_PI);
  cairo_arc(cr, x0 + radius, y0 + radius, radius, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
}

void arrowhead(cairo_t* cr, const DrawOp& op) {
  const auto& p = op.points;
  auto tip = p.back();
  auto from = p[p.size() - 2];
  double angle = std::atan2(tip.y - from.y, tip.x - from.x);
  double length = 6 + 2 * op.line_width, spread = 0.4;
  cairo_move_to(cr, tip.x, tip.y);
  cairo_line_to(cr, tip.x - length * std::cos(angle - spread), tip.y - length * std::sin(angle - spread));
  cairo_line_to(cr, tip.x - length * std::cos(angle + spread), tip.y - length * std::sin(angle + spread));
  cairo_close_path(cr);
  if (set_colour(cr, op.stroke.empty() ? "#000000" : op.stroke)) cairo_fill(cr);
}

void text(cairo_t* cr, const DrawOp& op) {
  if (op.points.empty() || op.text.empty()) return;
  PangoLayout* layout = pango_cairo_create_layout(cr);
  // Pango assumes 96 dpi; the drawing is in points.
  pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
  pango_layout_context_changed(layout);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, "Liberation Sans,Arial,sans-serif");
  pango_font_description_set_weight(font, op.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size(font, static_cast<int>(op.font_size * PANGO_SCALE));
  pango_layout_set_font_description(layout, font);
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  const auto text = xml_safe(op.text);  // valid UTF-8 without control characters, as pango needs
  pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  set_colour(cr, op.fill.empty() ? "#000000" : op.fill);
  cairo_move_to(cr, op.points[0].x - w / (2.0 * PANGO_SCALE), op.points[0].y - h / (2.0 * PANGO_SCALE));
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
}

void draw(cairo_t* cr, const DrawOp& op) {
  const auto& p = op.points;
  // Text leaves a current point behind, and cairo_arc would join it to the
  // ellipse with a stray line: every shape starts from an empty path.
  cairo_new_path(cr);
  switch (op.kind) {
    case DrawOp::Kind::rect:
      if (p.size() < 2) return;
      cairo_rectangle(cr, p[0].x, p[0].y, p[1].x - p[0].x, p[1].y - p[0].y);
      fill_and_stroke(cr, op);
      break;
    case DrawOp::Kind::rounded_rect:
      if (p.size() < 2) return;
      rounded_rect(cr, p[0].x, p[0].y, p[1].x, p[1].y);
      fill_and_stroke(cr, op);
      break;
    case DrawOp::Kind::ellipse: {
      if (p.size() < 2) return;
      double rx = (p[1].x - p[0].x) / 2, ry = (p[1].y - p[0].y) / 2;
      if (rx <= 0 || ry <= 0) return;
      cairo_save(cr);
      cairo_translate(cr, p[0].x + rx, p[0].y + ry);
      cairo_scale(cr, rx, ry);
      cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
      cairo_restore(cr);
      fill_and_stroke(cr, op);
      break;
    }
    case DrawOp::Kind::polygon:
      if (p.size() < 3) return;
      cairo_move_to(cr, p[0].x, p[0].y);
      for (std::size_t i = 1; i < p.size(); ++i) cairo_line_to(cr, p[i].x, p[i].y);
      cairo_close_path(cr);
      fill_and_stroke(cr, op);
      break;
    case DrawOp::Kind::bezier: {
      if (p.size() < 4) return;
      cairo_move_to(cr, p[0].x, p[0].y);
      for (std::size_t i = 1; i + 2 < p.size(); i += 3) cairo_curve_to(cr, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, p[i + 2].x, p[i + 2].y);
      DrawOp line = op;
      line.fill.clear();  // a connector is a line, never a filled shape
      if (line.stroke.empty()) line.stroke = "#000000";
      fill_and_stroke(cr, line);
      if (op.arrow_end) arrowhead(cr, op);
      break;
    }
    case DrawOp::Kind::text:
      text(cr, op);
      break;
  }
}

void append_png_data(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}

/// Encodes an RGB24 surface with libpng directly: cairo's own PNG writer
/// compresses at zlib's default level, several times slower for a figure
/// of flat colours that fast compression packs almost as well.
bool encode_png(cairo_surface_t* surface, std::string* out) {
  static_assert(std::endian::native == std::endian::little, "cairo RGB24 pixels are read as B, G, R, unused bytes");
  const int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  unsigned char* data = cairo_image_surface_get_data(surface);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) return false;
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, out, append_png_data, nullptr);
  png_set_compression_level(png, 1);
  png_set_filter(png, 0, PNG_FILTER_SUB);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_set_bgr(png);
  png_set_filler(png, 0, PNG_FILLER_AFTER);  // drop the unused fourth byte of each pixel
  for (int y = 0; y < height; ++y) png_write_row(png, data + static_cast<std::ptrdiff_t>(y) * stride);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

struct Reader {
  const std::string& bytes;
  std::size_t offset = 0;
};

cairo_status_t read_from_string(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->bytes.size() - r->offset < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(r->bytes.data() + r->offset, length, reinterpret_cast<char*>(data));
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Png rasterise(const sdiag::doc::Drawing& drawing, double dpi) {
  const double scale = dpi / 72.0;
  const double w = std::ceil(drawing.width * scale), h = std::ceil(drawing.height * scale);
  if (!(w >= 1 && h >= 1)) throw std::runtime_error("the drawing has no size");
  if (w > max_pixels_per_side || h > max_pixels_per_side)
    throw std::runtime_error("the drawing is too large to rasterise (" + std::to_string(static_cast<long>(drawing.width)) +
                             " x " + std::to_string(static_cast<long>(drawing.height)) + " pt)");
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(w), static_cast<int>(h)));
  Cairo cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  cairo_set_line_join(cr.get(), CAIRO_LINE_JOIN_ROUND);
  for (const auto& op : drawing.ops) draw(cr.get(), op);
  cairo_surface_flush(surface.get());
  Png png;
  png.width = static_cast<int>(w);
  png.height = static_cast<int>(h);
  if (!encode_png(surface.get(), &png.bytes)) throw std::runtime_error("could not encode the drawing as PNG");
  return png;
}

Png inspect_png(std::string bytes) {
  Reader reader{bytes};
  Surface surface(cairo_image_surface_create_from_png_stream(read_from_string, &reader));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("the figure's picture is not a valid PNG");
  Png png;
  png.width = cairo_image_surface_get_width(surface.get());
  png.height = cairo_image_surface_get_height(surface.get());
  png.bytes = std::move(bytes);
  return png;
}

}  // namespace docx
