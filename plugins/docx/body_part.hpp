// word/document.xml: every block of a Document as WordprocessingML.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/document.hpp>
#include <sdiag/ooxml/package_writer.hpp>

#include "numbering_part.hpp"
#include "page_setup.hpp"
#include "styles_part.hpp"

namespace sdiag::docx {

/// What the body needs from the rest of the package.
struct BodyContext {
  const StyleIds& styles;
  Numbering& numbering;
  sdiag::ooxml::Relationships& relationships;  ///< of word/document.xml: links and pictures are added here
  sdiag::ooxml::PackageWriter& package;       ///< pictures are added as word/media/… parts
  const PageSetup& page;
  double figure_dpi = 200;
  std::vector<std::string> problems;  ///< things the reader should know (a figure that could not be drawn…)
};

sdiag::ooxml::TextPieces document_xml(const sdiag::doc::Document& document, BodyContext& context);

}  // namespace sdiag::docx
