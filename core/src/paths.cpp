#include "paths.hpp"

#include <cstdlib>

namespace sdiag::core {

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::filesystem::current_path();
  return exe.parent_path();
}

std::filesystem::path builtin_plugin_dir() {
  return (executable_dir() / ".." / "lib" / "sdiag" / "plugins").lexically_normal();
}

std::filesystem::path data_dir() {
  if (const char* d = std::getenv("SDIAG_DATA_DIR"); d && *d) return d;
  return (executable_dir() / ".." / "share" / "sdiag" / "templates").lexically_normal();
}

std::filesystem::path python_helper_dir() {
  return (executable_dir() / ".." / "share" / "sdiag" / "python").lexically_normal();
}

}  // namespace sdiag::core
