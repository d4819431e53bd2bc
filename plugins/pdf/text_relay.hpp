// The drawing pass's texts, laid out ahead on a second thread.
//
// Shaping text is most of a long report's drawing pass, and the drawing pass
// asks for texts in an order the measuring pass has already fixed. So a
// second thread rehearses the drawing pass (the same pass with nothing
// drawn, the page count and the headings' pages known, with fonts of its
// own), and offers each text it lays out here, in order; the drawing pass
// claims them in turn instead of shaping them again. A claim that does not
// match the next offer gets nothing, and the text is shaped where it is asked
// for: the PDF never depends on which thread laid a text out or when.
#pragma once

#include <pango/pango.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>

#include "text_layout.hpp"

namespace sdiag::pdf {

class TextRelay {
 public:
  using Shaped = TextBlock::Shaped;

  /// Thrown by offer() once the drawing pass has ended, to end the rehearsal.
  struct Stopped {};

  /// `ahead`: how many texts the rehearsal may lay out before they are claimed.
  explicit TextRelay(std::size_t ahead = 256) : ahead_(ahead) {}
  ~TextRelay();
  TextRelay(const TextRelay&) = delete;
  TextRelay& operator=(const TextRelay&) = delete;

  /// The rehearsal's text `key`, laid out (null: not to be handed over).
  /// Waits while `ahead` texts are unclaimed. @throws Stopped after stop().
  void offer(const std::string& key, std::shared_ptr<const Shaped> shaped);
  /// The rehearsal has ended: claims past its last offer get nothing.
  void end_offers();
  /// The drawing pass's next text: the next offer's layout if it is of `key`,
  /// else null. Waits for the offer.
  std::shared_ptr<const Shaped> claim(const std::string& key);
  /// The drawing pass has ended: the rehearsal stops at its next offer.
  void stop();

  /// Keeps `font` alive until the relay is destroyed, so a layout released
  /// by the drawing pass never finalises a font of the rehearsal's font map
  /// while that thread uses it. Called by the rehearsal only.
  void pin(PangoFont* font);

  /// Texts the drawing pass took from the rehearsal, and asked for.
  std::size_t handed_over() const { return handed_over_; }
  std::size_t claims() const { return claims_; }

 private:
  const std::size_t ahead_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::string, std::shared_ptr<const Shaped>>> offers_;
  bool ended_ = false;
  bool stopped_ = false;
  std::set<PangoFont*> pinned_;  // the rehearsal's thread only
  std::size_t handed_over_ = 0, claims_ = 0;  // the drawing pass's thread only
};

/// Which side of a relay a PangoContext's texts are on.
enum class RelayRole { offer, claim };

/// Sends every text laid out with `pango` through `relay` (null: none).
void use_text_relay(PangoContext* pango, TextRelay* relay, RelayRole role);

}  // namespace sdiag::pdf
