#include "pango_setup.hpp"

#include "text_layout.hpp"
#include "theme.hpp"

namespace pdf {

PangoSetup::PangoSetup() : font_map_(pango_cairo_font_map_new()), context_(pango_font_map_create_context(font_map_)) {
  pango_cairo_context_set_resolution(context_, 72);  // pango assumes 96 dpi; PDF points are 72
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_changed(context_);
}

PangoSetup::~PangoSetup() {
  release_text_cache(context_);
  g_object_unref(context_);
  g_object_unref(font_map_);
}

namespace {

struct Face {
  double size;
  bool bold, italic;
};

// The theme's text styles, and the sizes a figure's labels are drawn at.
constexpr Face kFaces[] = {
    {theme::body_size, false, false},  {theme::body_size, true, false},  {theme::body_size, false, true},
    {theme::body_size, true, true},    {theme::small_size, false, false}, {theme::small_size, true, false},
    {theme::small_size, false, true},  {theme::table_size, false, false}, {theme::table_size, true, false},
    {theme::title_size, true, false},  {theme::subtitle_size, false, false}, {theme::heading_size[0], true, false},
    {theme::heading_size[1], true, false}, {theme::heading_size[2], true, false}, {8, false, false},
    {8.5, false, false},               {9, true, false},
};

}  // namespace

void PangoSetup::warm_up() {
  for (const auto& face : kFaces) {
    PangoLayout* layout = pango_layout_new(context_);
    set_theme_font(layout, face.size, face.bold, face.italic);
    pango_layout_set_text(layout, "Data service diagnostic: 12 themes, 34 actions \u2013 \u201cowner\u201d", -1);
    pango_layout_get_extents(layout, nullptr, nullptr);  // selects and loads the fonts, and shapes
    g_object_unref(layout);
  }
}

}  // namespace pdf
