#include "resident_libraries.hpp"

#include <dlfcn.h>

#include <mutex>

namespace pdf {

void keep_pango_resident() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Already loaded (we link them): RTLD_NOLOAD only takes a reference, and
    // RTLD_NODELETE makes it permanent.
    for (const char* lib : {"libpango-1.0.so.0", "libpangoft2-1.0.so.0", "libpangocairo-1.0.so.0"})
      dlopen(lib, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
  });
}

}  // namespace pdf
