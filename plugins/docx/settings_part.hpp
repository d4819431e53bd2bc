// word/settings.xml, and the default header and footer.
#pragma once

#include <string>

namespace sdiag::docx {

/// Settings: fields (the table of contents) refreshed on opening, British
/// English proofing, Word 2013+ layout.
std::string settings_xml(const std::string& language);

/// Header: the report title, right-aligned, in the Header style.
std::string header_xml(const std::string& title, const std::string& style_id);
/// Footer: the organisation on the left, "Page X of Y" on the right.
std::string footer_xml(const std::string& organisation, const std::string& style_id);

}  // namespace sdiag::docx
