// The workspaces under one folder, one per upload: the uploads, the
// diagnostic.json every edit is saved to, the versions before each edit
// (for undo) and the report written from it.
//
//   ID/uploads/upload-N.EXT   the files as uploaded (their names never used as paths)
//   ID/diagnostic.json        the diagnostic, as last saved
//   ID/history/NNNNNN.json    the versions it replaced, newest last (undo)
//   ID/report/                what "Write the report" wrote, and sdiag-report.zip
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sdiag::core::serve {

class Workspaces {
 public:
  /// Creates `root` if needed, takes it for this server, and removes what a
  /// server that was killed left there half-done: temporary files and staging
  /// folders named `.NAME.sdiag-tmp-PID` whose process is gone, or has this
  /// process's id (a pid used again). Made once, before the server answers
  /// anything. @throws std::runtime_error when another server has the folder.
  explicit Workspaces(std::filesystem::path root);
  ~Workspaces();
  Workspaces(const Workspaces&) = delete;
  Workspaces& operator=(const Workspaces&) = delete;
  const std::filesystem::path& root() const { return root_; }

  /// A new workspace being filled: its id and a staging folder (hidden,
  /// named as sdiag names its temporary files) that open() makes the
  /// workspace, so a server killed mid-upload leaves no half workspace.
  std::pair<std::string, std::filesystem::path> create();
  /// Makes the staging folder of `create` workspace `id`; returns its folder.
  std::filesystem::path open(const std::string& id, const std::filesystem::path& staging);
  /// The folder of workspace `id`, or nullopt when the id is malformed or unknown
  /// (or its diagnostic.json is a link or no file).
  std::optional<std::filesystem::path> find(const std::string& id) const;
  void remove(const std::filesystem::path& workspace);

  /// Saves `json` as the workspace's diagnostic.json (atomically), keeping the
  /// version it replaces for undo. Concurrent saves: the last one wins, whole.
  void save(const std::filesystem::path& workspace, const std::string& json);
  /// Puts back the version before the last save; nullopt when there is none.
  std::optional<std::string> undo(const std::filesystem::path& workspace);

  static std::filesystem::path diagnostic_of(const std::filesystem::path& w) { return w / "diagnostic.json"; }
  static std::filesystem::path uploads_of(const std::filesystem::path& w) { return w / "uploads"; }
  static std::filesystem::path report_of(const std::filesystem::path& w) { return w / "report"; }
  /// The report folder to write into: made a folder of the workspace's own
  /// when it is a link (the link is removed, never written through).
  static std::filesystem::path report_folder_to_write(const std::filesystem::path& w);
  /// Whether `folder` is a folder itself, not a link to one: a workspace's
  /// history and report are read only from folders of its own.
  static bool own_folder(const std::filesystem::path& folder);

  /// Versions kept for undo, per workspace.
  static constexpr std::size_t history_kept = 100;

 private:
  std::vector<std::filesystem::path> history(const std::filesystem::path& workspace) const;
  /// `folder`, made a folder of its own when missing or a link (the link is removed).
  static std::filesystem::path own_folder_to_write(const std::filesystem::path& folder);

  std::filesystem::path root_;
  // One server per folder: two would number a workspace's versions alike and
  // clear each other's files. An flock on the folder, gone with the process.
  int lock_fd_ = -1;
  std::mutex mutex_;  // one save or undo at a time: a version and its successor stay in step
};

/// The user's data folder for workspaces: $XDG_DATA_HOME/sdiag/workspaces or ~/.local/share/sdiag/workspaces.
std::filesystem::path default_workspace_root();

/// Reads a whole file. @throws std::runtime_error.
std::string read_file(const std::filesystem::path& path);

}  // namespace sdiag::core::serve
