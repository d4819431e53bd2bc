// The workshop files of one upload (multipart/form-data, any field names),
// stored in a workspace under names sdiag makes (upload-1.json...): the
// browser's name is only shown, cleaned, never used as a path.
#pragma once

#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>

#include "http_error.hpp"
#include "serve_args.hpp"

namespace sdiag::core::serve {

/// Files one upload may hold. A workshop has a board, a few forms and notes.
inline constexpr std::size_t max_upload_files = 20;
/// Parts one upload may hold, files or plain fields (the page sends files only).
inline constexpr std::size_t max_upload_parts = 2 * max_upload_files;

/// Stores every file part of `request` into `folder` (store_parts).
/// @throws HttpError.
std::vector<UploadedFile> store_uploads(Poco::Net::HTTPServerRequest& request, const std::filesystem::path& folder);

/// Stores every file part of a multipart/form-data `body` into `folder` as
/// upload-N[.ext]; `content_type` is the request's Content-Type, which names
/// the boundary. Each file, and the upload as a whole, is held to the input
/// size limit (limits.hpp); plain fields are read past. A body that ends
/// before its closing boundary (a cut connection) is refused: a file is never
/// kept half-sent. What was stored before a refusal stays in `folder`.
/// @throws HttpError: 400 (malformed), 413 (too large or too many), 415 (not a form).
std::vector<UploadedFile> store_parts(const std::string& content_type, std::istream& body,
                                      const std::filesystem::path& folder);

/// The browser's file name as shown: its last path part, without control
/// characters, line separators, marks that reorder text or bytes that are not
/// well-formed UTF-8, at most 120 bytes; "" when nothing is left.
std::string shown_name(const std::string& given);

}  // namespace sdiag::core::serve
