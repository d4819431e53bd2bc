// The PDF's page: A4 with Word's default margins and the spacing of its
// blocks. Fonts, sizes and colours are the report theme's (theme::look),
// shared with the DOCX. Every measure is in points.
#pragma once

#include <sdiag/render/theme.hpp>

namespace sdiag::pdf {

using Rgb = sdiag::render::Rgb;

namespace theme {

/// The report's fonts, sizes and colours.
inline constexpr const sdiag::render::Theme& look = sdiag::render::report_theme;

inline constexpr double page_width = 595.276;   // A4, upright
inline constexpr double page_height = 841.890;
inline constexpr double a3_width = 841.890;     // A3, upright: twice A4
inline constexpr double a3_height = 1190.551;
inline constexpr double margin_x = 72;          // 2.54 cm, as a new DOCX
inline constexpr double margin_top = 72;
inline constexpr double margin_bottom = 72;
inline constexpr double content_top = margin_top;
inline constexpr double header_baseline = 42;   // running header, above the text block
inline constexpr double footer_from_bottom = 38;  // the footer's baseline above the page's foot

inline constexpr double heading_before[3] = {20, 14, 10};
inline constexpr double heading_after[3] = {8, 6, 4};

inline constexpr double list_indent = 18;       // per level
inline constexpr double list_label_width = 18;  // room for the bullet or number
inline constexpr double list_item_after = 3;

inline constexpr double cell_padding_x = 5;
inline constexpr double cell_padding_y = 3.5;

/// A figure's greatest height, as a share of the text's height on its page.
inline constexpr double figure_max_share = 0.72;

}  // namespace theme
}  // namespace sdiag::pdf
