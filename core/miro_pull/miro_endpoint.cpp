#include "miro_endpoint.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/URI.h>

namespace sdiag::core::miro {

bool is_loopback_host(const std::string& host) {
  std::string h = Poco::toLower(host);
  if (h == "localhost") return true;
  Poco::Net::IPAddress address;
  // tryParse reads numeric addresses only; it never resolves a name.
  return Poco::Net::IPAddress::tryParse(h, address) && address.isLoopback();
}

Endpoint parse_base_url(const std::string& url) {
  auto refuse = [&](const std::string& why) {
    return PullError("--base-url " + url + ": " + why, 2);
  };
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception& e) {
    throw refuse("not a URL (" + e.message() + ")");
  }
  Endpoint e;
  const std::string scheme = Poco::toLower(uri.getScheme());
  if (scheme != "https" && scheme != "http") throw refuse("use an https:// address, e.g. https://api.miro.com");
  if (uri.getHost().empty()) throw refuse("no host name");
  if (!uri.getUserInfo().empty() || !uri.getRawQuery().empty() || !uri.getFragment().empty())
    throw refuse("give only scheme, host, port and path");
  e.https = scheme == "https";
  e.host = uri.getHost();
  e.port = uri.getPort();
  if (!e.https && !is_loopback_host(e.host))
    throw refuse("plain http would send the Miro token unencrypted across the network; use https, or http only to "
                 "this machine (127.0.0.1) for testing");
  e.path_prefix = uri.getPath();
  while (!e.path_prefix.empty() && e.path_prefix.back() == '/') e.path_prefix.pop_back();
  e.shown = scheme + "://" + (e.host.find(':') != std::string::npos ? "[" + e.host + "]" : e.host);
  if (e.port != (e.https ? 443 : 80)) e.shown += ":" + std::to_string(e.port);
  e.shown += e.path_prefix;
  return e;
}

}  // namespace sdiag::core::miro
