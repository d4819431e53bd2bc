#include "styles_part.hpp"

#include <sdiag/render/word_styles.hpp>

#include "page_setup.hpp"

namespace sdiag::docx {

std::string default_styles_xml() {
  return sdiag::render::styles_xml(sdiag::render::report_styles(sdiag::render::report_theme, PageSetup{}.text_width()));
}

}  // namespace sdiag::docx
