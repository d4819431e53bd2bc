// Miro content is a small subset of HTML (<p>, <br>, <strong>, <a>, <span>...).
// This turns it into the plain text a note holds.
#pragma once

#include <string>
#include <string_view>

namespace sdiag::miro {

/// Paragraphs, list items and <br> become line breaks; other tags are
/// dropped; entities (named and numeric) are decoded; spaces inside each
/// line are collapsed and blank lines removed. Emoji and other UTF-8 stay.
std::string html_to_text(std::string_view html);

/// Whether every visible character is bold, italic, underlined or in a
/// heading tag: how facilitators write a heading or a caption on a text item.
bool is_all_emphasised(std::string_view html);

}  // namespace sdiag::miro
