// The data system map as a figure: laid out with graphviz, drawn as
// vectors (doc::Drawing) that the PDF writer draws and the DOCX writer
// rasterises.
#pragma once

#include <optional>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace sdiag::d2i_report {

/// The figure of `map`, with alt text generated from the graph; nothing
/// when the map has no nodes.
std::optional<sdiag::doc::Figure> system_map_figure(const sdiag::SystemMap& map);

}  // namespace sdiag::d2i_report
