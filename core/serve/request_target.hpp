// What a request's address names, checked before anything is looked up: the
// path's segments (percent-decoded) and the query, and the one way a segment
// becomes a file (a plain name inside a given folder). No server needed: the
// fuzz target calls these directly.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sdiag::core::serve {

struct RequestTarget {
  std::vector<std::string> segments;                         ///< "/api/workspaces/ID" -> api, workspaces, ID
  std::vector<std::pair<std::string, std::string>> query;  ///< ?token=... and the like, decoded
};

/// The target of a request line ("/path?query"). @throws HttpError (400) when
/// the address is malformed (a bad %-escape, not a path).
RequestTarget parse_target(const std::string& uri);

/// `folder / name` when `name` is a plain file name (letters, digits, '.',
/// '_', '-'; not starting with a dot; at most 128 bytes) naming a regular
/// file, not a symlink, in `folder`; nullopt otherwise.
std::optional<std::filesystem::path> plain_file_in(const std::filesystem::path& folder, const std::string& name);

}  // namespace sdiag::core::serve
