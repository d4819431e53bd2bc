// The rules every request meets before it is answered (as Jupyter and
// Syncthing learned them): a Host header naming this machine and port (DNS
// rebinding), no state change from another site's page (Origin), and the
// launch token for every /api/ request. Plain functions of the request, so
// that the fuzz target calls them without a server.
#pragma once

#include <cstdint>
#include <string>

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPRequest.h>

namespace sdiag::core::serve {

/// A secret from the system's random source, as hex: `bytes` random bytes.
std::string random_hex(std::size_t bytes);

class Guard {
 public:
  Guard(std::string token, std::uint16_t port);

  /// Why the request must be refused, with its status; empty when it may go on.
  struct Refusal {
    Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK;
    std::string reason;
    explicit operator bool() const { return !reason.empty(); }
  };
  /// Host and Origin, for every request.
  Refusal check_site(const Poco::Net::HTTPRequest& request) const;
  /// The token, from `Authorization: Bearer` or the page's cookie.
  Refusal check_token(const Poco::Net::HTTPRequest& request) const;
  bool is_token(const std::string& candidate) const;

  /// The cookie the page gets once opened with ?token=.
  std::string cookie_name() const { return "sdiag-token-" + std::to_string(port_); }
  std::string set_cookie_value() const;

 private:
  bool is_own_host(const std::string& host) const;
  bool is_own_origin(const std::string& origin) const;

  std::string token_;
  std::uint16_t port_;
};

/// Headers every response carries: the content security policy and friends. No CORS header, ever.
void add_security_headers(Poco::Net::HTTPResponse& response);

}  // namespace sdiag::core::serve
