// The areas of a board: frames, and large titled shapes that facilitators
// draw as regions inside a frame (a "Key issues" rectangle in a "Morning"
// frame). A shape cannot be a parent in Miro, so what sits on a region is
// known only by geometry: the item's centre lies inside the rectangle.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "board_layout.hpp"
#include "smallest_holder.hpp"

namespace sdiag::miro {

class BoardAreas {
 public:
  /// Says whether a title names a section or prompt of the template.
  using TitleCheck = std::function<bool(const std::string& title)>;

  /// A shape with at least two much smaller stickies on it is a region; so is
  /// one with a single sticky when `names_template` says its title names a
  /// section or prompt. Problems (too many regions) go to `problems`.
  BoardAreas(const BoardLayout& layout, const TitleCheck& names_template, std::vector<Problem>& problems);

  /// The innermost area (frame or region) around the item, "" when none.
  const std::string& area_of(const Item& item) const;
  /// The area around `area`, "" when it is outermost.
  const std::string& outer(const std::string& area) const;
  /// Areas from the outermost in, so an area comes after the one holding it.
  const std::vector<const Item*>& outside_in() const { return areas_; }
  bool is_region(const Item& item) const { return regions_.count(item.id) > 0; }

 private:
  Rect bounds(const Item& item) const;
  bool looks_like_region(const Item& shape, const TitleCheck& names_template) const;
  void find_innermost();
  void cut_loops(std::vector<Problem>& problems);

  struct Placed {
    Point at;
    const Item* item;
  };

  const BoardLayout& layout_;
  std::vector<Placed> stickies_by_x_;
  std::map<std::string, Rect> regions_;
  std::vector<const Item*> areas_;
  /// Every item's innermost area, and every area's outer area, by views of
  /// the items' ids and pointing at the area's id (see BoardLayout).
  std::map<std::string_view, const std::string*, std::less<>> area_of_;
  inline static const std::string kNoArea;
};

}  // namespace sdiag::miro
