#include <stdexcept>
#include <sdiag/atomic_file.hpp>
#include <sdiag/plugin.hpp>
// Starts writing its file, then fails: no partial file may be left behind.
struct FailingOutput : sdiag::Output {
  std::vector<std::filesystem::path> write(const sdiag::Diagnostic&, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    sdiag::AtomicFile f(ctx.output_dir() / ctx.options().str("file"));
    std::FILE* out = std::fopen(f.temp_path().c_str(), "w");
    std::fputs("half", out);
    std::fclose(out);
    throw std::runtime_error("disk on fire");
  }
};
SDIAG_PLUGIN(FailingOutput, .name = "failing-output", .kinds = {sdiag::Kind::output}, .version = "0", .summary = "fails to write",
             .options = {{"file", sdiag::OptionType::path, "broken.txt", "The file it never finishes"}})
