// The painter on a cairo image surface: what it draws, read back as pixels.
#include <doctest/doctest.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstdint>
#include <memory>

#include <sdiag/render/paint.hpp>

namespace doc = sdiag::doc;
using doc::DrawOp;
using sdiag::render::paint;
using sdiag::render::report_theme;
using sdiag::render::Theme;

namespace {

constexpr double scale = 4;  // pixels per point

/// A drawing painted on white at `scale`, read back pixel by pixel.
class Picture {
 public:
  Picture(const doc::Drawing& d, const Theme& theme = report_theme)
      : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(d.width * scale), int(d.height * scale)),
                 cairo_surface_destroy) {
    cairo_t* cr = cairo_create(surface_.get());
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    paint(cr, d, theme);
    REQUIRE(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_flush(surface_.get());
  }
  int width() const { return cairo_image_surface_get_width(surface_.get()); }
  int height() const { return cairo_image_surface_get_height(surface_.get()); }
  /// 0xRRGGBB at pixel (x, y).
  std::uint32_t pixel(int x, int y) const {
    const auto* row = cairo_image_surface_get_data(surface_.get()) + y * cairo_image_surface_get_stride(surface_.get());
    return reinterpret_cast<const std::uint32_t*>(row)[x] & 0xFFFFFF;
  }
  /// At a point of the drawing.
  std::uint32_t at(double x, double y) const { return pixel(int(x * scale), int(y * scale)); }
  int count(std::uint32_t rgb) const {
    int n = 0;
    for (int y = 0; y < height(); ++y)
      for (int x = 0; x < width(); ++x) n += pixel(x, y) == rgb;
    return n;
  }
  /// Left and right pixel columns that hold anything but white; -1 when none.
  std::pair<int, int> ink_columns() const {
    int left = -1, right = -1;
    for (int x = 0; x < width(); ++x)
      for (int y = 0; y < height(); ++y)
        if (pixel(x, y) != 0xFFFFFF) {
          if (left < 0) left = x;
          right = x;
          break;
        }
    return {left, right};
  }

 private:
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface_;
};

DrawOp shape(DrawOp::Kind kind, std::vector<doc::Point> points, std::string fill, std::string stroke, double width = 1) {
  return {.kind = kind, .points = std::move(points), .fill = std::move(fill), .stroke = std::move(stroke), .line_width = width};
}

/// A straight connector from (20, y) to (180, y), as a bezier of one segment.
DrawOp edge(double y, bool dashed, bool arrow) {
  DrawOp op = shape(DrawOp::Kind::bezier, {{20, y}, {70, y}, {130, y}, {180, y}}, "", "#C0162B", 2.4);
  op.dashed = dashed;
  op.arrow_end = arrow;
  return op;
}

DrawOp label(std::string text, doc::Point at, double size = 9) {
  DrawOp op;
  op.kind = DrawOp::Kind::text;
  op.points = {at};
  op.text = std::move(text);
  op.font_size = size;
  op.fill = "#000000";
  return op;
}

doc::Drawing drawing(double w, double h, std::vector<DrawOp> ops) { return doc::Drawing{w, h, std::move(ops)}; }

}  // namespace

TEST_CASE("nodes are filled and outlined in their own colours") {
  auto d = drawing(200, 100, {shape(DrawOp::Kind::rounded_rect, {{10, 10}, {90, 50}}, "#F5C26B", "#1F3864", 2),
                              shape(DrawOp::Kind::ellipse, {{110, 10}, {190, 90}}, "#A8D8F5", "")});
  Picture p(d);
  CHECK(p.at(50, 30) == 0xF5C26B);   // inside the node
  CHECK(p.at(50, 10) == 0x1F3864);   // on its outline
  CHECK(p.at(150, 50) == 0xA8D8F5);  // the ellipse's centre
  CHECK(p.at(112, 12) == 0xFFFFFF);  // outside the ellipse, inside its box
  CHECK(p.at(100, 80) == 0xFFFFFF);
  CHECK(p.count(0xF5C26B) > int(70 * 30 * scale * scale));
}

TEST_CASE("a pain point's connector is dashed, a plain one is not") {
  Picture dashed(drawing(200, 40, {edge(20, true, false)}));
  Picture solid(drawing(200, 40, {edge(20, false, false)}));
  int ink = 0, gaps = 0;
  for (double x = 25; x < 170; x += 0.25) (dashed.at(x, 20) == 0xC0162B ? ink : gaps) += 1;
  CHECK(ink > 100);
  CHECK(gaps > 100);  // a dash of 8.2 pt, a gap of 5.8 pt at 2.4 pt wide
  for (double x = 25; x < 170; x += 0.25) CHECK(solid.at(x, 20) == 0xC0162B);
}

TEST_CASE("the arrowhead is drawn at the tip, wider than the line") {
  Picture with(drawing(200, 40, {edge(20, false, true)}));
  Picture without(drawing(200, 40, {edge(20, false, false)}));
  // 4 pt back from the tip and 1.4 pt off the axis: beyond the line's half width (1.2 pt), inside the head.
  CHECK(with.at(176, 21.4) == 0xC0162B);
  CHECK(with.at(176, 18.6) == 0xC0162B);
  CHECK(without.at(176, 21.4) == 0xFFFFFF);
  CHECK(with.count(0xC0162B) > without.count(0xC0162B));

  // A curve whose last control point sits on its tip still points along the curve (to the right).
  DrawOp bent = shape(DrawOp::Kind::bezier, {{20, 20}, {100, 20}, {180, 20}, {180, 20}}, "", "#C0162B", 2.4);
  bent.arrow_end = true;
  Picture b(drawing(200, 40, {bent}));
  CHECK(b.at(176, 21.4) == 0xC0162B);
  CHECK(b.at(183, 20) == 0xFFFFFF);  // nothing past the tip
}

TEST_CASE("labels are set in the theme's font through pango") {
  auto words = drawing(300, 60, {label("Itinerary illicit", {150, 30}, 14)});
  Theme sans = report_theme, mono = report_theme;
  mono.font_family = "Liberation Mono";
  auto [sans_left, sans_right] = Picture(words, sans).ink_columns();
  auto [mono_left, mono_right] = Picture(words, mono).ink_columns();
  REQUIRE(sans_left >= 0);
  REQUIRE(mono_left >= 0);

  // The width pango gives the same text in the theme's family, at 72 dpi.
  auto measured = [](const char* family) {
    PangoFontMap* map = pango_cairo_font_map_get_default();
    PangoContext* context = pango_font_map_create_context(map);
    sdiag::render::prepare_text_context(context);
    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* font = pango_font_description_from_string(family);
    pango_font_description_set_size(font, 14 * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, "Itinerary illicit", -1);
    PangoRectangle ink;
    pango_layout_get_extents(layout, &ink, nullptr);
    pango_font_description_free(font);
    g_object_unref(layout);
    g_object_unref(context);
    return double(ink.width) / PANGO_SCALE * scale;
  };
  CHECK(sans_right - sans_left == doctest::Approx(measured("Liberation Sans")).epsilon(0.03));
  CHECK(mono_right - mono_left == doctest::Approx(measured("Liberation Mono")).epsilon(0.03));
  CHECK(mono_right - mono_left > (sans_right - sans_left) * 1.1);  // the family really changes the text
  // Centred on its anchor.
  CHECK((sans_left + sans_right) / 2.0 == doctest::Approx(150 * scale).epsilon(0.02));
}

TEST_CASE("hostile drawings: bad colours, missing points, broken text, nothing at all") {
  auto d = drawing(100, 60, {shape(DrawOp::Kind::rect, {{10, 10}}, "#F5C26B", "#000000"),           // one corner only
                             shape(DrawOp::Kind::polygon, {{1, 1}, {5, 5}}, "#F5C26B", ""),            // two corners
                             shape(DrawOp::Kind::ellipse, {{50, 50}, {40, 40}}, "#F5C26B", ""),        // inside out
                             shape(DrawOp::Kind::rect, {{10, 10}, {30, 30}}, "red", "#12345"),         // not #rrggbb
                             shape(DrawOp::Kind::bezier, {{5, 5}}, "", "#000000"),                     // no segment
                             label(std::string("bad \xC3\x28 utf-8 \xFF", 11), {50, 45}),
                             label("", {50, 10}), label("no anchor", {})});
  d.ops.back().points.clear();
  Picture p(d);
  CHECK(p.count(0xF5C26B) == 0);
  CHECK(p.at(20, 20) == 0xFFFFFF);
  int dark = 0;  // the broken label is still drawn, with U+FFFD for the bad bytes
  for (int y = int(35 * scale); y < int(55 * scale); ++y)
    for (int x = 0; x < p.width(); ++x) dark += p.pixel(x, y) != 0xFFFFFF;
  CHECK(dark > 50);

  Picture empty(drawing(10, 10, {}));
  CHECK(empty.count(0xFFFFFF) == empty.width() * empty.height());
}

TEST_CASE("drawable text: bad bytes and noncharacters become U+FFFD, everything else stays") {
  using sdiag::render::drawable_text;
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  CHECK(drawable_text("plain caf\xC3\xA9 \xF0\x9F\x98\x80") == "plain caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(drawable_text("a\xEF\xBF\xBE" "b") == "a" + r + "b");                 // U+FFFE
  CHECK(drawable_text("\xEF\xBF\xBF") == r);                                   // U+FFFF
  CHECK(drawable_text("\xEF\xB7\x90\xEF\xB7\xAF") == r + r);                   // U+FDD0, U+FDEF
  CHECK(drawable_text("\xEF\xB7\xB0") == "\xEF\xB7\xB0");                      // U+FDF0 is a character
  CHECK(drawable_text("\xF4\x8F\xBF\xBF \xF0\x9F\xBF\xBE") == r + " " + r);    // U+10FFFF, U+1FFFE
  CHECK(drawable_text(std::string("x\xC3\x28y", 4)) == "x" + r + "(y");        // a bad byte
  CHECK(drawable_text("") == "");
}

TEST_CASE("a label holding a noncharacter leaves a PDF context able to draw") {
  // cairo checks a text's UTF-8 only where it keeps the text, as in a PDF;
  // a refusal stops all drawing on the context.
  auto discard = [](void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; };
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(discard, nullptr, 200, 100);
  cairo_t* cr = cairo_create(surface);
  paint(cr, drawing(100, 60, {label("before \xEF\xBF\xBE after", {50, 20}), label("\xEF\xB7\x90", {50, 40})}),
        report_theme);
  CHECK(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}
