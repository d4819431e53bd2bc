// The pango font map and context a render draws with: both passes share
// them, so their measurements agree. Making them and loading the theme's
// fonts is the first page's hidden cost, so it can be done ahead of time
// (warm_up, on the host's warm-up thread) and handed to the render.
#pragma once

#include <pango/pangocairo.h>

namespace sdiag::pdf {

class PangoSetup {
 public:
  PangoSetup();
  ~PangoSetup();
  PangoSetup(const PangoSetup&) = delete;
  PangoSetup& operator=(const PangoSetup&) = delete;

  PangoContext* context() const { return context_; }

  /// Loads every face and size of the theme: fontconfig's set-up and its
  /// choice of font for each, the font files and the shaper's tables.
  void warm_up();

 private:
  PangoFontMap* font_map_;
  PangoContext* context_;
};

}  // namespace sdiag::pdf
