// word/settings.xml, and the default header and footer.
#pragma once

#include <optional>
#include <string>

namespace sdiag::docx {

/// Settings: fields (the table of contents) refreshed on opening, British
/// English proofing, Word 2013+ layout.
std::string settings_xml(const std::string& language);

/// Header: the report title, right-aligned, in the Header style.
std::string header_xml(const std::string& title, const std::string& style_id);
/// Where a footer's centre and right tab stops are: the Footer style sets
/// them for an upright page; a turned page's footer sets its own.
struct FooterTabs {
  int style_width = 0;  ///< the text width the style's stops are set for (twentieths of a point)
  int text_width = 0;   ///< the text width of the footer's page
};

/// Footer: the organisation on the left, "Page X of Y" on the right; with
/// `tabs`, for a page whose text is not as wide as the style's stops assume.
std::string footer_xml(const std::string& organisation, const std::string& style_id,
                       std::optional<FooterTabs> tabs = std::nullopt);

}  // namespace sdiag::docx
