#include "workspaces.hpp"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <sdiag/atomic_file.hpp>

#include "guard.hpp"

namespace sdiag::core::serve {

namespace fs = std::filesystem;

std::filesystem::path default_workspace_root() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "sdiag" / "workspaces";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".local" / "share" / "sdiag" / "workspaces";
  return fs::current_path() / "sdiag-workspaces";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.filename().string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

const std::regex id_shape("[0-9a-f]{24}");

// The number of a version save() wrote ("000042.json" is 42); nullopt for any
// other name: a file a person put there, or a number no integer holds.
std::optional<std::uint64_t> version_number(const std::string& name) {
  static const std::regex version_name("([0-9]{6,})\\.json");
  std::smatch m;
  if (!std::regex_match(name, m, version_name)) return std::nullopt;
  std::uint64_t n = 0;
  const auto digits = m[1].str();
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || n == std::numeric_limits<std::uint64_t>::max()) return std::nullopt;  // the next would wrap
  return n;
}

// Called at start, before this server writes anything: a name of its own pid
// was left by a killed run that had the same pid (a container gives every
// start the same one), which left_by_ended_process never counts.
void remove_left_by_killed_runs(const fs::path& folder) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    const auto name = e.path().filename().string();
    if (temp_file_owner(name) == ::getpid() || left_by_ended_process(name))
      fs::remove_all(e.path(), ec);  // files and staging folders
  }
}

}  // namespace

Workspaces::Workspaces(fs::path root) : root_(std::move(root)) {
  fs::create_directories(root_);
  lock_fd_ = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_fd_ >= 0 && ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
    ::close(lock_fd_);
    throw std::runtime_error("another sdiag serve is using it; stop that one, or give this one another folder with --workspace");
  }
  // A file system without locks (some network shares) is used unlocked, as an output folder is.
  remove_left_by_killed_runs(root_);
  std::error_code ec;
  for (const auto& w : fs::directory_iterator(root_, ec)) {
    if (!std::regex_match(w.path().filename().string(), id_shape)) continue;
    for (const auto& folder : {w.path(), w.path() / "history", report_of(w.path())}) remove_left_by_killed_runs(folder);
  }
}

Workspaces::~Workspaces() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::pair<std::string, fs::path> Workspaces::create() {
  for (;;) {
    auto id = random_hex(12);
    auto staging = root_ / ("." + id + ".sdiag-tmp-" + std::to_string(::getpid()));
    if (!fs::exists(root_ / id) && fs::create_directory(staging)) {
      fs::create_directory(uploads_of(staging));
      return {id, staging};
    }
  }
}

fs::path Workspaces::open(const std::string& id, const fs::path& staging) {
  auto dir = root_ / id;
  fs::rename(staging, dir);
  return dir;
}

std::optional<fs::path> Workspaces::find(const std::string& id) const {
  if (!std::regex_match(id, id_shape)) return std::nullopt;
  std::error_code ec;
  auto dir = root_ / id;
  // A plain file, not a link: what is served and kept for undo stays inside the workspace.
  if (fs::symlink_status(diagnostic_of(dir), ec).type() != fs::file_type::regular) return std::nullopt;
  return dir;
}

bool Workspaces::own_folder(const fs::path& folder) {
  std::error_code ec;
  return fs::symlink_status(folder, ec).type() == fs::file_type::directory;
}

fs::path Workspaces::own_folder_to_write(const fs::path& folder) {
  std::error_code ec;
  if (fs::is_symlink(folder, ec)) fs::remove(folder);  // the link, never what it points to
  fs::create_directories(folder);
  return folder;
}

fs::path Workspaces::report_folder_to_write(const fs::path& w) { return own_folder_to_write(report_of(w)); }

void Workspaces::remove(const fs::path& workspace) {
  std::error_code ec;
  fs::remove_all(workspace, ec);
}

std::vector<fs::path> Workspaces::history(const fs::path& workspace) const {
  std::vector<std::pair<std::uint64_t, fs::path>> numbered;
  std::error_code ec;
  if (!own_folder(workspace / "history")) return {};  // a link is no history of this workspace's
  for (const auto& e : fs::directory_iterator(workspace / "history", ec)) {
    // A link (which may point out of the workspace) or a folder is no version, whatever its name.
    if (e.symlink_status(ec).type() != fs::file_type::regular) continue;
    if (auto n = version_number(e.path().filename().string())) numbered.emplace_back(*n, e.path());
  }
  // By number, not by name: "1000000.json" comes after "999999.json".
  std::sort(numbered.begin(), numbered.end());
  std::vector<fs::path> versions;
  for (auto& v : numbered) versions.push_back(std::move(v.second));
  return versions;
}

void Workspaces::save(const fs::path& workspace, const std::string& json) {
  std::lock_guard lock(mutex_);
  const auto current = diagnostic_of(workspace);
  std::error_code ec;
  if (fs::is_regular_file(current, ec)) {
    auto versions = history(workspace);
    const std::uint64_t next = versions.empty() ? 1 : *version_number(versions.back().filename().string()) + 1;
    char name[32];
    std::snprintf(name, sizeof name, "%06llu.json", static_cast<unsigned long long>(next));
    // The versions are kept in a folder of the workspace's own, never through a link to another.
    write_file_atomically(own_folder_to_write(workspace / "history") / name, read_file(current));
    versions.push_back(workspace / "history" / name);
    for (std::size_t i = 0; versions.size() - i > history_kept; ++i) fs::remove(versions[i], ec);
  }
  write_file_atomically(current, json);
}

std::optional<std::string> Workspaces::undo(const fs::path& workspace) {
  std::lock_guard lock(mutex_);
  auto versions = history(workspace);
  // A save stopped between keeping the version and writing the new
  // diagnostic (a kill) leaves that version the same as the diagnostic:
  // going back to it would change nothing, so undo goes back past it.
  const auto current = read_file(diagnostic_of(workspace));
  std::optional<std::string> previous;
  while (!versions.empty() && (previous = read_file(versions.back())) == current) {
    fs::remove(versions.back());
    versions.pop_back();
  }
  if (versions.empty()) return std::nullopt;
  write_file_atomically(diagnostic_of(workspace), *previous);
  fs::remove(versions.back());
  return previous;
}

}  // namespace sdiag::core::serve
