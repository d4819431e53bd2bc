// sdiag run: read the inputs, analyse, lay out and write every output.
#include <iostream>

#include "commands.hpp"
#include "messages.hpp"
#include "paths.hpp"
#include "pipeline_run.hpp"
#include "registry.hpp"

namespace sdiag::core {

int cmd_run(const GlobalOptions& g, const RunArgs& a) {
  return exit_code_of([&] {
    auto data = data_dir();
    Pipeline pipeline = a.pipeline_file.empty() ? load_preset(data, a.preset) : Pipeline::from_file(a.pipeline_file);
    RunRequest req;
    req.files = a.files;
    req.output_dir = a.output_dir;
    req.jobs = a.jobs;
    for (const auto& s : a.settings) add_setting(req, s);
    for (const auto& m : a.meta) add_meta(req, m);

    const Registry reg = load_registry(g.plugin_dirs);
    auto result = run(pipeline, reg, req, data);
    report_findings(result.raised_findings());
    report_written(result.written);
    return result.failed || result.written.empty() ? 1 : 0;
  });
}

}  // namespace sdiag::core
