// sdiag run: read the inputs, analyse, lay out and write every output.
#include <iostream>

#include <spdlog/spdlog.h>

#include "commands.hpp"
#include "paths.hpp"
#include "pipeline_run.hpp"
#include "registry.hpp"

namespace sdiag::core {

namespace {

// Findings the user must see go to stderr; the full list is in diagnostic.json.
void report_findings(const std::vector<Finding>& findings) {
  constexpr std::size_t shown_max = 20;
  std::size_t shown = 0, warnings = 0, infos = 0;
  for (const auto& f : findings) {
    if (f.severity == Severity::info) { ++infos; continue; }
    if (f.severity == Severity::warning) ++warnings;
    if (shown >= shown_max && f.severity != Severity::error) continue;
    std::string where = f.source;
    if (!f.location.empty()) where += (where.empty() ? "" : ":") + f.location;
    std::cerr << "sdiag: " << (where.empty() ? "" : where + ": ") << (f.severity == Severity::error ? "error: " : "")
              << f.message << (f.plugin.empty() ? "" : " [" + f.plugin + "]") << "\n";
    ++shown;
  }
  if (warnings + infos > shown)
    spdlog::info("{} warnings and {} notes in all; every finding is listed in diagnostic.json", warnings, infos);
}

}  // namespace

int cmd_run(const GlobalOptions& g, const RunArgs& a) {
  try {
    auto data = data_dir();
    Pipeline pipeline = a.pipeline_file.empty() ? load_preset(data, a.preset) : Pipeline::from_file(a.pipeline_file);
    RunRequest req;
    req.files = a.files;
    req.output_dir = a.output_dir;
    req.jobs = a.jobs;
    for (const auto& s : a.settings) add_setting(req, s);
    for (const auto& m : a.meta) add_meta(req, m);

    Registry reg;
    reg.load(Registry::folders(g.plugin_dirs));
    for (const auto& r : reg.refused()) spdlog::warn("refused {}", r.reason);

    auto result = run(pipeline, reg, req, data);
    report_findings(result.diagnostic.findings);
    if (result.written.empty()) {
      std::cerr << "sdiag: nothing was written\n";
      return 1;
    }
    std::cerr << "sdiag: wrote";
    for (const auto& w : result.written) std::cerr << " " << w.string();
    std::cerr << "\n";
    return result.failed ? 1 : 0;
  } catch (const UsageError& e) {
    std::cerr << "sdiag: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace sdiag::core
