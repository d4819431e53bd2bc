#include "warm_ups.hpp"

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>

namespace sdiag::core {

WarmUps::WarmUps(std::vector<std::pair<std::string, WarmUp*>> plugins) : queue_(std::move(plugins)) {
  if (!queue_.empty()) thread_ = std::jthread([this](const std::stop_token& stop) { run(stop); });
}

WarmUps::~WarmUps() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
  }
}

void WarmUps::run(const std::stop_token& stop) {
  for (const auto& [name, plugin] : queue_) {
    if (!stop.stop_requested()) {
      auto t0 = std::chrono::steady_clock::now();
      try {
        plugin->warm_up();
        spdlog::debug("{}: warmed up ({:.0f} ms)", name,
                      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      } catch (const std::exception& e) {
        spdlog::debug("{}: warm-up failed, it will do the work when called: {}", name, e.what());
      } catch (...) {
        spdlog::debug("{}: warm-up failed, it will do the work when called", name);
      }
    }
    std::lock_guard lock(mutex_);
    ++done_;
    done_changed_.notify_all();
  }
}

void WarmUps::wait(const std::string& plugin) {
  auto it = std::find_if(queue_.begin(), queue_.end(), [&](const auto& q) { return q.first == plugin; });
  if (it == queue_.end()) return;
  const auto index = static_cast<std::size_t>(it - queue_.begin());
  std::unique_lock lock(mutex_);
  done_changed_.wait(lock, [&] { return done_ > index; });
}

}  // namespace sdiag::core
