#include "smallest_holder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <utility>

namespace sdiag::miro {

namespace {

bool usable(const Rect& r) {
  return !std::isnan(r.left) && !std::isnan(r.top) && !std::isnan(r.right) && !std::isnan(r.bottom) &&
         !std::isnan(r.area) && r.left <= r.right && r.top <= r.bottom;
}

// The rectangles that span x at the sweep line, indexed by their y extent: a
// segment tree whose leaves are the edges' y values and the gaps between
// them; each rectangle sits in the O(log n) nodes covering its extent, as
// (area, index) so the smallest comes first and ties go to the first given.
class YTree {
 public:
  explicit YTree(std::vector<double> ys) : ys_(std::move(ys)) {
    std::sort(ys_.begin(), ys_.end());
    ys_.erase(std::unique(ys_.begin(), ys_.end()), ys_.end());
    const std::size_t leaves = ys_.empty() ? 1 : 2 * ys_.size() - 1;
    while (size_ < leaves) size_ *= 2;
    nodes_.resize(2 * size_);
  }

  void insert(const Rect& r, std::size_t index) {
    cover(r, [&](Node& n) { n.insert({r.area, index}); });
  }
  void erase(const Rect& r, std::size_t index) {
    cover(r, [&](Node& n) { n.erase({r.area, index}); });
  }

  std::optional<std::size_t> smallest(double y, double larger_than, std::size_t self) const {
    auto at = std::lower_bound(ys_.begin(), ys_.end(), y);
    if (at == ys_.end() || (*at != y && at == ys_.begin())) return std::nullopt;  // beyond every edge
    const auto i = static_cast<std::size_t>(at - ys_.begin());
    const std::size_t leaf = *at == y ? 2 * i : 2 * i - 1;
    const std::pair<double, std::size_t> after{larger_than, std::numeric_limits<std::size_t>::max()};
    std::optional<std::pair<double, std::size_t>> best;
    for (std::size_t p = leaf + size_; p >= 1; p /= 2) {
      auto it = nodes_[p].upper_bound(after);
      if (it != nodes_[p].end() && it->second == self) ++it;
      if (it != nodes_[p].end() && (!best || *it < *best)) best = *it;
    }
    if (!best) return std::nullopt;
    return best->second;
  }

 private:
  using Node = std::set<std::pair<double, std::size_t>>;

  std::size_t leaf_of_edge(double y) const {
    return 2 * static_cast<std::size_t>(std::lower_bound(ys_.begin(), ys_.end(), y) - ys_.begin());
  }

  template <class Op>
  void cover(const Rect& r, Op op) {
    std::size_t lo = leaf_of_edge(r.top) + size_, hi = leaf_of_edge(r.bottom) + size_ + 1;
    for (; lo < hi; lo /= 2, hi /= 2) {
      if (lo & 1) op(nodes_[lo++]);
      if (hi & 1) op(nodes_[--hi]);
    }
  }

  std::vector<double> ys_;
  std::size_t size_ = 1;
  std::vector<Node> nodes_;
};

}  // namespace

std::vector<std::optional<std::size_t>> smallest_holders(const std::vector<Rect>& rects,
                                                         const std::vector<HolderQuery>& queries) {
  std::vector<std::optional<std::size_t>> found(queries.size());
  // Sweep events across x: at one x, rectangles open, then points are asked
  // about, then rectangles close, so edges hold what lies on them.
  enum Order { open = 0, ask = 1, close = 2 };
  struct Event {
    double x;
    Order order;
    std::size_t index;
  };
  std::vector<Event> events;
  std::vector<double> ys;
  for (std::size_t i = 0; i < rects.size(); ++i) {
    if (!usable(rects[i])) continue;
    events.push_back({rects[i].left, open, i});
    events.push_back({rects[i].right, close, i});
    ys.push_back(rects[i].top);
    ys.push_back(rects[i].bottom);
  }
  if (events.empty()) return found;
  for (std::size_t q = 0; q < queries.size(); ++q)
    if (!std::isnan(queries[q].x) && !std::isnan(queries[q].y)) events.push_back({queries[q].x, ask, q});
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.x != b.x ? a.x < b.x : a.order != b.order ? a.order < b.order : a.index < b.index;
  });

  YTree tree(std::move(ys));
  for (const auto& e : events) {
    switch (e.order) {
      case open: tree.insert(rects[e.index], e.index); break;
      case close: tree.erase(rects[e.index], e.index); break;
      case ask: {
        const auto& q = queries[e.index];
        const double larger_than = std::isnan(q.larger_than) ? -std::numeric_limits<double>::infinity() : q.larger_than;
        found[e.index] = tree.smallest(q.y, larger_than, q.self);
        break;
      }
    }
  }
  return found;
}

}  // namespace sdiag::miro
