/// @file sdiag/atomic_file.hpp
/// Writing outputs safely: into a temporary file in the same folder, renamed
/// over the target only when complete. A failed or interrupted run never
/// leaves a half-written file over a good one. A file replaced keeps its
/// mode, and its owner and group where the user may set them.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace sdiag {

/// @code
/// sdiag::AtomicFile f(ctx.output_dir() / "plan.xlsx");
/// f.write_with([&](const auto& temp) { write_with_some_library(temp); });  // then renamed over plan.xlsx
/// // or: write_with_some_library(f.temp_path()); f.commit();
/// // without commit, the destructor removes the temporary file
/// @endcode
///
/// Every error names the target, never the temporary file, and says why
/// ("cannot write out/plan.xlsx: Read-only file system").
class AtomicFile {
 public:
  /// Tries the temporary file at once (made, then removed), so a folder that
  /// cannot be written to is said before any work is done.
  /// @throws std::runtime_error "cannot write TARGET: REASON".
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temp_path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  /// Renames the temporary file over the target. @throws std::runtime_error,
  /// "nothing was written to TARGET" when nothing made the temporary file.
  void commit();
  /// What to throw when a library failed writing temp_path() and said
  /// `what`: "cannot write TARGET: REASON", the reason being the file
  /// system's when it is read-only or full or the file reached the
  /// process's size limit, else `what` with the temporary file's name
  /// replaced by the target's. (SDK 1.4)
  std::runtime_error write_error(std::string_view what) const;
  /// Calls `write(temp_path())` (a library that writes the file itself), then
  /// commits; what it throws becomes write_error(). (SDK 1.4)
  template <typename Write>
  void write_with(Write&& write) {
    try {
      write(temp_);
    } catch (const std::exception& e) {
      throw write_error(e.what());
    }
    commit();
  }

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool committed_ = false;
  int slot_ = -1;  // entry in the list of pending temporary files
};

/// Writes `bytes` to `target` atomically. @throws std::runtime_error.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

/// The process id in a name of the form AtomicFile gives its temporary
/// files (".NAME.sdiag-tmp-PID"), or 0 for any other name. (SDK 1.4)
int temp_file_owner(std::string_view name);

/// True when a temporary file of `name`'s form was left by a process that
/// no longer runs (a run that was killed), so that it may be removed; a
/// file of this process's own id is never counted. (SDK 1.4)
bool left_by_ended_process(std::string_view name);

/// Removes every temporary file still open. Async-signal-safe: the host's
/// SIGINT/SIGTERM handler calls it before exiting.
void remove_pending_temp_files() noexcept;

}  // namespace sdiag
