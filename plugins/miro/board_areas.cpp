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
// (every shape counts the stickies under its width).
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

  // Every item's innermost area, then the areas from the outermost in.
  find_innermost();
  cut_loops(problems);
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
    area_of_[item->id] = &layout_.frame_of(*item);
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
    const std::string*& best = area_of_.at(placed[i]->id);
    const Item* frame = best->empty() ? nullptr : layout_.find(*best);
    if (!frame || rects[*regions[i]].area < frame->width * frame->height) best = region_ids[*regions[i]];
  }
}

// Parents and positions can disagree: a frame whose parent is a smaller frame
// lying inside it (the smaller one, unparented, is placed in it by position),
// or a region larger than the frame it is parented to, around that frame's
// centre. Every walk out through the areas must end, so each such loop is cut
// where an area was placed by its position rather than by its parent.
void BoardAreas::cut_loops(std::vector<Problem>& problems) {
  enum class Walk { on_path, done };
  std::map<std::string, Walk> walked;
  for (const auto* item : layout_.items()) {
    std::vector<std::string> path;
    for (std::string at = item->id; !at.empty(); at = outer(at)) {
      auto [it, first] = walked.try_emplace(at, Walk::on_path);
      if (first) {
        path.push_back(at);
        continue;
      }
      if (it->second == Walk::on_path) {  // back on this walk: the loop is the path from `at` on
        auto loop = std::find(path.begin(), path.end(), at);
        auto by_position = std::find_if(loop, path.end(), [&](const std::string& id) {
          const Item* area = layout_.find(id);
          return !area || area->parent_id != *area_of_.at(id);
        });
        const std::string& cut = by_position == path.end() ? *loop : *by_position;
        const Item* around = layout_.find(*area_of_.at(cut));
        const std::string title = around ? html_to_text(around->content) : std::string();
        problems.push_back({sdiag::Severity::warning, cut,
                            "it lies inside " + (title.empty() ? "the area " + *area_of_.at(cut) : "'" + title + "'") +
                                ", which by its parent lies inside it; it was read as in no area. Move one of the "
                                "two out of the other on the board"});
        area_of_.at(cut) = &kNoArea;
      }
      break;
    }
    for (const auto& id : path) walked[id] = Walk::done;
  }
}

const std::string& BoardAreas::area_of(const Item& item) const { return *area_of_.at(item.id); }

const std::string& BoardAreas::outer(const std::string& area) const {
  auto it = area_of_.find(area);
  return it == area_of_.end() ? kNoArea : *it->second;
}

}  // namespace sdiag::miro
