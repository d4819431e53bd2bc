#include "text_relay.hpp"

namespace sdiag::pdf {

TextRelay::~TextRelay() {
  for (PangoFont* font : pinned_) g_object_unref(font);
}

void TextRelay::offer(const std::string& key, std::shared_ptr<const Shaped> shaped) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stopped_ || offers_.size() < ahead_; });
  if (stopped_) throw Stopped{};
  offers_.emplace_back(key, std::move(shaped));
  changed_.notify_all();
}

void TextRelay::end_offers() {
  std::lock_guard lock(mutex_);
  ended_ = true;
  changed_.notify_all();
}

std::shared_ptr<const TextRelay::Shaped> TextRelay::claim(const std::string& key) {
  ++claims_;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return ended_ || !offers_.empty(); });
  if (offers_.empty()) return nullptr;
  auto [offered_key, shaped] = std::move(offers_.front());
  offers_.pop_front();
  changed_.notify_all();
  lock.unlock();
  if (offered_key != key || !shaped) return nullptr;
  ++handed_over_;
  return shaped;
}

void TextRelay::stop() {
  std::lock_guard lock(mutex_);
  stopped_ = true;
  offers_.clear();
  changed_.notify_all();
}

void TextRelay::pin(PangoFont* font) {
  if (font && pinned_.insert(font).second) g_object_ref(font);
}

}  // namespace sdiag::pdf
