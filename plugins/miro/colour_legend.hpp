// Sticky colours as people name them, and the legends that say which colour
// means what ("pink = pain points · green = what works well").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sdiag::miro {

/// The family of a Miro colour name ("light_green"), a colour word ("Green",
/// "light green", "purple"), a "#rrggbb" fill or a coloured emoji square or
/// circle: yellow, orange, green, blue, cyan, pink, red, purple, grey, black
/// or white. "" when it is none of these.
std::string colour_family(std::string_view colour);

/// Families next to each other that people use for one another ("pink or
/// red"): the one next to `family`, or "".
std::string neighbour_family(const std::string& family);

struct LegendEntry {
  std::string family;   ///< colour_family of the colour named
  std::string meaning;  ///< what it stands for, as written
};

/// The entries of a colour legend, one per "colour = meaning" (or "meaning:
/// colour", "colour stickies – meaning", ...), in the order written. Fewer than
/// two entries is no legend: nothing is returned.
std::vector<LegendEntry> parse_colour_legend(std::string_view text);

/// A sticky's colour family and the prompt its position gives it ("" when none).
struct ColourSeen {
  std::string family;
  std::string prompt;
};

/// Facilitators often colour each column's stickies alike (green under "best
/// bits", pink under "pain points"). The legend those colours make — family ->
/// prompt — when they plainly follow the prompts: each colour used twice or
/// more goes with one prompt for 60% of its notes, two colours or more go with
/// different prompts, and 75% of all the coloured notes agree. Else empty.
std::map<std::string, std::string> legend_from_colours(const std::vector<ColourSeen>& seen);

}  // namespace sdiag::miro
