#include "drawing_raster.hpp"

#include <cairo.h>
#include <png.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <memory>
#include <stdexcept>

#include <sdiag/render/paint.hpp>

namespace sdiag::docx {

namespace {

constexpr int max_pixels_per_side = 8000;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Cairo = std::unique_ptr<cairo_t, ContextDeleter>;

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
  sdiag::render::paint(cr.get(), drawing, sdiag::render::report_theme);
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

}  // namespace sdiag::docx
