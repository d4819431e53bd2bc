#include "memory.hpp"

#include <dlfcn.h>

#include <cstddef>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sdiag::core {

namespace {

// jemalloc's control call, when the program allocates with it (core/CMakeLists.txt).
using Mallctl = int (*)(const char*, void*, std::size_t*, void*, std::size_t);

Mallctl jemalloc_control() {
  static const auto control = reinterpret_cast<Mallctl>(dlsym(RTLD_DEFAULT, "mallctl"));
  return control;
}

}  // namespace

void release_freed_memory() {
  // jemalloc gives pages back some seconds after they are freed; a stage
  // that frees hundreds of megabytes just before the next allocates as much
  // would otherwise hold both. "arena.4096" is every arena (MALLCTL_ARENAS_ALL).
  if (auto control = jemalloc_control()) {
    control("arena.4096.purge", nullptr, nullptr, nullptr, 0);
    return;
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace sdiag::core
