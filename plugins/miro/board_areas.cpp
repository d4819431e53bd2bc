#include "board_areas.hpp"

#include <algorithm>

#include "html_text.hpp"

namespace sdiag::miro {

namespace {

// A region is much larger than what it holds: a sticky note is a small
// fraction of it, and at least two sit on it.
constexpr double kRegionToStickyArea = 8;
constexpr int kStickiesOnRegion = 2;

}  // namespace

BoardAreas::BoardAreas(const BoardLayout& layout) : layout_(layout) {
  std::vector<const Item*> stickies;
  for (const auto* item : layout.items())
    if (item->type == "sticky_note" && item->has_position) stickies.push_back(item);
  for (const auto* item : layout.items())
    if (item->type == "shape" && looks_like_region(*item, stickies)) regions_[item->id] = bounds(*item);

  // Every item's innermost area; regions and frames first, so their own outer
  // areas are known for the order below.
  for (const auto* item : layout.items()) area_of_[item->id] = innermost(*item);
  for (const auto* item : layout.items())
    if (item->type == "frame" || is_region(*item)) areas_.push_back(item);
  auto depth = [&](const Item* a) {
    int d = 0;
    for (std::string o = outer(a->id); !o.empty() && d < 1000; o = outer(o)) ++d;
    return d;
  };
  std::stable_sort(areas_.begin(), areas_.end(), [&](const Item* a, const Item* b) { return depth(a) < depth(b); });
}

BoardAreas::Rect BoardAreas::bounds(const Item& item) const {
  auto c = layout_.centre(item);
  return {c.x - item.width / 2, c.y - item.height / 2, c.x + item.width / 2, c.y + item.height / 2};
}

bool BoardAreas::looks_like_region(const Item& shape, const std::vector<const Item*>& stickies) const {
  if (!shape.has_data || !shape.has_position || shape.width <= 0 || shape.height <= 0) return false;
  if (html_to_text(shape.content).empty()) return false;  // a region is titled
  const auto r = bounds(shape);
  int on = 0;
  for (const auto* s : stickies) {
    if (s->width * s->height * kRegionToStickyArea > r.area()) continue;
    if (r.holds(layout_.centre(*s)) && ++on >= kStickiesOnRegion) return true;
  }
  return false;
}

// The smallest of the item's frame and the regions its centre lies on. A
// region only holds what is smaller than itself, so regions cannot loop.
std::string BoardAreas::innermost(const Item& item) const {
  std::string best = layout_.frame_of(item);
  double best_area = 0;
  if (const Item* f = best.empty() ? nullptr : layout_.find(best)) best_area = f->width * f->height;
  if (!item.has_position) return best;
  const auto at = layout_.centre(item);
  const double own = item.width * item.height;
  for (const auto& [id, rect] : regions_) {
    if (id == item.id || rect.area() <= own || !rect.holds(at)) continue;
    if (best.empty() || rect.area() < best_area) {
      best = id;
      best_area = rect.area();
    }
  }
  return best;
}

const std::string& BoardAreas::area_of(const Item& item) const { return area_of_.at(item.id); }

const std::string& BoardAreas::outer(const std::string& area) const {
  static const std::string none;
  auto it = area_of_.find(area);
  return it == area_of_.end() ? none : it->second;
}

}  // namespace sdiag::miro
