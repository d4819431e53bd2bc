// The workshop files of one upload (multipart/form-data, any field names),
// stored in a workspace under names sdiag makes (upload-1.json...): the
// browser's name is only shown, cleaned, never used as a path.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerRequest.h>

#include "serve_args.hpp"

namespace sdiag::core::serve {

/// Files one upload may hold. A workshop has a board, a few forms and notes.
inline constexpr std::size_t max_upload_files = 20;

/// An upload refused, with the status to answer.
struct UploadError : std::runtime_error {
  Poco::Net::HTTPResponse::HTTPStatus status;
  UploadError(Poco::Net::HTTPResponse::HTTPStatus s, const std::string& message) : std::runtime_error(message), status(s) {}
};

/// Stores every file part of `request` into `folder`. Each file, and the
/// upload as a whole, is held to the input size limit (limits.hpp).
/// @throws UploadError.
std::vector<UploadedFile> store_uploads(Poco::Net::HTTPServerRequest& request, const std::filesystem::path& folder);

/// The browser's file name as shown: its last path part, without control
/// characters or broken UTF-8, at most 120 bytes; "" when nothing is left.
std::string shown_name(const std::string& given);

}  // namespace sdiag::core::serve
