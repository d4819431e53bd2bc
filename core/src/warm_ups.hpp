// Plugins' warm-ups (sdiag::WarmUp) run on a thread of their own while the
// main thread reads the inputs and runs the analyses: a PDF writer can load
// its fonts while the board is parsed. A stage waits only for the warm-up of
// the plugin it is about to call, so no plugin is ever used by two threads.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <sdiag/plugin.hpp>

namespace sdiag::core {

class WarmUps {
 public:
  /// Starts warming up `plugins` (name and warm-up), in this order, on a
  /// background thread. An empty list starts no thread.
  explicit WarmUps(std::vector<std::pair<std::string, WarmUp*>> plugins);
  /// Skips the warm-ups not yet started and waits for the one running.
  ~WarmUps();
  WarmUps(const WarmUps&) = delete;
  WarmUps& operator=(const WarmUps&) = delete;

  /// Returns once `plugin`'s warm-up is over (at once when it has none).
  /// Safe to call from any thread.
  void wait(const std::string& plugin);

 private:
  void run(const std::stop_token& stop);

  std::vector<std::pair<std::string, WarmUp*>> queue_;
  std::mutex mutex_;
  std::condition_variable done_changed_;
  std::size_t done_ = 0;  // queue_[0, done_) are over
  std::jthread thread_;   // last: started once the rest is ready, joined first
};

}  // namespace sdiag::core
