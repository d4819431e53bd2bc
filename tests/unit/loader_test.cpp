#include <doctest/doctest.h>

#include <fstream>

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
