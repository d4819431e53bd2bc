// Answers every request: the page's files, and the API under /api/ (README,
// "Review in the browser"). The Guard's rules come first, for every request.
#pragma once

#include <mutex>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "guard.hpp"
#include "serve_args.hpp"
#include "workspaces.hpp"

namespace sdiag::core::serve {

/// What every request shares, for the server's lifetime.
struct ServerState {
  const ServeArgs& args;
  Guard guard;
  Workspaces workspaces;
  std::mutex report_mutex;  ///< one report written at a time (the zip is made from the files one run wrote)
};

class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit HandlerFactory(ServerState& state) : state_(state) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;
  /// Tells every open connection the server stops (as HTTPServer::stopAll does); `abort`: close them now.
  void stop_connections(bool abort) {
    const bool now = abort;
    serverStopped(this, now);
  }

 private:
  ServerState& state_;
};

}  // namespace sdiag::core::serve
