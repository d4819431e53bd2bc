// The modules that hold one command's heavy libraries (lib/sdiag/*.so: the
// Miro client, the review page's server), loaded only when that command runs.
#pragma once

#include <string>

#include <boost/dll/shared_library.hpp>

namespace sdiag::core {

/// Loads lib/sdiag/FILE beside the executable's prefix, kept mapped until
/// exit like the plugins (Poco and OpenSSL leave exit handlers behind), and
/// checks it exports `symbol`. `command` names it in messages ("miro pull").
/// @throws Failure (exit 1) saying to reinstall sdiag.
boost::dll::shared_library load_command_module(const std::string& file, const std::string& symbol,
                                               const std::string& command);

}  // namespace sdiag::core
