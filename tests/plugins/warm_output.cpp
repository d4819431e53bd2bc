#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <sdiag/plugin.hpp>
// An output with a slow warm-up, for the warm-up tests: it writes down whether
// its warm-up ran, finished before write() and ran on another thread. With
// the option fail-warm-up its warm-up throws, which must not matter.
struct WarmOutput : sdiag::Output, sdiag::WarmUp {
  void warm_up() override {
    warm_thread = std::this_thread::get_id();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the main thread goes on meanwhile
    if (std::getenv("SDIAG_TEST_FAIL_WARM_UP")) throw std::runtime_error("no fonts today");
    warmed = true;
  }
  std::vector<std::filesystem::path> write(const sdiag::Diagnostic&, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    auto path = ctx.output_dir() / "warm.txt";
    std::ofstream(path) << "warmed=" << (warmed ? "yes" : "no") << "\n"
                        << "other-thread=" << (warm_thread != std::thread::id() && warm_thread != std::this_thread::get_id() ? "yes" : "no") << "\n";
    return {path};
  }
  bool warmed = false;
  std::thread::id warm_thread;
};
SDIAG_PLUGIN(WarmOutput, .name = "warm-output", .kinds = {sdiag::Kind::output}, .version = "0",
             .summary = "records its warm-up")
