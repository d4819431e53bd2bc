// sdiag track PLAN.xlsx: read back an action plan people have updated,
// merge it into the diagnostic, and write the updated diagnostic.json, a
// refreshed plan and a progress report. It is a pipeline like any other:
// json and xlsx read, the progress-report plugin lays out, the outputs write.
#include <iostream>

#include <spdlog/spdlog.h>

#include "commands.hpp"
#include "messages.hpp"
#include "paths.hpp"
#include "pipeline_run.hpp"
#include "registry.hpp"

namespace sdiag::core {

namespace {

namespace fs = std::filesystem;

bool has_file_option(const LoadedPlugin& lp) {
  const auto& options = lp.handle.info().options;
  return std::any_of(options.begin(), options.end(), [](const auto& o) { return o.name == "file"; });
}

Pipeline track_pipeline(const Registry& reg, const std::string& plan_name) {
  Pipeline p;
  p.name = "track";
  p.template_ref = "d2i-service-diagnostic";
  p.auto_inputs = false;
  p.inputs = {{"json", {}}, {"xlsx", {}}};
  p.layout = Step{"progress-report", {}};
  p.outputs = {{"json", {{"file", "diagnostic.json"}}},
               {"xlsx", {{"file", plan_name}}},
               {"markdown", {{"file", "progress.md"}}}};
  // The formatted reports when those writers are installed.
  for (const char* format : {"docx", "pdf"}) {
    const auto* lp = reg.find(format);
    if (lp && lp->handle.is(Kind::output) && has_file_option(*lp))
      p.outputs.push_back({format, {{"file", std::string("progress.") + format}}});
  }
  return p;
}

}  // namespace

int cmd_track(const GlobalOptions& g, const TrackArgs& a) {
  return exit_code_of([&] {
    const Registry reg = load_registry(g.plugin_dirs);
    const auto* xlsx = reg.find("xlsx");
    if (!xlsx || !xlsx->handle.is(Kind::input) || !xlsx->handle.is(Kind::output))
      throw Failure("the xlsx plugin is not installed, so action plans cannot be read ('sdiag plugins' lists them)", 1);

    // Where things go. The user's file is only replaced when asked.
    const fs::path out_dir = a.in_place ? a.plan.parent_path().empty() ? fs::path(".") : a.plan.parent_path() : a.output_dir;
    const std::string plan_name = a.in_place ? a.plan.filename().string() : "action-plan.xlsx";
    std::error_code ec;
    if (!a.in_place && fs::equivalent(out_dir / plan_name, a.plan, ec))
      throw Failure(a.plan.string() + ": the refreshed plan would replace it; pass --in-place to allow that, or "
                    "choose another folder with -o",
                    2);

    RunRequest req;
    req.output_dir = out_dir;
    // Nothing is written before the whole plan was read: a plan is never replaced by less than it held.
    req.every_input_required = true;
    if (!a.diagnostic.empty()) {
      req.files.push_back(a.diagnostic);
      req.known_files[a.diagnostic] = {"json", "json"};
    } else {
      spdlog::info("no --diagnostic: the plan alone is read; its actions start the record");
    }
    req.files.push_back(a.plan);
    req.known_files[a.plan] = {"xlsx", "action-plan"};

    auto result = run(track_pipeline(reg, plan_name), reg, req, data_dir());
    report_findings(result.raised);
    report_written(result.written);
    return result.failed || result.written.empty() ? 1 : 0;
  });
}

}  // namespace sdiag::core
