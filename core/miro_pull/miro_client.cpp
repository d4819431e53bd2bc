#include "miro_client.hpp"

#include <algorithm>
#include <chrono>
#include <charconv>
#include <istream>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Timespan.h>
#include <spdlog/spdlog.h>

#include <sdiag/version.hpp>

#include "miro_token.hpp"

namespace sdiag::core::miro {

namespace {

using json = nlohmann::ordered_json;

constexpr std::size_t max_body_bytes = 64u << 20;  // a page of 50 items is well under 1 MiB
constexpr int max_json_depth = 64;
constexpr int timeout_seconds = 60;

// Initialises OpenSSL through Poco once for the process, and only when an
// https base URL is used: a loopback test run never touches TLS.
struct SslLibrary {
  SslLibrary() { Poco::Net::initializeSSL(); }
  ~SslLibrary() { Poco::Net::uninitializeSSL(); }
};

Poco::Net::Context::Ptr verifying_context() {
  static SslLibrary library;
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;  // chain and host name, even for localhost
  params.loadDefaultCAs = true;                                 // the system CA store (ca-certificates)
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
  context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  return context;
}

struct Answer {
  int status = 0;
  std::string reason;
  std::string body;
  std::string retry_after;
};

// Miro's error bodies look like {"status":401,"code":"...","message":"..."}.
std::string server_message(const std::string& body) {
  auto j = json::parse(body, nullptr, false);
  if (j.is_object())
    if (auto m = j.find("message"); m != j.end() && m->is_string()) return m->get<std::string>();
  return {};
}

double retry_after_seconds(const std::string& header) {
  double seconds = -1;
  auto r = std::from_chars(header.data(), header.data() + header.size(), seconds);
  return r.ec == std::errc() && r.ptr == header.data() + header.size() && seconds >= 0 ? seconds : -1;
}

json parse_json(const std::string& body) {
  json::parser_callback_t limit_depth = [](int depth, json::parse_event_t, json&) {
    if (depth > max_json_depth) throw std::runtime_error("nested too deeply");
    return true;
  };
  return json::parse(body, limit_depth);
}

}  // namespace

struct Client::Impl {
  Endpoint endpoint;
  std::string token;
  RetryPolicy policy;
  std::unique_ptr<Poco::Net::HTTPClientSession> session;

  Poco::Net::HTTPClientSession& connection() {
    if (!session) {
      if (endpoint.https)
        session = std::make_unique<Poco::Net::HTTPSClientSession>(endpoint.host, endpoint.port, verifying_context());
      else
        session = std::make_unique<Poco::Net::HTTPClientSession>(endpoint.host, endpoint.port);
      session->setTimeout(Poco::Timespan(timeout_seconds, 0));
      session->setKeepAlive(true);
    }
    return *session;
  }

  Answer send(const std::string& target) {
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, endpoint.path_prefix + target,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token);
    request.set("Accept", "application/json");
    request.set("User-Agent", std::string("sdiag/") + sdiag::version);
    auto& s = connection();
    s.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = s.receiveResponse(response);
    Answer a;
    a.status = static_cast<int>(response.getStatus());
    a.reason = response.getReason();
    a.retry_after = response.get("Retry-After", "");
    char buffer[16384];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      a.body.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (a.body.size() > max_body_bytes) {
        session.reset();  // the rest is never read, so the connection cannot be reused
        throw PullError("the answer is larger than " + std::to_string(max_body_bytes >> 20) +
                            " MiB; that is not a Miro page",
                        1);
      }
    }
    return a;
  }
};

Client::Client(Endpoint endpoint, std::string token, RetryPolicy policy)
    : impl_(std::make_unique<Impl>(Impl{std::move(endpoint), std::move(token), policy, nullptr})) {}

Client::~Client() = default;

json Client::get(const std::string& target, const std::string& what) {
  const auto& token = impl_->token;
  const auto& policy = impl_->policy;
  const std::string where = impl_->endpoint.shown;
  double backoff = policy.first_backoff_seconds;
  std::string last_problem;
  for (int attempt = 0;; ++attempt) {
    const bool may_retry = attempt < policy.max_retries;
    double wait = backoff;
    try {
      ++requests_;
      Answer a = impl_->send(target);
      std::string said = redact(server_message(a.body), token);
      std::string status = std::to_string(a.status) + " " + redact(a.reason, token);
      std::string detail = said.empty() ? "" : " (\"" + said + "\")";
      if (a.status >= 200 && a.status < 300) {
        try {
          return parse_json(a.body);
        } catch (const std::exception& e) {
          throw PullError("Miro's answer for " + what + " is not JSON (" + redact(e.what(), token) +
                              "); is --base-url " + where + " the Miro REST API?",
                          1);
        }
      }
      if (a.status == 401)
        throw PullError("Miro refused the token (" + status + detail + ") when reading " + what +
                            ": check that MIRO_TOKEN holds a current access token (tokens expire or can be revoked)",
                        1);
      if (a.status == 403)
        throw PullError("Miro would not let this token read " + what + " (" + status + detail +
                            "): check that the token has the boards:read scope and that its user can open the board",
                        1);
      if (a.status == 404)
        throw PullError("Miro found nothing for " + what + " (" + status + detail +
                            "): check the board id (the part after /app/board/ in the board's address) and that the "
                            "token's team can see the board",
                        1);
      if (a.status == 429) {
        double asked = retry_after_seconds(a.retry_after);
        if (asked >= 0) wait = asked;
        last_problem = status;
      } else if (a.status >= 500) {
        last_problem = status + detail;
      } else {
        throw PullError("Miro answered " + status + detail + " for " + what, 1);
      }
    } catch (const Poco::Net::SSLConnectionUnexpectedlyClosedException&) {
      impl_->session.reset();
      last_problem = "the connection closed unexpectedly";
    } catch (const Poco::Net::SSLException& e) {
      throw PullError("could not make a verified TLS connection to " + where + " (" + redact(e.displayText(), token) +
                          "): check the address, the system clock and the system's CA certificates",
                      1);
    } catch (const Poco::Net::HostNotFoundException&) {
      throw PullError("cannot find the host of " + where + ": check the network connection and --base-url", 1);
    } catch (const Poco::Net::NoAddressFoundException&) {
      throw PullError("cannot find the host of " + where + ": check the network connection and --base-url", 1);
    } catch (const Poco::Exception& e) {  // refused, reset, timed out, cut short: worth another try
      impl_->session.reset();
      last_problem = redact(e.displayText(), token);
    }
    if (!may_retry)
      throw PullError("gave up reading " + what + " from " + where + " after " + std::to_string(attempt + 1) +
                          " attempts; the last answer was " + last_problem + ". Try again later",
                      1);
    wait = std::clamp(wait, 0.0, policy.max_wait_seconds);
    spdlog::warn("{} for {}; trying again in {:g} s ({} of {})", last_problem, what, wait, attempt + 1,
                 policy.max_retries);
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    backoff = std::min(backoff * 2, policy.max_wait_seconds);
  }
}

}  // namespace sdiag::core::miro
