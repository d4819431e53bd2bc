// A client has the request timeout to send each whole request (headers and
// body). Poco's own timeout bounds each receive, not the request, so a client
// sending a byte a second ("slowloris") would hold one of the server's few
// threads for ever, and a handful of them every thread. A watch thread cuts
// off (shuts down) a connection past its deadline; the time the server itself
// works on a request (reading, analysing, writing the report) is not counted.
#pragma once

#include <chrono>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

namespace sdiag::core::serve {

class RequestDeadlines {
 public:
  explicit RequestDeadlines(std::chrono::seconds timeout);
  ~RequestDeadlines();
  RequestDeadlines(const RequestDeadlines&) = delete;
  RequestDeadlines& operator=(const RequestDeadlines&) = delete;

  /// What Poco's TCPServer makes each connection with: HTTP connections
  /// (as HTTPServer's) whose requests are held to the deadline.
  Poco::Net::TCPServerConnectionFactory::Ptr connections(Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                                                         Poco::Net::HTTPServerParams::Ptr params);

  /// While one lives, the request the calling thread's connection is handling
  /// is being worked on, not sent: its deadline waits. When it ends, the
  /// client has the timeout again (to read the answer and send its next request).
  class Working {
   public:
    Working();
    ~Working();
    Working(const Working&) = delete;
    Working& operator=(const Working&) = delete;
  };

  /// The calling thread's connection has answered its request: the client has
  /// the timeout again for its next one (keep-alive).
  static void next_request();

  struct Entry {
    Poco::Net::StreamSocket socket;
    std::chrono::steady_clock::time_point deadline;
    int working = 0;
  };
  /// A connection's place in the watch, from its start to its end.
  std::list<Entry>::iterator watch(const Poco::Net::StreamSocket& socket);
  void unwatch(std::list<Entry>::iterator entry);
  void set_working(std::list<Entry>::iterator entry, bool working);

 private:
  void run();

  const std::chrono::seconds timeout_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::list<Entry> entries_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace sdiag::core::serve
