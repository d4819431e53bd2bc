// read_input_file: the one whole-file read under the input limit.
#include <doctest/doctest.h>

#include <fstream>

#include <unistd.h>

#include <sdiag/input_file.hpp>

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("sdiag-input-file-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
};

}  // namespace

TEST_CASE("a file is read whole, in binary") {
  TempDir dir;
  const std::string bytes("a\r\nb\0c\xFF", 7);
  auto f = sdiag::read_input_file(dir.write("in.csv", bytes));
  CHECK(f.bytes == bytes);
  CHECK(f.path == dir.path / "in.csv");
  CHECK(f.extension() == ".csv");
  CHECK(sdiag::read_input_file(dir.write("empty.csv", "")).bytes.empty());

  std::string big(3u << 20, 'x');
  big[12345] = 'y';
  CHECK(sdiag::read_input_file(dir.write("big.csv", big)).bytes == big);
}

TEST_CASE("past the limit: refused before reading, with one message") {
  TempDir dir;
  auto p = dir.write("ten.txt", std::string(10, 'x'));
  CHECK(sdiag::read_input_file(p, 10).bytes.size() == 10);
  CHECK_THROWS_WITH_AS(sdiag::read_input_file(p, 9), "is 10 bytes; the limit is 9 bytes (is this the right file?)",
                       sdiag::InputError);

  // The default is the host's input limit, in MiB: a sparse file writes nothing to disk.
  auto huge = dir.path / "huge.json";
  std::ofstream(huge, std::ios::binary).close();
  fs::resize_file(huge, sdiag::limits::max_input_bytes + 1);
  CHECK_THROWS_WITH_AS(sdiag::read_input_file(huge), "is 257 MiB; the limit is 256 MiB (is this the right file?)",
                       sdiag::InputError);
  fs::resize_file(huge, 5u << 20);
  CHECK_THROWS_WITH_AS(sdiag::read_input_file(huge, 4u << 20), "is 5 MiB; the limit is 4 MiB (is this the right file?)",
                       sdiag::InputError);
}

TEST_CASE("what cannot be read is an InputError that says why") {
  TempDir dir;
  CHECK_THROWS_WITH_AS(sdiag::read_input_file(dir.path / "missing.csv"), doctest::Contains("cannot read: No such file"),
                       sdiag::InputError);
  CHECK_THROWS_WITH_AS(sdiag::read_input_file(dir.path), doctest::Contains("cannot read: "), sdiag::InputError);
  // A device has no size to check: refused, never read without end.
  CHECK_THROWS_AS(sdiag::read_input_file("/dev/zero"), sdiag::InputError);
  if (::geteuid() != 0) {  // root reads anything
    auto locked = dir.write("locked.csv", "x");
    fs::permissions(locked, fs::perms::none);
    CHECK_THROWS_WITH_AS(sdiag::read_input_file(locked), "cannot open for reading", sdiag::InputError);
  }
}
