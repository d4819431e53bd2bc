// Which rectangle holds each point: for many points at once, the smallest
// rectangle (by area) whose bounds (edges included) hold the point and that
// is larger than a given area. A sweep across x with a segment tree over the
// rectangles' y edges: O((rects + points) log^2), where comparing every point
// with every rectangle took minutes on boards of 20,000 frames.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace sdiag::miro {

struct Rect {
  double left = 0, top = 0, right = 0, bottom = 0;
  double area = 0;  ///< as the caller measures it (a frame's is its width times its height)
  bool holds(double x, double y) const { return x >= left && x <= right && y >= top && y <= bottom; }
};

struct HolderQuery {
  double x = 0, y = 0;
  double larger_than = -1;  ///< only rectangles of a greater area count
  std::size_t self = static_cast<std::size_t>(-1);  ///< the index of the point's own rectangle, which never holds it
};

/// For each query, the index in `rects` of the smallest rectangle holding
/// its point with an area above `larger_than`; among equal areas the first
/// in `rects`. Nothing when none does.
std::vector<std::optional<std::size_t>> smallest_holders(const std::vector<Rect>& rects,
                                                         const std::vector<HolderQuery>& queries);

}  // namespace sdiag::miro
