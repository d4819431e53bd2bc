#include "board_areas.hpp"

#include <algorithm>
#include <iterator>

#include "html_text.hpp"

namespace sdiag::miro {

namespace {

// A region is much larger than what it holds: a sticky note is a small
// fraction of it, and at least two sit on it.
constexpr double kRegionToStickyArea = 8;
constexpr int kStickiesOnRegion = 2;
// Boards have tens of regions; a cap keeps a hostile board's cost in check
// (every item is compared with every region).
constexpr std::size_t kMostRegions = 1000;

}  // namespace

BoardAreas::BoardAreas(const BoardLayout& layout, const TitleCheck& names_template, std::vector<Problem>& problems)
    : layout_(layout) {
  // Stickies by the x of their centre, so a shape looks only at those below its width.
  for (const auto* item : layout.items())
    if (item->type == "sticky_note" && item->has_position) stickies_by_x_.push_back({layout.centre(*item), item});
  std::sort(stickies_by_x_.begin(), stickies_by_x_.end(),
            [](const Placed& a, const Placed& b) { return a.at.x < b.at.x; });
  for (const auto* item : layout.items()) {
    if (item->type != "shape" || !looks_like_region(*item, names_template)) continue;
    if (regions_.size() == kMostRegions) {
      problems.push_back({sdiag::Severity::warning, item->id,
                          "more than " + std::to_string(kMostRegions) +
                              " large shapes hold sticky notes; only the first were read as regions of the board"});
      break;
    }
    regions_[item->id] = bounds(*item);
  }

  // Every item's innermost area; regions and frames first, so their own outer
  // areas are known for the order below.
  find_innermost();
  for (const auto* item : layout.items())
    if (item->type == "frame" || is_region(*item)) areas_.push_back(item);
  auto depth = [&](const Item* a) {
    int d = 0;
    for (std::string o = outer(a->id); !o.empty() && d < 1000; o = outer(o)) ++d;
    return d;
  };
  std::stable_sort(areas_.begin(), areas_.end(), [&](const Item* a, const Item* b) { return depth(a) < depth(b); });
}

Rect BoardAreas::bounds(const Item& item) const {
  auto c = layout_.centre(item);
  Rect r{c.x - item.width / 2, c.y - item.height / 2, c.x + item.width / 2, c.y + item.height / 2};
  r.area = (r.right - r.left) * (r.bottom - r.top);
  return r;
}

bool BoardAreas::looks_like_region(const Item& shape, const TitleCheck& names_template) const {
  if (!shape.has_data || !shape.has_position || shape.width <= 0 || shape.height <= 0) return false;
  const auto title = html_to_text(shape.content);
  if (title.empty()) return false;  // a region is titled
  const auto r = bounds(shape);
  auto first = std::lower_bound(stickies_by_x_.begin(), stickies_by_x_.end(), r.left,
                                [](const Placed& p, double x) { return p.at.x < x; });
  int on = 0;
  for (auto it = first; it != stickies_by_x_.end() && it->at.x <= r.right; ++it) {
    if (it->item->width * it->item->height * kRegionToStickyArea > r.area) continue;
    if (r.holds(it->at.x, it->at.y) && ++on >= kStickiesOnRegion) return true;
  }
  return on == 1 && names_template(title);
}

// Each item's innermost area: the smaller of its frame and the smallest
// region its centre lies on (the frame when they are equal). A region only
// holds what is smaller than itself, so regions cannot loop.
void BoardAreas::find_innermost() {
  std::vector<const std::string*> region_ids;
  std::vector<Rect> rects;
  for (const auto& [id, rect] : regions_) {
    region_ids.push_back(&id);
    rects.push_back(rect);
  }
  std::vector<const Item*> placed;
  std::vector<HolderQuery> queries;
  for (const auto* item : layout_.items()) {
    area_of_[item->id] = layout_.frame_of(*item);
    if (!item->has_position || regions_.empty()) continue;
    const auto at = layout_.centre(*item);
    HolderQuery q{at.x, at.y, item->width * item->height};
    if (auto own = regions_.find(item->id); own != regions_.end())
      q.self = static_cast<std::size_t>(std::distance(regions_.begin(), own));
    placed.push_back(item);
    queries.push_back(q);
  }
  const auto regions = smallest_holders(rects, queries);
  for (std::size_t i = 0; i < placed.size(); ++i) {
    if (!regions[i]) continue;
    auto& best = area_of_[placed[i]->id];
    const Item* frame = best.empty() ? nullptr : layout_.find(best);
    if (!frame || rects[*regions[i]].area < frame->width * frame->height) best = *region_ids[*regions[i]];
  }
}

const std::string& BoardAreas::area_of(const Item& item) const { return area_of_.at(item.id); }

const std::string& BoardAreas::outer(const std::string& area) const {
  static const std::string none;
  auto it = area_of_.find(area);
  return it == area_of_.end() ? none : it->second;
}

}  // namespace sdiag::miro
