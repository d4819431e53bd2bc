// Facilitators often number their frames in the template's order ("1 · The
// view from the top" ... "9 – agreed actions"). Where most numbered titles
// that match a section follow the template's order, a numbered title that
// matches nothing is read as the section its number points to.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::miro {

struct NumberedTitle {
  std::string id;     ///< the area's id
  std::string title;  ///< as written on the board
};

/// The leading number of a title ("4.", "2)", "Step 3 –", "③"), or -1.
int leading_number(const std::string& title);

/// Area id -> section id, for the titles that match no section themselves but
/// whose number the others' numbering places. Empty unless at least four
/// numbered titles match sections and four in five of them agree on how
/// numbers map to the template's order.
std::map<std::string, std::string> sections_by_number(const std::vector<NumberedTitle>& titles, const sdiag::Template& tmpl);

}  // namespace sdiag::miro
