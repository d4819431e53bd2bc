// sdiag miro pull: loads the Miro client module (lib/sdiag/sdiag-miro-pull.so)
// and hands it the parsed arguments. The module holds the HTTP and TLS code,
// so a run that never touches the network never loads it.
#include <dlfcn.h>

#include <iostream>

#include <boost/dll/shared_library.hpp>

#include "commands.hpp"
#include "paths.hpp"

namespace sdiag::core {

int cmd_miro_pull(const MiroPullArgs& a) {
  const auto module = (executable_dir() / ".." / "lib" / "sdiag" / "sdiag-miro-pull.so").lexically_normal();
  boost::dll::shared_library library;
  try {
    // Kept mapped until exit, like the plugins: OpenSSL and Poco leave exit handlers behind.
    library.load(module, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local |
                             static_cast<boost::dll::load_mode::type>(RTLD_NODELETE));
  } catch (const std::exception& e) {
    std::cerr << "sdiag: miro pull needs " << module.string() << ", which could not be loaded (" << e.what()
              << "); reinstall sdiag\n";
    return 1;
  }
  if (!library.has("sdiag_miro_pull")) {
    std::cerr << "sdiag: " << module.string() << " is not sdiag's Miro client; reinstall sdiag\n";
    return 1;
  }
  return library.get<int(const MiroPullArgs*)>("sdiag_miro_pull")(&a);
}

}  // namespace sdiag::core
