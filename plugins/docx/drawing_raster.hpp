// Rasterising a doc::Drawing to PNG (painted as the PDF paints it, by
// sdiag::render::paint), for formats that embed pictures rather than vectors.
#pragma once

#include <string>

#include <sdiag/model/document.hpp>

namespace sdiag::docx {

struct Png {
  std::string bytes;
  int width = 0;   ///< pixels
  int height = 0;  ///< pixels
};

/// The drawing at `dpi` on a white background. @throws std::runtime_error
/// for an empty or absurdly large drawing.
Png rasterise(const sdiag::doc::Drawing& drawing, double dpi = 200);

/// Reads PNG bytes (checking they decode) to learn the picture's size.
/// @throws std::runtime_error when they are not a PNG.
Png inspect_png(std::string bytes);

}  // namespace sdiag::docx
