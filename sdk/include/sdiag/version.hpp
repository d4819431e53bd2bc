/// @file sdiag/version.hpp
/// The SDK's API version. A plugin records the version it was built against;
/// the host refuses a plugin with another major version or a newer minor one,
/// and one built before the diagnostic model last changed its layout: the
/// model's structs cross the plugin boundary by reference.
#pragma once

#define SDIAG_API_MAJOR 1
#define SDIAG_API_MINOR 5
#define SDIAG_VERSION "1.5.0"
/// The minor version that last added a field to a model struct (1.5: Section
/// made_by_input; 1.3: Section and Prompt keywords, Person short forms, the
/// document's PageBreak landscape).
#define SDIAG_MODEL_SINCE_MINOR 5

namespace sdiag {
inline constexpr int api_major = SDIAG_API_MAJOR;
inline constexpr int api_minor = SDIAG_API_MINOR;
inline constexpr int model_since_minor = SDIAG_MODEL_SINCE_MINOR;
inline constexpr const char* version = SDIAG_VERSION;
}  // namespace sdiag
