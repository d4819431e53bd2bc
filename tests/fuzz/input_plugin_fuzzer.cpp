// libFuzzer driver for one input plugin: loads the real plugin library once,
// then hands each fuzz input to sniff() and read() exactly as the host does
// (an InputFile of bytes already in memory). InputError and other exceptions
// are the documented way to refuse a file; a crash, hang, leak or sanitizer
// report is a bug.
//
// Built once per target with SDIAG_FUZZ_PLUGIN (the plugin library's path)
// and SDIAG_FUZZ_FILE_NAME (the name the bytes pretend to come from, whose
// extension drives sniffing, e.g. "responses.xlsx").
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include <sdiag/loader.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/testing.hpp>

namespace {

struct Target {
  sdiag::PluginHandle plugin;
  sdiag::Template workshop;
};

// Never destroyed: unloading the plugin at exit would orphan what its
// libraries keep in globals (cmark-gfm's extension registry) and LeakSanitizer
// would report those as leaks.
Target* target = nullptr;
bool verbose = false;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Loading before the first input registers the plugin's coverage counters
  // with libFuzzer; a refused library is fatal, not a finding.
  verbose = std::getenv("SDIAG_FUZZ_VERBOSE") != nullptr;
  target = new Target{sdiag::PluginHandle::load(SDIAG_FUZZ_PLUGIN),
                      sdiag::testing::default_template(SDIAG_FUZZ_DATA_DIR)};
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& t = *target;
  sdiag::InputFile file{SDIAG_FUZZ_FILE_NAME, std::string(reinterpret_cast<const char*>(data), size)};
  sdiag::Diagnostic into;
  into.tmpl = t.workshop;
  into.meta.template_id = into.tmpl.id;
  std::vector<sdiag::Finding> findings;
  sdiag::Context ctx(t.plugin.info().name, sdiag::resolve_options(t.plugin.info(), {}), findings);
  ctx.set_data_dir(SDIAG_FUZZ_DATA_DIR);
  try {
    (void)t.plugin.input()->sniff(file);  // must not throw, by contract
  } catch (...) {
    __builtin_trap();
  }
  try {
    t.plugin.input()->read(file, into, ctx);
  } catch (const std::exception& e) {
    // SDIAG_FUZZ_VERBOSE=1 shows why an input was refused (to check a seed reaches the parser).
    if (verbose) std::fprintf(stderr, "refused: %s\n", e.what());
  }
  return 0;
}
