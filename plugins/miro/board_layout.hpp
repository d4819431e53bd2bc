// Where things are on the board: absolute centres (Miro gives children's
// positions relative to their frame's top-left, and frames nest) and which
// frame each item sits in, by parent or, for unparented items, by bounds.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "board.hpp"

namespace sdiag::miro {

struct Point {
  double x = 0, y = 0;
};

class BoardLayout {
 public:
  /// Problems found (unknown parents, frame cycles, repeated ids) are added to `problems`.
  BoardLayout(const Board& board, std::vector<Problem>& problems);

  const Item* find(const std::string& id) const;
  /// The item's centre in board coordinates.
  Point centre(const Item& item) const;
  /// Id of the innermost frame the item sits in, "" when none.
  const std::string& frame_of(const Item& item) const;
  /// Frames from the outermost in, so a frame comes after the one holding it.
  const std::vector<const Item*>& frames_outside_in() const { return frames_; }
  /// Whether `item` sits in `frame`, directly or inside a nested frame.
  bool is_inside(const Item& item, const std::string& frame) const;
  /// Items in board order, repeats of an id left out.
  const std::vector<const Item*>& items() const { return items_; }

 private:
  // At 100,000 notes these maps are most of what reading holds besides the
  // notes: they are keyed by views of the items' ids and point at the frame's
  // id rather than copy it (the items live as long as the layout).
  inline static const std::string kNoFrame;
  struct Placement {
    Point centre;
    const std::string* frame = &kNoFrame;
  };
  void place(const Item& item, std::vector<Problem>& problems, std::vector<std::string>& chain);
  void place_by_bounds();

  std::map<std::string_view, const Item*, std::less<>> by_id_;
  std::vector<const Item*> items_;
  std::vector<const Item*> frames_;
  std::map<std::string_view, Placement, std::less<>> placed_;
  std::vector<const Item*> by_bounds_;  ///< items with no usable parent, placed in a frame by position
};

}  // namespace sdiag::miro
