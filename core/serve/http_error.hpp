// A request refused: the status to answer and a message saying what to do,
// sent as {"error": message}.
#pragma once

#include <stdexcept>
#include <string>

#include <Poco/Net/HTTPResponse.h>

namespace sdiag::core::serve {

struct HttpError : std::runtime_error {
  Poco::Net::HTTPResponse::HTTPStatus status;
  HttpError(Poco::Net::HTTPResponse::HTTPStatus s, const std::string& message) : std::runtime_error(message), status(s) {}
};

}  // namespace sdiag::core::serve
