#include "command_module.hpp"

#include <dlfcn.h>

#include <sdiag/text.hpp>

#include "messages.hpp"
#include "paths.hpp"

namespace sdiag::core {

boost::dll::shared_library load_command_module(const std::string& file, const std::string& symbol,
                                               const std::string& command) {
  const auto module = (executable_dir() / ".." / "lib" / "sdiag" / file).lexically_normal();
  boost::dll::shared_library library;
  try {
    library.load(module, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local |
                             static_cast<boost::dll::load_mode::type>(RTLD_NODELETE));
  } catch (const std::exception& e) {
    throw Failure(command + " needs " + text::display_path(module) + ", which could not be loaded (" + e.what() +
                      "); reinstall sdiag",
                  1);
  }
  if (!library.has(symbol)) throw Failure(text::display_path(module) + " is not the module of sdiag " + command + "; reinstall sdiag", 1);
  return library;
}

}  // namespace sdiag::core
