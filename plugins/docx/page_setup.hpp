// The page: size, margins, header and footer references and whether the
// first page (the cover) has its own, i.e. none. Written as the body's
// final w:sectPr, and as the w:sectPr that ends each earlier section.
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
  /// A turned page's own, when it has them (a footer with its tab stops
  /// where the wider page needs them); else the upright page's.
  std::vector<HeaderFooterRef> turned_headers_footers;
  bool title_page = true;  ///< the cover page carries no header or footer

  /// Width between the margins, in twentieths of a point.
  int text_width() const;
  /// Height between the margins, in twentieths of a point.
  int text_height() const;
  /// The same page turned to landscape (width and height swapped, the
  /// margins kept), unless it is already wider than tall.
  PageSetup turned() const;
  void write(XmlPart& x) const;
};

}  // namespace sdiag::docx
