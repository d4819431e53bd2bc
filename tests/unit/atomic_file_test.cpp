#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <sys/wait.h>
#include <unistd.h>

#include <sdiag/atomic_file.hpp>

namespace fs = std::filesystem;

static std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("an output is replaced only when complete") {
  auto dir = fs::temp_directory_path() / ("sdiag-atomic-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto target = dir / "report.md";
  sdiag::write_file_atomically(target, "good");
  {
    sdiag::AtomicFile f(target);
    std::ofstream(f.temp_path()) << "half";
    // no commit: as if writing failed
  }
  CHECK(read_all(target) == "good");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
  {
    sdiag::AtomicFile f(target);
    std::ofstream(f.temp_path()) << "new";
    sdiag::remove_pending_temp_files();  // what the signal handler does
    CHECK_FALSE(fs::exists(f.temp_path()));
  }
  CHECK(read_all(target) == "good");
  fs::remove_all(dir);
}

TEST_CASE("a commit with nothing written leaves the earlier file, saying so") {
  auto dir = fs::temp_directory_path() / ("sdiag-atomic-nothing-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto target = dir / "report.pdf";
  sdiag::write_file_atomically(target, "good");
  {
    sdiag::AtomicFile f(target);  // a library that failed without a word, and never made the file
    CHECK_THROWS_WITH(f.commit(), ("nothing was written to " + target.string()).c_str());
  }
  CHECK(read_all(target) == "good");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);  // no temporary file left
  sdiag::write_file_atomically(dir / "empty.txt", "");  // empty contents written on purpose are a file
  CHECK(fs::is_regular_file(dir / "empty.txt"));
  CHECK(fs::file_size(dir / "empty.txt") == 0);
  CHECK_THROWS_WITH(sdiag::AtomicFile(dir / "missing" / "x.pdf"),  // an unwritable folder is still said at once
                    ("cannot write " + (dir / "missing" / "x.pdf").string() + ": No such file or directory").c_str());
  fs::remove_all(dir);
}

TEST_CASE("a replaced output keeps its permissions, never set-id bits") {
  auto dir = fs::temp_directory_path() / ("sdiag-atomic-mode-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto target = dir / "plan.xlsx";
  sdiag::write_file_atomically(target, "first");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::set_gid);
  sdiag::write_file_atomically(target, "second");
  CHECK(read_all(target) == "second");
  CHECK(fs::status(target).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  fs::remove_all(dir);
}

TEST_CASE("a write that fails names the target and the reason, never the temporary file") {
  auto dir = fs::temp_directory_path() / ("sdiag-atomic-errors-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  CHECK_THROWS_WITH(sdiag::write_file_atomically(dir / "missing" / "report.md", "x"),
                    ("cannot write " + (dir / "missing" / "report.md").string() + ": No such file or directory").c_str());
  fs::create_directory(dir / "report.md");  // a folder where the file should go: the rename fails
  CHECK_THROWS_WITH(sdiag::write_file_atomically(dir / "report.md", "x"),
                    ("cannot write " + (dir / "report.md").string() + ": Is a directory").c_str());
  {
    sdiag::AtomicFile f(dir / "plan.xlsx");
    const std::string library_said = "workbook_close(): error creating '" + f.temp_path().string() + "'; writing " +
                                     f.temp_path().filename().string();
    CHECK(std::string(f.write_error(library_said).what()) ==
          "cannot write " + (dir / "plan.xlsx").string() + ": workbook_close(): error creating '" +
              (dir / "plan.xlsx").string() + "'; writing plan.xlsx");
    CHECK_THROWS_WITH(f.write_with([](const fs::path& temp) { throw std::runtime_error(temp.string() + " broke"); }),
                      ("cannot write " + (dir / "plan.xlsx").string() + ": " + (dir / "plan.xlsx").string() + " broke").c_str());
  }
  CHECK(fs::is_empty(dir / "report.md"));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);  // no temporary file left
  fs::remove_all(dir);
}

TEST_CASE("a temporary file is known by its name, and counted as left only when its process has ended") {
  CHECK(sdiag::temp_file_owner(".report.docx.sdiag-tmp-4242") == 4242);
  CHECK(sdiag::temp_file_owner(".a.sdiag-tmp-1") == 1);
  for (const char* other : {"report.docx", ".report.docx", "report.docx.sdiag-tmp-12", ".x.sdiag-tmp-", ".x.sdiag-tmp-12a",
                            ".x.sdiag-tmp--3", ".x.sdiag-tmp-0", ".x.sdiag-tmp-99999999999999999999", ".sdiag-tmp-5"})
    CHECK_MESSAGE(sdiag::temp_file_owner(other) == 0, other);
  const auto own = ".plan.xlsx.sdiag-tmp-" + std::to_string(::getpid());
  CHECK_FALSE(sdiag::left_by_ended_process(own));       // this process: still writing it
  CHECK_FALSE(sdiag::left_by_ended_process(".p.sdiag-tmp-1"));  // init runs for ever
  CHECK_FALSE(sdiag::left_by_ended_process("notes.csv"));
  // A process that has ended: a child reaped.
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(sdiag::left_by_ended_process(".plan.xlsx.sdiag-tmp-" + std::to_string(child)));
}
