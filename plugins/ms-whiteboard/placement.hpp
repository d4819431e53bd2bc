// Which section and prompt each note of a Whiteboard board answers, from where
// it sits. Whiteboard has no frames, so a board is laid out with what it has:
// a large shape (or a note grid) titled with a section or prompt holds the
// notes on it, and a text box (or a shape holding no notes) titled so heads
// the notes stacked below it in its column (a gap taller than a note ends the
// column). A note inside an area that names a section takes a prompt from a
// heading above it in that area.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

#include "export_page.hpp"

namespace sdiag::ms_whiteboard {

struct Placed {
  const Object* object = nullptr;
  std::string section;  ///< "" when nothing places it
  std::string prompt;
  std::string area;     ///< the title of the area or heading that placed it, for Position::frame
};

struct Placement {
  std::vector<Placed> notes;  ///< every note, every text that names nothing, every untitled shape's text
  std::size_t titles = 0;     ///< objects read as area titles or headings
};

/// Places the page's notes on the template `t`.
Placement place_notes(const ExportPage& page, const sdiag::Template& t);

}  // namespace sdiag::ms_whiteboard
