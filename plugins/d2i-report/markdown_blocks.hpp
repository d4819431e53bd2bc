// Facilitator's Markdown (narrative) to Document blocks, with cmark-gfm.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/document.hpp>

namespace sdiag::d2i_report {

/// Parses CommonMark + GFM tables. Headings are placed below `base_level`
/// (a "# Heading" in the narrative of a level-1 section becomes level 2).
/// Raw HTML is never passed through: it is shown as its text.
std::vector<sdiag::doc::Block> markdown_to_blocks(const std::string& markdown, int base_level);

}  // namespace sdiag::d2i_report
