// word/styles.xml of the capture form: real Title and Heading 1/2 styles
// (with outline levels, so Word's navigation pane and PDF bookmarks work),
// a guidance style the reader skips, Word's placeholder text style and a
// bordered table style. Language en-GB throughout.
#pragma once

#include <string>

namespace docx_form {

/// Style ids used by the form's body.
namespace style {
inline constexpr const char* title = "Title";
inline constexpr const char* heading1 = "Heading1";
inline constexpr const char* heading2 = "Heading2";
inline constexpr const char* guidance = "FormGuidance";
inline constexpr const char* answer = "FormAnswer";
inline constexpr const char* placeholder = "PlaceholderText";
inline constexpr const char* table = "TableGrid";
}  // namespace style

std::string form_styles_xml();

}  // namespace docx_form
