#include "guard.hpp"

#include <random>

#include <Poco/Net/NameValueCollection.h>
#include <Poco/String.h>

namespace sdiag::core::serve {

using Poco::Net::HTTPResponse;

std::string random_hex(std::size_t bytes) {
  std::random_device source;  // the kernel's CSPRNG (getrandom) on Linux
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    auto b = static_cast<unsigned>(source() & 0xff);
    out += digits[b >> 4];
    out += digits[b & 0xf];
  }
  return out;
}

Guard::Guard(std::string token, std::uint16_t port) : token_(std::move(token)), port_(port) {}

bool Guard::is_own_host(const std::string& host) const {
  const auto p = ":" + std::to_string(port_);
  auto h = Poco::toLower(host);
  return h == "localhost" + p || h == "127.0.0.1" + p || h == "[::1]" + p;
}

bool Guard::is_own_origin(const std::string& origin) const {
  auto o = Poco::toLower(origin);
  return o.starts_with("http://") && is_own_host(o.substr(7));
}

Guard::Refusal Guard::check_site(const Poco::Net::HTTPRequest& request) const {
  if (!is_own_host(request.get("Host", "")))
    return {HTTPResponse::HTTP_FORBIDDEN, "this page answers only to localhost, 127.0.0.1 or [::1] on port " +
                                              std::to_string(port_) + "; open the address sdiag serve printed"};
  const auto& method = request.getMethod();
  const bool changes_state = method != "GET" && method != "HEAD";
  if (changes_state && request.has("Origin") && !is_own_origin(request.get("Origin")))
    return {HTTPResponse::HTTP_FORBIDDEN, "requests from another site's page are refused"};
  return {};
}

bool Guard::is_token(const std::string& candidate) const {
  // Compared in full whatever differs first, so the time taken tells nothing.
  if (candidate.size() != token_.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < token_.size(); ++i) diff |= static_cast<unsigned char>(candidate[i] ^ token_[i]);
  return diff == 0;
}

Guard::Refusal Guard::check_token(const Poco::Net::HTTPRequest& request) const {
  std::string given;
  const auto auth = request.get("Authorization", "");
  if (Poco::icompare(auth.substr(0, 7), "bearer ") == 0) {
    given = Poco::trim(auth.substr(7));
  } else {
    Poco::Net::NameValueCollection cookies;
    request.getCookies(cookies);
    given = cookies.get(cookie_name(), "");
  }
  if (given.empty())
    return {HTTPResponse::HTTP_UNAUTHORIZED, "the token is missing: open the address sdiag serve printed, with its ?token="};
  if (!is_token(given))
    return {HTTPResponse::HTTP_FORBIDDEN, "the token is not this server's: open the address sdiag serve printed last"};
  return {};
}

std::string Guard::set_cookie_value() const {
  return cookie_name() + "=" + token_ + "; Path=/; HttpOnly; SameSite=Strict";
}

void add_security_headers(HTTPResponse& response) {
  response.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'; form-action 'self'");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Cache-Control", "no-store");
}

}  // namespace sdiag::core::serve
