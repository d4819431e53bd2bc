#pragma once

#include <string>

#include <sdiag/model/document.hpp>

namespace sdiag::markdown {

/// The Document as CommonMark with GFM tables.
std::string to_markdown(const sdiag::doc::Document& d);

}  // namespace sdiag::markdown
