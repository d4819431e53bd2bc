#include "output_folder.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

namespace sdiag::core {

namespace fs = std::filesystem;

OutputFolderLock::OutputFolderLock(const fs::path& dir) {
  fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) return;  // creating the outputs will say what is wrong with the folder
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (errno == EWOULDBLOCK) {
    spdlog::warn("another sdiag is writing to {}; waiting for it to finish", dir.string());
    int rc;
    while ((rc = ::flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {}
    if (rc == 0) return;
  }
  spdlog::info("{}: cannot lock the folder ({}); writing without a lock", dir.string(), std::strerror(errno));
  ::close(fd_);
  fd_ = -1;
}

OutputFolderLock::~OutputFolderLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

namespace {

/// The process id of ".NAME.sdiag-tmp-PID", or 0 when the name is not sdiag's.
pid_t temp_file_owner(const std::string& name) {
  static constexpr std::string_view marker = ".sdiag-tmp-";
  auto at = name.rfind(marker);
  if (name.size() < 2 || name[0] != '.' || at == std::string::npos || at < 2) return 0;
  const char* first = name.data() + at + marker.size();
  const char* last = name.data() + name.size();
  pid_t pid = 0;
  auto [end, ec] = std::from_chars(first, last, pid);
  return ec == std::errc() && end == last && first != last && pid > 0 ? pid : 0;
}

bool running(pid_t pid) { return ::kill(pid, 0) == 0 || errno != ESRCH; }

}  // namespace

std::vector<std::string> remove_stale_temp_files(const fs::path& dir) {
  std::vector<std::string> removed;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    const pid_t pid = temp_file_owner(name);
    if (pid == 0 || pid == ::getpid() || running(pid)) continue;
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
