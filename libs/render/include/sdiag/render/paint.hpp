/// @file sdiag/render/paint.hpp
/// The one painter of a doc::Drawing (the system map): the PDF draws it as
/// vectors, the DOCX rasterises it to a PNG, and both look alike.
///
/// @code
/// cairo_save(cr);
/// cairo_translate(cr, x, y);
/// sdiag::render::paint(cr, figure.drawing, sdiag::render::report_theme);
/// cairo_restore(cr);
/// @endcode
#pragma once

#include <string>
#include <string_view>

#include <cairo.h>
#include <pango/pangocairo.h>

#include <sdiag/model/document.hpp>

#include "theme.hpp"

namespace sdiag::render {

/// Paints `drawing` with its top-left corner at the current origin of `cr`,
/// in the drawing's own units (points). Labels are set in the theme's font
/// through `pango`, or through a context made for `cr` when it is null (it
/// is then prepared with prepare_text_context). Ops with too few points or
/// a colour that is not "#rrggbb" draw nothing of that part; labels that
/// are not valid UTF-8 are drawn with U+FFFD in place of the bad bytes.
void paint(cairo_t* cr, const doc::Drawing& drawing, const Theme& theme, PangoContext* pango = nullptr);

/// `text` as cairo will draw it: bytes that are not UTF-8 and the Unicode
/// noncharacters (U+FDD0-U+FDEF, U+FFFE, U+FFFF and their like in every
/// plane) become U+FFFD. cairo refuses a text holding a noncharacter, which
/// GLib and pango accept, and a refusal stops all drawing on its context:
/// one such letter in one note would end the PDF at that page.
std::string drawable_text(std::string_view text);

/// Makes `context` measure text in points (pango assumes 96 dpi) without
/// hinting, so a text takes the same room on a PDF page and in a picture
/// at any resolution.
void prepare_text_context(PangoContext* context);

}  // namespace sdiag::render
