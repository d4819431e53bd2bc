// A whole Document to a PDF file with cairo: two passes (measure, then draw),
// cover page, contents, outline, metadata and structure tags.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>

#include <sdiag/model/document.hpp>

#include "page_flow.hpp"
#include "pango_setup.hpp"

namespace sdiag::pdf {

struct RenderedPdf {
  int pages = 0;
  bool stable = true;  ///< both passes agreed on every heading's page
};

/// How the pages are set up: the paper, and whether each page's footer names
/// the section (level 1 heading) the page is in.
struct PageOptions {
  double width = theme::page_width;  ///< upright
  double height = theme::page_height;
  bool section_in_footer = false;
};

/// Renders `doc` as a tagged PDF with the fonts of `pango` into the file
/// `target`. `now` fixes the creation and modification dates.
RenderedPdf render_document(const sdiag::doc::Document& doc, std::time_t now, const PangoSetup& pango,
                            const PageOptions& paper, const std::filesystem::path& target);

}  // namespace sdiag::pdf
