#include "pango_setup.hpp"

#include <sdiag/render/paint.hpp>

#include "text_layout.hpp"
#include "theme.hpp"

namespace sdiag::pdf {

PangoSetup::PangoSetup() : font_map_(pango_cairo_font_map_new()), context_(pango_font_map_create_context(font_map_)) {
  sdiag::render::prepare_text_context(context_);  // points, no hinting: as the DOCX's pictures measure text
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
    {theme::look.body_size, false, false},  {theme::look.body_size, true, false},  {theme::look.body_size, false, true},
    {theme::look.body_size, true, true},    {theme::look.small_size, false, false}, {theme::look.small_size, true, false},
    {theme::look.small_size, false, true},  {theme::look.table_size, false, false}, {theme::look.table_size, true, false},
    {theme::look.title_size, true, false},  {theme::look.pdf.subtitle_size, false, false}, {theme::look.pdf.heading_size[0], true, false},
    {theme::look.pdf.heading_size[1], true, false}, {theme::look.pdf.heading_size[2], true, false}, {8, false, false},
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

}  // namespace sdiag::pdf
