// What cairo 1.16 cannot write, added with qpdf after rendering: the
// document language, alt text on Figure structure elements, DisplayDocTitle
// and MarkInfo, appended as an incremental update with an ID from the content.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sdiag::pdf {

struct FixupResult {
  std::size_t figures_found = 0;   ///< Figure elements in the structure tree
  std::vector<std::string> warnings;
};

/// Adds /Lang `language` and /Alt from `alts` (in document order of the
/// Figure elements) to the PDF file `pdf` cairo wrote, as an update appended
/// to it. The file is read in pieces, never held whole.
FixupResult add_accessibility_update(const std::filesystem::path& pdf, const std::string& language,
                                     const std::vector<std::string>& alts);

}  // namespace sdiag::pdf
