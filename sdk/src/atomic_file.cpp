#include <sdiag/atomic_file.hpp>

#include <array>
#include <atomic>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include <sys/stat.h>
#include <unistd.h>

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

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  auto name = "." + target_.filename().string() + ".sdiag-tmp-" + std::to_string(::getpid());
  temp_ = target_.parent_path() / name;
  slot_ = register_pending(temp_);
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
  if (!std::filesystem::exists(temp_, ec))
    throw std::runtime_error("nothing was written to " + target_.string());
  keep_attributes_of(target_, temp_);
  std::filesystem::rename(temp_, target_, ec);
  if (ec) throw std::runtime_error("cannot write " + target_.string() + ": " + ec.message());
  committed_ = true;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
  AtomicFile f(target);
  {
    std::ofstream out(f.temp_path(), std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot create " + f.temp_path().string());
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + target.string() + " (disk full?)");
  }
  f.commit();
}

void remove_pending_temp_files() noexcept {
  for (auto& slot : pending)
    if (slot.used.load()) ::unlink(slot.path);
}

}  // namespace sdiag
