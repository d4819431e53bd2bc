#include "request_target.hpp"

#include <regex>

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "http_error.hpp"

namespace sdiag::core::serve {

namespace fs = std::filesystem;

RequestTarget parse_target(const std::string& uri) {
  RequestTarget target;
  try {
    if (!uri.starts_with("/")) throw Poco::SyntaxException("not a path");
    Poco::URI parsed(uri);
    parsed.getPathSegments(target.segments);
    target.query = parsed.getQueryParameters();
  } catch (const Poco::Exception&) {
    throw HttpError(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST,
                    "the address is malformed (a bad %-escape, or not a path); open the address sdiag serve printed");
  }
  return target;
}

std::optional<fs::path> plain_file_in(const fs::path& folder, const std::string& name) {
  static const std::regex plain("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  if (!std::regex_match(name, plain)) return std::nullopt;
  std::error_code ec;
  auto path = folder / name;
  if (fs::symlink_status(path, ec).type() != fs::file_type::regular) return std::nullopt;
  return path;
}

}  // namespace sdiag::core::serve
