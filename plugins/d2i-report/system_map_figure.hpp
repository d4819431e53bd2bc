// The data system map as a figure: laid out with graphviz, drawn as
// vectors (doc::Drawing) that the PDF writer draws and the DOCX writer
// rasterises.
#pragma once

#include <optional>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace sdiag::d2i_report {

/// Labels print readably from this size (points).
inline constexpr double kReadableLabel = 8;

/// The map's page is turned (A4 landscape) only when upright its labels
/// print under kReadableLabel and turned they print a tenth larger or more.
bool landscape_prints_larger(double portrait_pt, double landscape_pt);

struct SystemMapFigure {
  sdiag::doc::Figure figure;
  bool landscape = false;  ///< print it on a landscape page
};

/// The figure of `map`, with alt text generated from the graph, laid out
/// (left to right or top to bottom, on an upright or a turned page) to
/// print its labels largest; nothing when the map has no nodes.
std::optional<SystemMapFigure> system_map_figure(const sdiag::SystemMap& map);

}  // namespace sdiag::d2i_report
