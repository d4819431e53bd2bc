// `sdiag serve`'s workspaces (core/serve/workspaces): each save keeps the
// version it replaces and undo gives back the newest one, whatever the
// history folder holds; a start clears what a killed server left half-done.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "workspaces.hpp"

namespace fs = std::filesystem;
using sdiag::core::serve::read_file;
using sdiag::core::serve::Workspaces;

namespace {

// A fresh folder of its own under the system's temporary folder, removed at the end.
struct Scratch {
  fs::path root = fs::temp_directory_path() / ("sdiag-serve-workspaces-" + std::to_string(::getpid()));
  Scratch() {
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A workspace as an upload leaves it: its diagnostic saved, no history yet.
fs::path workspace_with(Workspaces& w, const std::string& diagnostic) {
  auto [id, staging] = w.create();
  w.save(staging, diagnostic);
  return w.open(id, staging);
}

// What undo gave back, "(nothing)" when it had nothing to give.
std::string undone(Workspaces& w, const fs::path& dir) { return w.undo(dir).value_or("(nothing)"); }

}  // namespace

TEST_CASE("undo gives back each version in turn, newest first") {
  Scratch s;
  Workspaces w(s.root / "workspaces");
  const auto dir = workspace_with(w, "A");
  w.save(dir, "B");
  w.save(dir, "C");
  CHECK(read_file(Workspaces::diagnostic_of(dir)) == "C");
  CHECK(undone(w, dir) == "B");
  CHECK(undone(w, dir) == "A");
  CHECK(undone(w, dir) == "(nothing)");
  CHECK(read_file(Workspaces::diagnostic_of(dir)) == "A");
}

TEST_CASE("a history past 999999 versions keeps its order: no version is written over, undo gives the newest") {
  Scratch s;
  Workspaces w(s.root / "workspaces");
  const auto dir = workspace_with(w, "A");
  write(dir / "history" / "999999.json", "old");  // the version a long-edited workspace's 999,999th save kept
  w.save(dir, "B");                              // keeps A as 1000000.json
  w.save(dir, "C");                              // keeps B, after A
  CHECK(undone(w, dir) == "B");
  CHECK(undone(w, dir) == "A");
  CHECK(undone(w, dir) == "old");
}

TEST_CASE("a history file whose number no integer holds is no version: saving goes on") {
  Scratch s;
  Workspaces w(s.root / "workspaces");
  const auto dir = workspace_with(w, "A");
  write(dir / "history" / "123456789012345678901234567890.json", "not a version");
  CHECK_NOTHROW(w.save(dir, "B"));
  CHECK(read_file(Workspaces::diagnostic_of(dir)) == "B");
  CHECK(undone(w, dir) == "A");
}

TEST_CASE("a start clears what a killed server left, also when this server was given the same process id") {
  // A container gives sdiag the same pid at every start: what the killed run left carries this process's id.
  Scratch s;
  const auto root = s.root / "workspaces";
  const auto pid = std::to_string(::getpid());
  const auto id = std::string(24, 'a');
  const fs::path left[] = {root / ("." + std::string(24, 'b') + ".sdiag-tmp-" + pid) / "uploads" / "upload-1.json",
                           root / id / (".diagnostic.json.sdiag-tmp-" + pid),
                           root / id / "history" / (".000001.json.sdiag-tmp-" + pid),
                           root / id / "report" / (".report.pdf.sdiag-tmp-" + pid)};
  for (const auto& p : left) write(p, "{\"half\": ");
  write(Workspaces::diagnostic_of(root / id), "{}");
  Workspaces w(root);
  for (const auto& p : left) CHECK_MESSAGE(!fs::exists(p), p.filename().string());
  CHECK(!fs::exists(left[0].parent_path().parent_path()));
  CHECK(read_file(Workspaces::diagnostic_of(root / id)) == "{}");
}

TEST_CASE("what is not a plain file in a workspace is never read: a link pointing out, a folder") {
  Scratch s;
  Workspaces w(s.root / "workspaces");
  const auto dir = workspace_with(w, "A");
  w.save(dir, "B");  // keeps A as 000001.json
  write(s.root / "outside" / "secret.txt", "a file outside the workspace");
  fs::create_directories(dir / "history" / "000002.json");
  fs::create_symlink(s.root / "outside" / "secret.txt", dir / "history" / "000003.json");
  CHECK(undone(w, dir) == "A");
  CHECK(read_file(Workspaces::diagnostic_of(dir)) == "A");
  w.save(dir, "C");  // keeps A again; the folder and the link are left as they are
  CHECK(undone(w, dir) == "A");
  CHECK(fs::is_symlink(dir / "history" / "000003.json"));
  CHECK(read_file(s.root / "outside" / "secret.txt") == "a file outside the workspace");

  // A workspace whose diagnostic.json is a link is none: its target is neither served nor copied into history.
  const auto linked = workspace_with(w, "D");
  fs::remove(Workspaces::diagnostic_of(linked));
  fs::create_symlink(s.root / "outside" / "secret.txt", Workspaces::diagnostic_of(linked));
  CHECK(!w.find(linked.filename().string()));
  CHECK(w.find(dir.filename().string()) == dir);
}

TEST_CASE("undo goes back past a version a stopped save left the same as the diagnostic") {
  Scratch s;
  Workspaces w(s.root / "workspaces");
  const auto dir = workspace_with(w, "A");
  w.save(dir, "B");  // keeps A
  // A save of C killed after keeping B and before writing C: the newest version is B, as is the diagnostic.
  write(dir / "history" / "000002.json", "B");
  CHECK(undone(w, dir) == "A");
  CHECK(read_file(Workspaces::diagnostic_of(dir)) == "A");
  CHECK(undone(w, dir) == "(nothing)");
}

TEST_CASE("a history folder that is a link is no history: nothing is read or kept through it") {
  Scratch s;
  Workspaces w(s.root / "workspaces");
  const auto dir = workspace_with(w, "A");
  write(s.root / "outside" / "000001.json", "a version from elsewhere");
  fs::create_directory_symlink(s.root / "outside", dir / "history");
  CHECK(undone(w, dir) == "(nothing)");
  CHECK(read_file(Workspaces::diagnostic_of(dir)) == "A");
  w.save(dir, "B");  // keeps A in a history folder of the workspace's own
  CHECK(!fs::is_symlink(dir / "history"));
  CHECK(fs::is_directory(dir / "history"));
  CHECK(undone(w, dir) == "A");
  CHECK(read_file(s.root / "outside" / "000001.json") == "a version from elsewhere");
  CHECK(std::distance(fs::directory_iterator(s.root / "outside"), fs::directory_iterator()) == 1);
}

TEST_CASE("a report folder that is a link is never written through, nor read") {
  Scratch s;
  Workspaces w(s.root / "workspaces");
  const auto dir = workspace_with(w, "A");
  write(s.root / "outside" / "report.pdf", "a file elsewhere");
  fs::create_directory_symlink(s.root / "outside", Workspaces::report_of(dir));
  CHECK_FALSE(Workspaces::own_folder(Workspaces::report_of(dir)));
  const auto folder = Workspaces::report_folder_to_write(dir);
  CHECK(folder == Workspaces::report_of(dir));
  CHECK(Workspaces::own_folder(folder));
  CHECK(fs::is_empty(folder));
  CHECK(read_file(s.root / "outside" / "report.pdf") == "a file elsewhere");
  CHECK(Workspaces::report_folder_to_write(dir) == folder);  // a folder of its own stays as it is
}
