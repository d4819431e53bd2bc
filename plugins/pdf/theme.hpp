// The look of the PDF: A4 with Word's default margins, Liberation Sans (the
// metric twin of Arial), Word-like heading sizes in a restrained dark blue.
// Every measure is in points.
#pragma once

namespace pdf {

struct Rgb {
  double r, g, b;
};

namespace theme {

inline constexpr double page_width = 595.276;   // A4
inline constexpr double page_height = 841.890;
inline constexpr double margin_x = 72;          // 2.54 cm, as a new DOCX
inline constexpr double margin_top = 72;
inline constexpr double margin_bottom = 72;
inline constexpr double content_width = page_width - 2 * margin_x;
inline constexpr double content_top = margin_top;
inline constexpr double content_bottom = page_height - margin_bottom;
inline constexpr double header_baseline = 42;   // running header, above the text block
inline constexpr double footer_baseline = page_height - 38;

inline constexpr const char* font_family = "Liberation Sans";
inline constexpr double body_size = 11;
inline constexpr double line_spacing = 1.15;    // multiple of the font's natural line height
inline constexpr double paragraph_after = 8;
inline constexpr double small_size = 9;

inline constexpr double title_size = 28;
inline constexpr double subtitle_size = 15;
inline constexpr double heading_size[3] = {17, 13.5, 12};
inline constexpr double heading_before[3] = {20, 14, 10};
inline constexpr double heading_after[3] = {8, 6, 4};

inline constexpr double list_indent = 18;       // per level
inline constexpr double list_label_width = 18;  // room for the bullet or number
inline constexpr double list_item_after = 3;

inline constexpr double cell_padding_x = 5;
inline constexpr double cell_padding_y = 3.5;
inline constexpr double table_size = 10;

inline constexpr double figure_max_height = 0.72 * (page_height - margin_top - margin_bottom);

inline constexpr Rgb text{0.10, 0.10, 0.10};
inline constexpr Rgb heading{0.122, 0.267, 0.475};   // #1f4479
inline constexpr Rgb muted{0.35, 0.37, 0.40};
inline constexpr Rgb link{0.02, 0.32, 0.66};
inline constexpr Rgb rule{0.70, 0.73, 0.77};
inline constexpr Rgb header_fill{0.85, 0.89, 0.94};
inline constexpr Rgb quote_bar{0.60, 0.68, 0.80};
inline constexpr Rgb accent{0.122, 0.267, 0.475};

}  // namespace theme
}  // namespace pdf
