// sdiag miro pull: loads the Miro client module (lib/sdiag/sdiag-miro-pull.so)
// and hands it the parsed arguments. The module holds the HTTP and TLS code,
// so a run that never touches the network never loads it.
#include "command_module.hpp"
#include "commands.hpp"
#include "messages.hpp"

namespace sdiag::core {

int cmd_miro_pull(const MiroPullArgs& a) {
  return exit_code_of([&] {
    auto library = load_command_module("sdiag-miro-pull.so", "sdiag_miro_pull", "miro pull");
    return library.get<int(const MiroPullArgs*)>("sdiag_miro_pull")(&a);
  });
}

}  // namespace sdiag::core
