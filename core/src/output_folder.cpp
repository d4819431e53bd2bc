#include "output_folder.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <sdiag/atomic_file.hpp>
#include <sdiag/text.hpp>

namespace sdiag::core {

namespace fs = std::filesystem;

OutputFolderLock::OutputFolderLock(const fs::path& dir) {
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) return;  // creating the outputs will say what is wrong with the folder
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (errno == EWOULDBLOCK) {
    spdlog::warn("another sdiag is writing to {}; waiting for it to finish", text::display_path(dir));
    int rc;
    while ((rc = ::flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {}
    if (rc == 0) return;
  }
  spdlog::info("{}: cannot lock the folder ({}); writing without a lock", text::display_path(dir), std::strerror(errno));
  ::close(fd_);
  fd_ = -1;
}

OutputFolderLock::~OutputFolderLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

std::vector<std::string> remove_stale_temp_files(const fs::path& dir) {
  std::vector<std::string> removed;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (!left_by_ended_process(name)) continue;
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec) || it->is_symlink(type_ec)) continue;
    if (fs::remove(it->path(), type_ec)) removed.push_back(name);
  }
  return removed;
}

fs::path set_aside(const fs::path& dir, const std::string& name) {
  const fs::path from = dir / name;
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(from, ec))) return {};
  const fs::path to = dir / earlier_folder / name;
  fs::create_directories(to.parent_path());
  fs::rename(from, to);
  return to;
}

}  // namespace sdiag::core
