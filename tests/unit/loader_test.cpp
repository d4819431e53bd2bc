#include <doctest/doctest.h>

#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include <sdiag/loader.hpp>
#include <sdiag/testing.hpp>

using namespace sdiag;
namespace fs = std::filesystem;

static fs::path case_dir(const char* c) { return fs::path(SDIAG_TEST_BUILD_DIR) / "tests" / "plugins" / c; }

static std::string refusal(const fs::path& p) {
  try {
    PluginHandle::load(p);
  } catch (const LoadError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST_CASE("a good plugin loads, declares itself and runs") {
  auto h = PluginHandle::load(case_dir("good") / "shout.so");
  CHECK(h.info().name == "shout");
  CHECK(h.is(Kind::analysis));
  CHECK(h.analysis() != nullptr);
  CHECK(h.input() == nullptr);
  testing::Harness harness(case_dir("good") / "shout.so");
  Diagnostic d;
  d.notes.push_back(Note{.id = "n1", .text = "hello"});
  harness.set("mark", "?");
  CHECK(harness.analyse(d).notes[0].text == "hello?");
  harness.set("colour", "red");
  CHECK_THROWS_WITH_AS(harness.analyse(d), doctest::Contains("valid options: mark, times"), OptionError);
}

TEST_CASE("broken plugins are refused with a one-line reason naming the file") {
  auto r = refusal(case_dir("wrong-major") / "wrong-major.so");
  CHECK(r.find("wrong-major.so: built for SDK " + std::to_string(api_major + 1) + ".0, host has") != std::string::npos);
  CHECK(r.find("rebuild") != std::string::npos);
  CHECK(refusal(case_dir("newer-minor") / "newer-minor.so").find("built for SDK") != std::string::npos);
  CHECK(refusal(case_dir("older-model") / "older-model.so").find("diagnostic model is laid out differently") != std::string::npos);
  CHECK(refusal(case_dir("throwing-ctor") / "throwing-ctor.so").find("creating the plugin threw: cannot start: licence file missing") != std::string::npos);
  CHECK(refusal(case_dir("name-mismatch") / "name-mismatch.so").find("declares the name 'something-else'") != std::string::npos);
  auto missing = refusal(case_dir("missing-symbol") / "missing-symbol.so");
  CHECK(missing.find("undefined symbol") != std::string::npos);
  CHECK(missing.find("function_nobody_defines") != std::string::npos);
  for (const auto& r2 : {r, missing}) CHECK(r2.find('\n') == std::string::npos);

  auto dir = fs::temp_directory_path() / "sdiag-loader-test";
  fs::create_directories(dir);
  std::ofstream(dir / "notes.so") << "this is a text file, not a library\n";
  CHECK(refusal(dir / "notes.so").find("not a shared library") != std::string::npos);
  std::ofstream(dir / "empty.so");
  CHECK(refusal(dir / "empty.so").find("not a shared library") != std::string::npos);
  CHECK(refusal(dir / "absent.so").find("absent.so") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("an exception thrown in a plugin reaches the caller as a host-owned copy") {
  std::string message;
  {
    testing::Harness h(case_dir("throwing-run") / "throwing-run.so");
    try {
      h.analyse(Diagnostic{});
    } catch (const std::exception& e) {
      message = e.what();
    }
  }
  CHECK(message == "ran out of patience");  // read after the library is gone
}

// Only a whole shared library reaches dlopen: a copy cut short used to load and
// then kill the process with SIGBUS, and a FIFO named x.so blocked for ever.
TEST_CASE("a file that is not a whole shared library is refused before it is loaded") {
  auto dir = fs::temp_directory_path() / ("sdiag-loader-elf-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto good = case_dir("good") / "shout.so";
  const auto size = fs::file_size(good);
  // Each case is a file of its own: a library once loaded stays mapped, and must not be rewritten.
  int copies = 0;
  auto copy = [&] {
    auto to = dir / ("copy-" + std::to_string(++copies) + ".so");
    fs::copy_file(good, to);
    return to;
  };
  auto truncated_copy = [&](std::uintmax_t keep) {
    auto to = copy();
    fs::resize_file(to, keep);
    return to;
  };
  for (auto keep : {size / 2, size / 8}) {  // the section headers at the end are not loaded: cut into the segments
    INFO("kept " << keep << " of " << size << " bytes");
    CHECK(refusal(truncated_copy(keep)).find("truncated shared library") != std::string::npos);
  }
  CHECK(refusal(truncated_copy(100)).find(".so: a damaged or truncated shared library (its program headers") !=
        std::string::npos);  // the ELF header is whole, its program headers are not
  CHECK(refusal(truncated_copy(40)).find("invalid ELF header") != std::string::npos);

  REQUIRE(::mkfifo((dir / "pipe.so").c_str(), 0600) == 0);  // a writer never comes: opening it would block
  CHECK(refusal(dir / "pipe.so").find("pipe.so: not a shared library (a FIFO)") != std::string::npos);
  fs::create_directory(dir / "folder.so");
  CHECK(refusal(dir / "folder.so").find("folder.so: not a shared library (a folder)") != std::string::npos);
  fs::create_symlink("loop-b.so", dir / "loop-a.so");
  fs::create_symlink("loop-a.so", dir / "loop-b.so");
  CHECK(refusal(dir / "loop-a.so").find("loop-a.so: cannot be opened (Too many levels of symbolic links)") !=
        std::string::npos);

  // Headers whose numbers point past the file: a copy of the good one, patched.
  auto patched = [&](std::size_t offset, std::uint64_t value, std::size_t width) {
    auto to = copy();
    std::fstream f(to, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offset));
    f.write(reinterpret_cast<const char*>(&value), static_cast<std::streamsize>(width));
    return to;
  };
  CHECK(refusal(patched(32, ~std::uint64_t{0} - 8, 8)).find("program headers end past the end") !=
        std::string::npos);  // e_phoff near 2^64: no overflow
  CHECK(refusal(patched(4, 1, 1)).find("32-bit ELF file") != std::string::npos);  // EI_CLASS
  CHECK(refusal(patched(16, 2, 2)).find("another type") != std::string::npos);     // e_type: an executable

  // A symbolic link to a good plugin is still loaded.
  fs::create_directory(dir / "linked");
  fs::create_symlink(good, dir / "linked" / "shout.so");
  CHECK(PluginHandle::load(dir / "linked" / "shout.so").info().name == "shout");
  fs::remove_all(dir);
}
