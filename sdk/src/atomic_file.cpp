#include <sdiag/atomic_file.hpp>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <sdiag/text.hpp>

namespace sdiag {

namespace {

// Temporary files still open, kept where a signal handler can reach them
// without allocating: fixed slots of fixed-size paths.
constexpr std::size_t max_pending = 64;
constexpr std::size_t max_path = 1024;
struct PendingSlot {
  std::atomic<bool> used{false};
  char path[max_path] = {};
};
std::array<PendingSlot, max_pending> pending;

int register_pending(const std::filesystem::path& p) {
  const auto& s = p.native();
  if (s.size() >= max_path) return -1;
  for (std::size_t i = 0; i < max_pending; ++i) {
    bool expected = false;
    if (pending[i].used.compare_exchange_strong(expected, true)) {
      std::memcpy(pending[i].path, s.c_str(), s.size() + 1);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void release_pending(int slot) {
  if (slot >= 0) pending[static_cast<std::size_t>(slot)].used.store(false);
}

// A file replaced keeps its mode, and its owner and group where the user may
// set them (root; or a group the user is in), as an editor saving it would.
void keep_attributes_of(const std::filesystem::path& target, const std::filesystem::path& temp) {
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  if (::chown(temp.c_str(), st.st_uid, st.st_gid) != 0 && ::chown(temp.c_str(), static_cast<uid_t>(-1), st.st_gid) != 0) {
    // not permitted: the new file is the user's own, as any file they write
  }
  ::chmod(temp.c_str(), st.st_mode & 0777);  // never set-id bits on new contents
}

std::runtime_error cannot_write(const std::filesystem::path& target, const std::string& reason) {
  return std::runtime_error("cannot write " + text::display_path(target) + ": " + reason);
}

std::string reason_of(int error) { return std::generic_category().message(error); }

// Why writing `file` failed, as the file system tells it, or "" when it does
// not: libraries that write files themselves seldom pass errno on.
std::string file_system_reason(const std::filesystem::path& file) {
  struct statvfs fs {};
  if (::statvfs(file.parent_path().empty() ? "." : file.parent_path().c_str(), &fs) == 0) {
    if (fs.f_flag & ST_RDONLY) return reason_of(EROFS);
    if (fs.f_bavail == 0) return reason_of(ENOSPC);
  }
  struct rlimit limit {};
  struct stat st {};
  if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && ::stat(file.c_str(), &st) == 0 &&
      static_cast<rlim_t>(st.st_size) >= limit.rlim_cur)
    return reason_of(EFBIG);
  return {};
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  auto name = "." + target_.filename().string() + ".sdiag-tmp-" + std::to_string(::getpid());
  temp_ = target_.parent_path() / name;
  slot_ = register_pending(temp_);
  // Made and removed at once: a folder that cannot be written to is said before any work is done, and a
  // temporary file exists only once something writes it, so that commit() can tell nothing was written.
  const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    const int error = errno;
    release_pending(slot_);
    committed_ = true;  // nothing to remove
    throw cannot_write(target_, reason_of(error));
  }
  ::close(fd);
  ::unlink(temp_.c_str());
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
  release_pending(slot_);
}

void AtomicFile::commit() {
  std::error_code ec;
  if (!std::filesystem::exists(temp_, ec)) throw std::runtime_error("nothing was written to " + text::display_path(target_));
  keep_attributes_of(target_, temp_);
  std::filesystem::rename(temp_, target_, ec);
  if (ec) throw cannot_write(target_, ec.message());
  committed_ = true;
}

std::runtime_error AtomicFile::write_error(std::string_view what) const {
  if (auto reason = file_system_reason(temp_); !reason.empty()) return cannot_write(target_, reason);
  std::string said(what);
  for (const auto& [from, to] : {std::pair{temp_.string(), text::display_path(target_)},
                                 std::pair{text::display_path(temp_), text::display_path(target_)},
                                 std::pair{temp_.filename().string(), text::display_path(target_.filename())}})
    replace_all(said, from, to);
  return cannot_write(target_, said);
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  AtomicFile f(target);
  const int fd = ::open(f.temp_path().c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw cannot_write(target, reason_of(errno));
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : ENOSPC;
      ::close(fd);
      throw cannot_write(target, reason_of(error));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw cannot_write(target, reason_of(errno));  // NFS reports a full disk here
  f.commit();
}

void remove_pending_temp_files() noexcept {
  for (auto& slot : pending)
    if (slot.used.load()) ::unlink(slot.path);
}

int temp_file_owner(std::string_view name) {
  static constexpr std::string_view marker = ".sdiag-tmp-";
  const auto at = name.rfind(marker);
  if (name.size() < 2 || name[0] != '.' || at == std::string_view::npos || at < 2) return 0;
  const char* first = name.data() + at + marker.size();
  const char* last = name.data() + name.size();
  int pid = 0;
  auto [end, ec] = std::from_chars(first, last, pid);
  return ec == std::errc() && end == last && first != last && pid > 0 ? pid : 0;
}

bool left_by_ended_process(std::string_view name) {
  const int pid = temp_file_owner(name);
  return pid != 0 && pid != ::getpid() && ::kill(pid, 0) == -1 && errno == ESRCH;
}

}  // namespace sdiag
