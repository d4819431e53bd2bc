// The Miro access token: read from the environment only, and kept out of
// everything sdiag prints or writes.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace sdiag::core::miro {

/// MIRO_TOKEN, without surrounding white space.
/// @throws PullError (exit code 2) when it is unset, empty or not a single
/// word (a line break in it could smuggle extra HTTP headers).
std::string token_from_environment();

/// `text` with every occurrence of `token` replaced by "[MIRO_TOKEN]".
std::string redact(std::string text, const std::string& token);

/// Redacts every string and key in `j`, in case a server echoes the token
/// back inside the data that goes into the dump.
void redact(nlohmann::ordered_json& j, const std::string& token);

}  // namespace sdiag::core::miro
