// GlyphLines draws a laid-out text as pango's own cairo renderer does: the
// same pixels, line by line, for the kinds of text workshop notes hold.
#include <doctest/doctest.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <vector>

#include <sdiag/render/paint.hpp>

#include "glyph_lines.hpp"

namespace {

struct Span {
  int start, end;
  bool bold = false, italic = false, link = false;
};

struct Pango {
  PangoFontMap* map = pango_cairo_font_map_new();
  PangoContext* context = pango_font_map_create_context(map);
  Pango() { sdiag::render::prepare_text_context(context); }
  ~Pango() {
    g_object_unref(context);
    g_object_unref(map);
  }
};

// A layout made as the PDF writer makes one: a base colour over the whole
// text, bold, italic, and a link's colour and underline.
PangoLayout* make_layout(PangoContext* context, const std::string& text, const std::vector<Span>& spans, int width) {
  PangoLayout* layout = pango_layout_new(context);
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_foreground_new(0x1111, 0x2222, 0x3333));
  auto insert = [&](PangoAttribute* a, const Span& s) {
    a->start_index = static_cast<guint>(s.start);
    a->end_index = static_cast<guint>(s.end);
    pango_attr_list_insert(attrs, a);
  };
  for (const auto& s : spans) {
    if (s.bold) insert(pango_attr_weight_new(PANGO_WEIGHT_BOLD), s);
    if (s.italic) insert(pango_attr_style_new(PANGO_STYLE_ITALIC), s);
    if (s.link) {
      insert(pango_attr_foreground_new(0x0000, 0x5555, 0xaaaa), s);
      insert(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), s);
    }
  }
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  PangoFontDescription* font = pango_font_description_from_string("Liberation Sans 11");
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout, width * PANGO_SCALE);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  return layout;
}

// Draws every line of `layout`, at its baseline, one way or the other; returns
// the pixels. At four pixels a point: cairo puts a glyph on a whole pixel, so
// a glyph a quarter of a point out of place shows.
std::string pixels(PangoLayout* layout, const sdiag::pdf::GlyphLines* lines) {
  constexpr int kScale = 4, kWidth = 210 * kScale, kHeight = 130 * kScale;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, kScale, kScale);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  int line = 0;
  do {
    const double baseline = 10.25 + static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
    const double x = 7.5;
    if (lines) {
      lines->draw_line(cr, line, x, baseline);
    } else {
      cairo_move_to(cr, x, baseline);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
    }
    ++line;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  CHECK(cairo_status(cr) == CAIRO_STATUS_SUCCESS);  // cairo refuses clusters that do not match the text
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  const auto* data = reinterpret_cast<const char*>(cairo_image_surface_get_data(surface));
  std::string out(data, static_cast<std::size_t>(cairo_image_surface_get_stride(surface)) * kHeight);
  cairo_surface_destroy(surface);
  return out;
}

std::size_t differing_pixels(const std::string& a, const std::string& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 3 < a.size(); i += 4) n += a.compare(i, 4, b, i, 4) != 0;
  return n;
}

}  // namespace

TEST_CASE("glyph lines draw the pixels pango draws") {
  Pango pango;
  struct Sample {
    const char* name;
    std::string text;
    std::vector<Span> spans;
  };
  const std::string wrap = "a note long enough to wrap onto a second and then a third line of this narrow column";
  const std::vector<Sample> samples = {
      {"plain words that wrap", wrap, {}},
      {"bold and italic runs", "Plain, bold, italic and both at once, over a wrapped line or two of text",
       {{7, 11, true}, {13, 19, false, true}, {24, 28, true, true}}},
      {"a link", "See the data team's page for details, then tell the facilitator", {{8, 24, false, false, true}}},
      {"right to left", "Hebrew \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd among English words", {}},
      {"combining marks and ligature letters", "cafe\u0301 office \u0131\u0307 fi\ufb01 \u00e9\u0323\u0302 waffle", {}},
      {"a word wider than the column", "Supercalifragilisticexpialidociousdatawarehouseidentifierstring ok", {}},
      {"a tab and spaces", "one\ttwo   three", {}},
  };
  for (const auto& sample : samples) {
    const std::string name = sample.name;
    CAPTURE(name);
    PangoLayout* layout = make_layout(pango.context, sample.text, sample.spans, 180);
    sdiag::pdf::GlyphLines lines;
    REQUIRE(lines.copy(layout));
    const std::string by_pango = pixels(layout, nullptr);
    const std::string ours = pixels(layout, &lines);
    CHECK(differing_pixels(by_pango, ours) == 0);
    CHECK(lines.bytes() > sample.text.size());
    g_object_unref(layout);
  }
}

TEST_CASE("a glyph no font has is left to pango") {
  Pango pango;
  PangoLayout* layout = make_layout(pango.context, "a private-use character \U0010FFFD here", {}, 300);
  sdiag::pdf::GlyphLines lines;
  CHECK_FALSE(lines.copy(layout));
  g_object_unref(layout);
}
