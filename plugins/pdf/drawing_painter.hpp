// Draws a doc::Drawing (the vector primitives of the model) with cairo.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <sdiag/model/document.hpp>

namespace pdf {

/// Paints `drawing` with its top-left corner at the current origin of `cr`,
/// in the drawing's own units (points).
void paint_drawing(cairo_t* cr, PangoContext* pango, const sdiag::doc::Drawing& drawing);

/// "#rrggbb" to components; false when it is not such a colour.
bool parse_colour(const std::string& colour, double& r, double& g, double& b);

}  // namespace pdf
