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

/// Reads `pdf`, adds /Lang `language`, /Alt from `alts` (in document order of
/// the Figure elements), and writes the result to `target`.
FixupResult write_accessible_pdf(const std::string& pdf, const std::string& language,
                                 const std::vector<std::string>& alts, const std::filesystem::path& target);

}  // namespace sdiag::pdf
