// Where `sdiag miro pull` sends its requests: the --base-url, checked.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace sdiag::core::miro {

/// A failure of the pull, with the exit code it should give (1 failed, 2 usage).
struct PullError : std::runtime_error {
  int exit_code;
  PullError(const std::string& message, int code) : std::runtime_error(message), exit_code(code) {}
};

struct Endpoint {
  bool https = true;
  std::string host;
  std::uint16_t port = 443;
  std::string path_prefix;  ///< "" or "/something", no trailing slash
  std::string shown;        ///< scheme://host[:port][prefix], for messages
};

/// Parses --base-url. https goes anywhere; plain http only to this machine
/// (127.0.0.0/8, ::1, localhost), because the token travels in a header and
/// would cross the network readable by anyone on the way.
/// @throws PullError with exit code 2 when the URL is unusable or refused.
Endpoint parse_base_url(const std::string& url);

/// True for 127.0.0.0/8, ::1 and localhost, judged from the text alone (no DNS).
bool is_loopback_host(const std::string& host);

}  // namespace sdiag::core::miro
