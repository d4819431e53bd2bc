// Figures: a vector doc::Drawing or a PNG, scaled to fit the text width and
// a share of the page height, centred, with the caption under it.
#include <algorithm>
#include <cstring>
#include <memory>

#include <sdiag/render/paint.hpp>

#include "blocks.hpp"
#include "tags.hpp"

namespace sdiag::pdf {

namespace {

struct PngReader {
  const std::string* bytes;
  std::size_t offset = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->offset + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes->data() + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

SurfacePtr decode_png(const std::string& bytes) {
  PngReader reader{&bytes};
  SurfacePtr s(cairo_image_surface_create_from_png_stream(read_png, &reader), cairo_surface_destroy);
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return SurfacePtr(nullptr, cairo_surface_destroy);
  return s;
}

// The picture's natural size in points: PNGs are taken as 96 dpi, as Word does.
bool natural_size(const sdiag::doc::Figure& f, const SurfacePtr& png, double& w, double& h) {
  if (!f.png.empty()) {
    if (!png) return false;
    w = cairo_image_surface_get_width(png.get()) * 0.75;
    h = cairo_image_surface_get_height(png.get()) * 0.75;
  } else {
    w = f.drawing.width;
    h = f.drawing.height;
  }
  return w > 0 && h > 0;
}

double fit_scale(const PageFlow& flow, double w, double h) {
  const double text_height = flow.content_bottom() - theme::content_top;
  return std::min({1.0, flow.content_width() / w, theme::figure_max_share * text_height / h});
}

TextBlock caption_block(const PageFlow& flow, const std::string& caption) {
  auto look = paragraph_look(sdiag::doc::style::caption);
  look.text.align = PANGO_ALIGN_CENTER;
  return TextBlock(flow.pango(), caption, look.text, flow.content_width());
}

constexpr double kCaptionGap = 6;

}  // namespace

double figure_height(RenderContext& rc, const sdiag::doc::Figure& figure) {
  SurfacePtr png = figure.png.empty() ? SurfacePtr(nullptr, cairo_surface_destroy) : decode_png(figure.png);
  double w = 0, h = 0;
  if (!natural_size(figure, png, w, h)) return 0;
  double total = h * fit_scale(rc.flow, w, h);
  if (!figure.caption.empty()) total += kCaptionGap + caption_block(rc.flow, figure.caption).height();
  return total;
}

void render_figure(RenderContext& rc, const sdiag::doc::Figure& figure, bool ends_page) {
  auto& flow = rc.flow;
  SurfacePtr png = figure.png.empty() ? SurfacePtr(nullptr, cairo_surface_destroy) : decode_png(figure.png);
  double w = 0, h = 0;
  if (!natural_size(figure, png, w, h)) {
    // Nothing to draw (or an unreadable image): the words stand in for it.
    auto p = sdiag::doc::Paragraph::plain("[Figure: " + figure.alt + "]", sdiag::doc::style::note);
    render_paragraph(rc, p);
    return;
  }
  TextBlock caption = caption_block(flow, figure.caption);
  const double caption_h = figure.caption.empty() ? 0 : kCaptionGap + caption.height();
  flow.gap(4);
  double scale = fit_scale(flow, w, h);
  if (ends_page) {
    // Nothing follows on this page: the figure may fill what is left of it.
    const double room = flow.space_left() - caption_h - theme::look.paragraph_after - 6;
    scale = std::max(scale, std::min({1.0, flow.content_width() / w, room / h}));
  }
  const double sw = w * scale, sh = h * scale;
  flow.ensure(sh + caption_h);
  const double x = theme::margin_x + (flow.content_width() - sw) / 2, y = flow.y();
  {
    // The alt text is added to this element after rendering (cairo 1.16 cannot write it).
    Tag t(flow, "Figure");
    if (cairo_t* cr = flow.cr()) {
      cairo_save(cr);
      cairo_rectangle(cr, x, y, sw, sh);
      cairo_clip(cr);
      cairo_translate(cr, x, y);
      cairo_scale(cr, scale, scale);
      if (png) {
        cairo_scale(cr, 0.75, 0.75);
        cairo_set_source_surface(cr, png.get(), 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint(cr);
      } else {
        sdiag::render::paint(cr, figure.drawing, theme::look, flow.pango());
      }
      cairo_restore(cr);
    }
    flow.advance(sh);
    if (!figure.caption.empty()) {
      Tag c(flow, "Caption");
      flow.advance(kCaptionGap);
      caption.draw(flow, theme::margin_x, flow.y());
      flow.advance(caption.height());
    }
  }
  flow.advance(theme::look.paragraph_after + 6);
}

}  // namespace sdiag::pdf
