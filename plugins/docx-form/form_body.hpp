// word/document.xml of the blank capture form: a title and instructions,
// then for every section of the workshop template a Heading 1 with its
// phase, and a content control to type into: one per prompt for a section
// with prompts, one for the section itself otherwise. Who needs to be
// involved also gets a contributors table. A4 portrait.
#pragma once

#include <string>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::docx_form {

/// The tag of the content control for a section (prompt empty) or a prompt:
/// "section" or "section/prompt", which the reader resolves against the template.
std::string control_tag(const std::string& section, const std::string& prompt);

std::string form_document_xml(const sdiag::Template& tmpl);

}  // namespace sdiag::docx_form
