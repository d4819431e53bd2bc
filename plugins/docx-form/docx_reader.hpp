// Reading a DOCX back: a filled capture form (content controls tagged with
// a section or prompt id) or an ordinary typed-up document (headings that
// name template sections, the paragraphs and list items under them).
#pragma once

#include <sdiag/plugin.hpp>

namespace sdiag::docx_form {

/// @throws sdiag::InputError when the file is not a readable DOCX.
void read_docx(const sdiag::InputFile& file, sdiag::Diagnostic& into, sdiag::Context& ctx);

/// Placeholder text of the blank form: never a note.
inline constexpr const char* placeholder_text = "Type your notes here, one per paragraph.";

/// Title of the blank form: not the workshop's title.
inline constexpr const char* form_title = "Data service diagnostic: capture form";

}  // namespace sdiag::docx_form
