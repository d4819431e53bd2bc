// One GET at a time against Miro's REST API, with the token in the header,
// bounded retries (429 honouring Retry-After, 5xx and dropped connections
// with exponential back-off) and errors that say what to check.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "miro_endpoint.hpp"

namespace sdiag::core::miro {

struct RetryPolicy {
  int max_retries = 5;                 ///< per request, after the first attempt
  double first_backoff_seconds = 1.0;  ///< doubled after each failed attempt
  double max_wait_seconds = 60;        ///< cap on one wait, whatever Retry-After asks
};

class Client {
 public:
  Client(Endpoint endpoint, std::string token, RetryPolicy policy);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  /// GETs endpoint prefix + `target` ("/v2/boards/...?..."); `what` names it
  /// in messages ("the board's items"). Returns the JSON body.
  /// @throws PullError (exit code 1) once retries are spent or on an answer
  /// retrying cannot fix (401, 403, 404, bad JSON, certificate errors).
  nlohmann::ordered_json get(const std::string& target, const std::string& what);

  int requests_sent() const { return requests_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int requests_ = 0;
};

}  // namespace sdiag::core::miro
