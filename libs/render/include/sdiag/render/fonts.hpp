/// @file sdiag/render/fonts.hpp
/// Whether the theme's text can be drawn. fontconfig finds the theme's font,
/// or stands another in for it, or, with a font configuration that lists no
/// font at all, finds nothing: pango then draws every letter as an empty box
/// and a "report" of hundreds of pages of boxes comes out without a word.
///
/// @code
/// auto fonts = sdiag::render::check_fonts(context, sdiag::render::report_theme);
/// if (!fonts.error.empty()) throw std::runtime_error(fonts.error);
/// @endcode
#pragma once

#include <pango/pango.h>

#include <string>

#include "theme.hpp"

namespace sdiag::render {

struct FontCheck {
  /// No font draws the theme's text: which font is missing, and what to
  /// install. "" when text can be drawn.
  std::string error;
  /// Another font stands in for the theme's (its text is readable, but it
  /// breaks lines and pages differently): which, and what to install.
  std::string warning;
};

/// Asks `context` (its font map) for the theme's font and lays out a line
/// of ordinary text with it.
FontCheck check_fonts(PangoContext* context, const Theme& theme);

}  // namespace sdiag::render
