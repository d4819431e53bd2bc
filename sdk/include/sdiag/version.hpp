/// @file sdiag/version.hpp
/// The SDK's API version. A plugin records the version it was built against;
/// the host refuses a plugin with another major version or a newer minor one.
#pragma once

#define SDIAG_API_MAJOR 1
#define SDIAG_API_MINOR 2
#define SDIAG_VERSION "1.2.0"

namespace sdiag {
inline constexpr int api_major = SDIAG_API_MAJOR;
inline constexpr int api_minor = SDIAG_API_MINOR;
inline constexpr const char* version = SDIAG_VERSION;
}  // namespace sdiag
