// The output folder while a run writes its set of outputs into it. Two runs
// into one folder must not interleave their files, so the writing holds an
// advisory lock on the folder itself (flock on the directory: no lock file
// is left behind); a second run waits, saying so, and then writes its whole
// set. Under the lock, what earlier sdiag processes left behind when they
// were killed (".NAME.sdiag-tmp-PID" of a process no longer running) is
// removed, and the earlier file of an output that failed is set aside, so
// the folder never holds one run's report beside another run's plan.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sdiag::core {

class OutputFolderLock {
 public:
  /// Locks `dir` (which must exist), waiting while another run holds it.
  /// A file system without locks (some network shares) is written unlocked.
  explicit OutputFolderLock(const std::filesystem::path& dir);
  ~OutputFolderLock();
  OutputFolderLock(const OutputFolderLock&) = delete;
  OutputFolderLock& operator=(const OutputFolderLock&) = delete;

 private:
  int fd_ = -1;
};

/// Removes sdiag's own temporary files in `dir` (".NAME.sdiag-tmp-PID")
/// whose process is no longer running; returns their names. Files of any
/// other naming, and those of running processes, are left alone.
std::vector<std::string> remove_stale_temp_files(const std::filesystem::path& dir);

/// Where the earlier file of an output that failed goes, inside the output folder.
inline constexpr const char* earlier_folder = ".sdiag-earlier";

/// Moves `dir/name` (when it exists) to `dir/.sdiag-earlier/name`, replacing
/// any earlier one there; returns the new path, or "" when there was nothing
/// to move. @throws std::filesystem::filesystem_error.
std::filesystem::path set_aside(const std::filesystem::path& dir, const std::string& name);

}  // namespace sdiag::core
