// sdiag serve: the facilitator's review page. The host loads the plugins and
// hands the web module (lib/sdiag/sdiag-serve.so, Poco Net) two functions:
// analyse the uploads, and write the report from a diagnostic.json. Both run
// the full-report preset through PipelineRun, as `sdiag run` does, one at a
// time (plugins are not asked to run twice at once).
#include <iostream>
#include <mutex>

#include <sdiag/input_file.hpp>
#include <sdiag/json.hpp>
#include <sdiag/text.hpp>

#include "command_module.hpp"
#include "commands.hpp"
#include "messages.hpp"
#include "paths.hpp"
#include "pipeline_run.hpp"
#include "registry.hpp"
#include "serve_args.hpp"

namespace sdiag::core {

namespace {

constexpr const char* preset_name = "full-report";

Analysed analyse_uploads(const Registry& reg, const std::vector<UploadedFile>& files) {
  const auto data = data_dir();
  const Pipeline pipeline = load_preset(data, preset_name);
  const RunRequest request;
  PipelineRun run(pipeline, reg, request, data);
  run.load_template();
  Analysed out;
  for (const auto& f : files) {
    InputFile in;
    try {
      in = read_input_file(f.stored);
    } catch (const InputError& e) {
      out.findings.push_back({Severity::error, "", f.name, "", e.what()});
      continue;
    }
    in.path = f.name;  // what the sources and messages show
    run.read_input(in);
  }
  run.reconcile();
  const bool readable = run.ready_to_write();
  if (readable) run.analyse();
  auto result = run.finish();
  for (const Finding& f : result.raised_findings()) out.findings.push_back(f);
  if (readable) out.diagnostic_json = to_json(result.diagnostic);
  return out;
}

Rendered render_report(const Registry& reg, const std::filesystem::path& diagnostic, const std::filesystem::path& folder) {
  const auto data = data_dir();
  const Pipeline pipeline = load_preset(data, preset_name);
  RunRequest request;
  request.files = {diagnostic};
  request.output_dir = folder;
  auto result = run(pipeline, reg, request, data);
  const auto raised = result.raised_findings();
  return Rendered{std::move(result.written), std::vector<Finding>(raised.begin(), raised.end()), result.failed};
}

}  // namespace

int cmd_serve(const GlobalOptions& g, ServeArgs a) {
  return exit_code_of([&] {
    a.web_dir = (executable_dir() / ".." / "share" / "sdiag" / "web").lexically_normal();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(a.web_dir / "index.html", ec))
      throw Failure("the review page is missing from " + text::display_path(a.web_dir) + "; reinstall sdiag", 1);
    const Registry reg = load_registry(g.plugin_dirs);
    load_preset(data_dir(), preset_name);  // a missing preset is said now, not at the first upload

    auto pipeline_lock = std::make_shared<std::mutex>();
    a.analyse = [&reg, pipeline_lock](const std::vector<UploadedFile>& files) {
      std::lock_guard lock(*pipeline_lock);
      return analyse_uploads(reg, files);
    };
    a.render = [&reg, pipeline_lock](const std::filesystem::path& diagnostic, const std::filesystem::path& folder) {
      std::lock_guard lock(*pipeline_lock);
      return render_report(reg, diagnostic, folder);
    };

    auto library = load_command_module("sdiag-serve.so", "sdiag_serve", "serve");
    return library.get<int(const ServeArgs*)>("sdiag_serve")(&a);
  });
}

}  // namespace sdiag::core
