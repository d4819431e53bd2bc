// The blank capture form as a complete DOCX package, built from a workshop
// template. The same template and time give the same bytes.
#pragma once

#include <ctime>
#include <string>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::docx_form {

/// The .docx bytes of the blank form for `tmpl`; `now` dates its core properties.
std::string capture_form_docx(const sdiag::Template& tmpl, std::time_t now);

}  // namespace sdiag::docx_form
