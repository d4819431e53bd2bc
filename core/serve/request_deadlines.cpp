#include "request_deadlines.hpp"

#include <Poco/Net/HTTPServerConnection.h>
#include <spdlog/spdlog.h>

namespace sdiag::core::serve {

namespace {

using Clock = std::chrono::steady_clock;

// The connection the calling thread is serving (Poco runs each connection on one pool thread).
struct Current {
  RequestDeadlines* deadlines = nullptr;
  std::list<RequestDeadlines::Entry>::iterator entry;
};
thread_local Current current;

class WatchedConnection : public Poco::Net::HTTPServerConnection {
 public:
  WatchedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, RequestDeadlines& deadlines)
      : HTTPServerConnection(socket, params, handlers), deadlines_(deadlines) {}

  void run() override {
    current = {&deadlines_, deadlines_.watch(socket())};
    try {
      HTTPServerConnection::run();
    } catch (...) {
      deadlines_.unwatch(current.entry);
      current = {};
      throw;
    }
    deadlines_.unwatch(current.entry);
    current = {};
  }

 private:
  RequestDeadlines& deadlines_;
};

class WatchedConnections : public Poco::Net::TCPServerConnectionFactory {
 public:
  WatchedConnections(Poco::Net::HTTPRequestHandlerFactory::Ptr handlers, Poco::Net::HTTPServerParams::Ptr params,
                     RequestDeadlines& deadlines)
      : handlers_(std::move(handlers)), params_(std::move(params)), deadlines_(deadlines) {}

  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new WatchedConnection(socket, params_, handlers_, deadlines_);
  }

 private:
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  Poco::Net::HTTPServerParams::Ptr params_;
  RequestDeadlines& deadlines_;
};

}  // namespace

RequestDeadlines::RequestDeadlines(std::chrono::seconds timeout) : timeout_(timeout), watcher_([this] { run(); }) {}

RequestDeadlines::~RequestDeadlines() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  watcher_.join();
}

Poco::Net::TCPServerConnectionFactory::Ptr RequestDeadlines::connections(Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                                                                         Poco::Net::HTTPServerParams::Ptr params) {
  return new WatchedConnections(std::move(handlers), std::move(params), *this);
}

std::list<RequestDeadlines::Entry>::iterator RequestDeadlines::watch(const Poco::Net::StreamSocket& socket) {
  std::lock_guard lock(mutex_);
  entries_.push_back({socket, Clock::now() + timeout_, 0});
  wake_.notify_all();
  return std::prev(entries_.end());
}

void RequestDeadlines::unwatch(std::list<Entry>::iterator entry) {
  std::lock_guard lock(mutex_);
  entries_.erase(entry);
}

void RequestDeadlines::set_working(std::list<Entry>::iterator entry, bool working) {
  std::lock_guard lock(mutex_);
  entry->working += working ? 1 : -1;
  if (entry->working == 0) entry->deadline = Clock::now() + timeout_;
  wake_.notify_all();
}

void RequestDeadlines::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto next = Clock::now() + timeout_;
    const auto now = Clock::now();
    for (auto& e : entries_) {
      if (e.working > 0) continue;
      if (e.deadline <= now) {
        spdlog::debug("a client took more than {} s to send its request; cut off", timeout_.count());
        try {
          e.socket.shutdown();
        } catch (const Poco::Exception&) {
        }
        e.deadline = Clock::time_point::max();  // cut once; its thread ends the connection
      } else {
        next = std::min(next, e.deadline);
      }
    }
    wake_.wait_until(lock, next);
  }
}

void RequestDeadlines::next_request() {
  if (!current.deadlines) return;
  auto& d = *current.deadlines;
  std::lock_guard lock(d.mutex_);
  if (current.entry->deadline != Clock::time_point::max()) current.entry->deadline = Clock::now() + d.timeout_;
}

RequestDeadlines::Working::Working() {
  if (current.deadlines) current.deadlines->set_working(current.entry, true);
}

RequestDeadlines::Working::~Working() {
  if (current.deadlines) current.deadlines->set_working(current.entry, false);
}

}  // namespace sdiag::core::serve
