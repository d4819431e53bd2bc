/// @file sdiag/render/theme.hpp
/// The report's look: its fonts, sizes and colours, in one struct that the
/// DOCX styles, the PDF and the blank capture form all read.
///
/// @code
/// const auto& t = sdiag::render::report_theme;
/// cairo_set_source_rgb(cr, t.heading.r, t.heading.g, t.heading.b);
/// std::string word_colour = sdiag::render::ooxml_hex(t.heading);  // "1F3864"
/// @endcode
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sdiag::render {

/// A colour, each component 0..1 as cairo takes it.
struct Rgb {
  double r = 0, g = 0, b = 0;

  /// From 0xRRGGBB, the way OOXML writes a colour; exact both ways with ooxml_hex().
  static constexpr Rgb hex(std::uint32_t rgb) {
    return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
  }
  bool operator==(const Rgb&) const = default;
};

/// "RRGGBB", upper case without '#', as styles.xml writes a colour.
std::string ooxml_hex(Rgb colour);

/// "#rrggbb" (either case) as a colour; nothing for any other text.
std::optional<Rgb> parse_colour(std::string_view text);

/// The Word styles' own measures, where they are not (yet) the PDF's.
struct WordLook {
  double subtitle_size = 16;
  double heading_size[3] = {16, 13, 11.5};
  Rgb accent = Rgb::hex(0x2E5496);       ///< subtitle, heading 3, table borders
  Rgb rule = Rgb::hex(0x8EAADB);         ///< the rules under heading 1 and the subtitle, the quote bar
  Rgb header_fill = Rgb::hex(0xDCE4F2);  ///< a table's header row
  Rgb muted = Rgb::hex(0x595959);        ///< captions, notes, running header and footer
  Rgb quote = Rgb::hex(0x404040);
  Rgb table_rule = Rgb::hex(0xBFBFBF);   ///< between table rows
  Rgb link = Rgb::hex(0x0563C1);
};

/// The PDF's own measures, where they are not (yet) Word's.
struct PdfLook {
  double subtitle_size = 15;
  double heading_size[3] = {17, 13.5, 12};
  Rgb text{0.10, 0.10, 0.10};
  Rgb muted{0.35, 0.37, 0.40};
  Rgb link{0.02, 0.32, 0.66};
  Rgb rule{0.70, 0.73, 0.77};
  Rgb header_fill{0.85, 0.89, 0.94};
  Rgb quote_bar{0.60, 0.68, 0.80};
};

struct Theme {
  /// The family cairo and pango draw with (the PDF, the pictures of drawings).
  const char* font_family = "Liberation Sans";
  /// The Debian package that installs `font_family` (scripts/install-deps.sh).
  const char* font_package = "fonts-liberation2";
  /// The family a DOCX names: Word has Arial, and Liberation Sans (its
  /// metric twin) stands in for it where Arial is not installed.
  const char* office_font = "Arial";
  const char* language = "en-GB";

  // Sizes in points, the same in every output.
  double body_size = 11;
  double small_size = 9;   ///< captions, running header and footer
  double table_size = 10;
  double title_size = 28;
  double line_spacing = 1.15;   ///< a multiple of the font's natural line height
  double paragraph_after = 8;

  /// The one heading colour of every output. Word's dark blue rather than
  /// the PDF's lighter #1f4479: the darker of the two (11.6:1 on white
  /// against 9.7:1), the colour people already see in Word's style pane,
  /// and the DOCX report and the capture form keep their bytes.
  Rgb heading = Rgb::hex(0x1F3864);

  WordLook word;
  PdfLook pdf;
};

/// The report's theme.
inline constexpr Theme report_theme{};

}  // namespace sdiag::render
