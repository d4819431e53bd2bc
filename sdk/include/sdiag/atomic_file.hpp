/// @file sdiag/atomic_file.hpp
/// Writing outputs safely: into a temporary file in the same folder, renamed
/// over the target only when complete. A failed or interrupted run never
/// leaves a half-written file over a good one. A file replaced keeps its
/// mode, and its owner and group where the user may set them.
#pragma once

#include <filesystem>
#include <string_view>

namespace sdiag {

/// @code
/// sdiag::AtomicFile f(ctx.output_dir() / "plan.xlsx");
/// write_with_some_library(f.temp_path());
/// f.commit();   // without this, the destructor removes the temporary file
/// @endcode
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temp_path() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  /// Renames the temporary file over the target. @throws std::runtime_error.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool committed_ = false;
  int slot_ = -1;  // entry in the list of pending temporary files
};

/// Writes `bytes` to `target` atomically. @throws std::runtime_error.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

/// Removes every temporary file still open. Async-signal-safe: the host's
/// SIGINT/SIGTERM handler calls it before exiting.
void remove_pending_temp_files() noexcept;

}  // namespace sdiag
