// The workshop printed as boards for the wall: one landscape page per section
// of the template, titled as the method titles it, its prompts as labelled
// columns with room for sticky notes. A Document, so the PDF writer that
// prints the report prints the boards (tagged, with an outline and a footer
// naming each page's section).
#pragma once

#include <string>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace sdiag::core {

enum class Paper { a4, a3 };

/// "Before the session (1)", "Morning (2)": how the method labels the section
/// at `index` by its phase ("" when the template gives none).
std::string phase_label(const Template& t, std::size_t index);

/// The boards of `t` on landscape pages of `paper`.
doc::Document paper_boards(const Template& t, Paper paper);

}  // namespace sdiag::core
