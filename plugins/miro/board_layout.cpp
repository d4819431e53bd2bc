#include "board_layout.hpp"

#include <algorithm>

#include "smallest_holder.hpp"

namespace sdiag::miro {

namespace {

bool is_frame(const Item& i) { return i.type == "frame"; }

}  // namespace

BoardLayout::BoardLayout(const Board& board, std::vector<Problem>& problems) {
  for (const auto& item : board.items) {
    if (!by_id_.emplace(item.id, &item).second) {
      problems.push_back({sdiag::Severity::warning, item.id,
                          "the id appears twice in the export; only the first item with it was read"});
      continue;
    }
    items_.push_back(&item);
  }
  // Frames first, so an unparented frame can find the frame around it by bounds.
  std::vector<std::string> chain;
  for (const auto* item : items_)
    if (is_frame(*item)) place(*item, problems, chain);
  for (const auto* item : items_)
    if (!is_frame(*item)) place(*item, problems, chain);
  place_by_bounds();

  for (const auto* item : items_)
    if (is_frame(*item)) frames_.push_back(item);
  auto depth = [&](const Item* f) {
    int d = 0;
    for (const std::string* p = placed_.at(f->id).frame; !p->empty() && d < 1000; p = placed_.at(*p).frame) ++d;
    return d;
  };
  std::stable_sort(frames_.begin(), frames_.end(), [&](const Item* a, const Item* b) { return depth(a) < depth(b); });
}

void BoardLayout::place(const Item& item, std::vector<Problem>& problems, std::vector<std::string>& chain) {
  if (placed_.count(item.id)) return;
  const Item* parent = nullptr;
  if (!item.parent_id.empty()) {
    auto it = by_id_.find(item.parent_id);
    if (it == by_id_.end()) {
      problems.push_back({sdiag::Severity::warning, item.id,
                          "its parent " + item.parent_id + " is not in the export; placed by its position instead"});
    } else if (std::find(chain.begin(), chain.end(), item.parent_id) != chain.end() || item.parent_id == item.id) {
      problems.push_back({sdiag::Severity::error, item.id,
                          "frames contain each other in a loop (" + item.parent_id + "); the loop was cut here"});
    } else if (chain.size() > 100) {
      problems.push_back({sdiag::Severity::error, item.id, "frames are nested more than 100 deep; the nesting was cut here"});
    } else if (!is_frame(*it->second)) {
      problems.push_back({sdiag::Severity::warning, item.id,
                          "its parent " + item.parent_id + " is a " + it->second->type + ", not a frame; placed by its position"});
    } else {
      parent = it->second;
    }
  }
  Placement p;
  if (parent) {
    chain.push_back(item.id);
    place(*parent, problems, chain);
    chain.pop_back();
    const auto& pp = placed_.at(parent->id);
    p.frame = &parent->id;
    p.centre = {item.x, item.y};
    if (item.relative_to_parent) {
      p.centre.x += pp.centre.x - parent->width / 2;
      p.centre.y += pp.centre.y - parent->height / 2;
    }
    placed_[item.id] = p;
    return;
  }
  p.centre = {item.x, item.y};
  if (item.relative_to_parent && !item.parent_id.empty())
    problems.push_back({sdiag::Severity::warning, item.id,
                        "its position is relative to a frame that could not be used; the position may be wrong"});
  if (item.has_position) by_bounds_.push_back(&item);
  placed_[item.id] = p;
}

// Each item without a usable parent sits in the smallest frame whose bounds
// hold its centre; a frame only in a larger one (which may itself, by its
// parent, lie in the first: BoardAreas cuts such loops). All at once, by a
// sweep: comparing each item with each frame was quadratic.
void BoardLayout::place_by_bounds() {
  std::vector<const Item*> frames;
  std::vector<Rect> bounds;
  std::map<const Item*, std::size_t> rect_of;
  for (const auto* f : items_) {
    if (!is_frame(*f) || !f->has_position || f->width <= 0 || f->height <= 0) continue;
    const auto& c = placed_.at(f->id).centre;
    rect_of[f] = frames.size();
    frames.push_back(f);
    bounds.push_back({c.x - f->width / 2, c.y - f->height / 2, c.x + f->width / 2, c.y + f->height / 2, f->width * f->height});
  }
  std::vector<HolderQuery> queries;
  for (const auto* item : by_bounds_) {
    const auto& c = placed_.at(item->id).centre;
    HolderQuery q{c.x, c.y};
    if (is_frame(*item)) {
      q.larger_than = item->width * item->height;
      if (auto own = rect_of.find(item); own != rect_of.end()) q.self = own->second;
    }
    queries.push_back(q);
  }
  const auto holders = smallest_holders(bounds, queries);
  for (std::size_t i = 0; i < by_bounds_.size(); ++i)
    if (holders[i]) placed_.at(by_bounds_[i]->id).frame = &frames[*holders[i]]->id;
}

const Item* BoardLayout::find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

Point BoardLayout::centre(const Item& item) const { return placed_.at(item.id).centre; }

const std::string& BoardLayout::frame_of(const Item& item) const { return *placed_.at(item.id).frame; }

bool BoardLayout::is_inside(const Item& item, const std::string& frame) const {
  int guard = 0;
  for (const std::string* f = &frame_of(item); !f->empty() && guard < 1000; f = placed_.at(*f).frame, ++guard)
    if (*f == frame) return true;
  return false;
}

}  // namespace sdiag::miro
