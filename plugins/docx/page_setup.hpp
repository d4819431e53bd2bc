// The page: size, margins, header and footer references and whether the
// first page (the cover) has its own, i.e. none. Written as the body's
// final w:sectPr.
#pragma once

#include <string>
#include <vector>

#include <sdiag/ooxml/xml_part.hpp>

namespace sdiag::docx {

using sdiag::ooxml::AttrList;
using sdiag::ooxml::XmlPart;

struct HeaderFooterRef {
  bool header = true;         ///< else footer
  std::string type = "default";  ///< default, first, even
  std::string relationship;   ///< r:id in document.xml.rels
};

struct PageSetup {
  /// A4 portrait with 2.3 cm side margins and 2.5 cm top and bottom.
  AttrList size = {{"w:w", "11906"}, {"w:h", "16838"}};
  AttrList margins = {{"w:top", "1418"}, {"w:right", "1304"}, {"w:bottom", "1418"}, {"w:left", "1304"},
                      {"w:header", "709"}, {"w:footer", "567"}, {"w:gutter", "0"}};
  std::vector<HeaderFooterRef> headers_footers;
  bool title_page = true;  ///< the cover page carries no header or footer

  /// Width between the margins, in twentieths of a point.
  int text_width() const;
  /// Height between the margins, in twentieths of a point.
  int text_height() const;
  void write(XmlPart& x) const;
};

}  // namespace sdiag::docx
