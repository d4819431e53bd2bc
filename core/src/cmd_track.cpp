// sdiag track PLAN.xlsx: read back an action plan people have updated,
// merge it into the diagnostic, and write the updated diagnostic.json, a
// refreshed plan and a progress report. It is a pipeline like any other:
// json and xlsx read, the progress-report plugin lays out, the outputs write.
#include <iostream>

#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <sdiag/text.hpp>

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

/// The plan --in-place replaces: the file itself, through any symbolic link
/// (the real plan is updated, the link stays), refused when it is read-only.
/// @throws Failure (exit 2, as for the other refusals) before anything is read.
fs::path plan_to_replace(const fs::path& given) {
  std::error_code ec;
  const fs::path real = fs::canonical(given, ec);
  if (ec) return given;  // missing or unreadable: reading it says so
  struct stat st {};
  // Root may write any file: a plan with no write permission for anyone is read-only by intent.
  if (::stat(real.c_str(), &st) == 0 && ((st.st_mode & 0222) == 0 || ::access(real.c_str(), W_OK) != 0))
    throw Failure(text::display_path(given) + ": the plan is read-only, so --in-place will not replace it; make it writable "
                  "(chmod u+w) or write the refreshed plan to another folder with -o DIR instead of --in-place",
                  2);
  const fs::path dir = real.parent_path();
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw Failure(text::display_path(given) + ": its folder " + text::display_path(dir) + " cannot be written to, so --in-place cannot "
                  "replace the plan; write the refreshed plan to another folder with -o DIR instead",
                  2);
  return real;
}

}  // namespace

int cmd_track(const GlobalOptions& g, const TrackArgs& a) {
  return exit_code_of([&] {
    const Registry reg = load_registry(g.plugin_dirs);
    const auto* xlsx = reg.find("xlsx");
    if (!xlsx || !xlsx->handle.is(Kind::input) || !xlsx->handle.is(Kind::output))
      throw Failure("the xlsx plugin is not installed, so action plans cannot be read ('sdiag plugins' lists them)", 1);

    // Where things go. The user's file is only replaced when asked.
    const fs::path plan = a.in_place ? plan_to_replace(a.plan) : a.plan;
    const fs::path out_dir = a.in_place ? plan.parent_path().empty() ? fs::path(".") : plan.parent_path() : a.output_dir;
    const std::string plan_name = a.in_place ? plan.filename().string() : "action-plan.xlsx";
    std::error_code ec;
    if (!a.in_place && fs::equivalent(out_dir / plan_name, a.plan, ec))
      throw Failure(text::display_path(a.plan) + ": the refreshed plan would replace it; pass --in-place to allow that, or "
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
    report_findings(result.raised_findings());
    report_written(result.written);
    return result.failed || result.written.empty() ? 1 : 0;
  });
}

}  // namespace sdiag::core
