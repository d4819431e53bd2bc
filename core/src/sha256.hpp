// The SHA-256 of a file's bytes, as the diagnostic records its sources.
#pragma once

#include <string>
#include <string_view>

namespace sdiag::core {

/// Lower-case hex digest (64 characters).
std::string sha256_hex(std::string_view bytes);

}  // namespace sdiag::core
