#include "pipeline_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include <spdlog/spdlog.h>

#include <sdiag/extra_json.hpp>
#include <sdiag/input_file.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "diagnostic_backup.hpp"
#include "memory.hpp"
#include "output_folder.hpp"
#include "run_id.hpp"
#include "sha256.hpp"
#include "workshop_template.hpp"

namespace sdiag::core {

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

/// Calls `work`; whatever it throws becomes the message of a failure ("analysis failed: ...").
template <typename Work>
std::string failure_of(const char* what, Work&& work) {
  try {
    work();
    return {};
  } catch (const std::exception& e) {
    return std::string(what) + " failed: " + e.what();
  } catch (...) {
    return std::string(what) + " failed with an unknown exception";
  }
}

}  // namespace

PipelineRun::PipelineRun(const Pipeline& p, const Registry& reg, const RunRequest& r, std::filesystem::path data_dir)
    : pipeline_(p), registry_(reg), request_(r), data_dir_(std::move(data_dir)) {
  validate(p, reg, r);
}

Context PipelineRun::context(const Step& step, std::vector<Finding>& sink) const {
  Context ctx(step.plugin, resolve_options(registry_.find(step.plugin)->handle.info(), merged_options(step, request_)), sink);
  ctx.set_data_dir(data_dir_);
  ctx.set_output_dir(request_.output_dir);
  // Progress is shown only for a step that takes more than a moment, at most once a second.
  auto started = std::chrono::steady_clock::now();
  auto last_shown = std::make_shared<std::chrono::steady_clock::time_point>(started);
  ctx.set_progress_sink([plugin = step.plugin, started, last_shown](const std::string& what, double fraction) {
    auto now = std::chrono::steady_clock::now();
    if (now - started < std::chrono::seconds(1) || now - *last_shown < std::chrono::seconds(1)) return;
    *last_shown = now;
    spdlog::warn("{}: {} {:.0f}%", plugin, what, 100 * std::clamp(fraction, 0.0, 1.0));
  });
  return ctx;
}

void PipelineRun::fail(const std::string& plugin, const std::string& source, const std::string& location,
                       const std::string& message) {
  findings_.push_back(Finding{Severity::error, plugin, source, location, message});
  result_.failed = true;
}

std::size_t PipelineRun::jobs() const {
  return request_.jobs ? request_.jobs : std::max(1u, std::thread::hardware_concurrency());
}

void PipelineRun::load_template() {
  auto& d = result_.diagnostic;
  d.tmpl = load_workshop_template(pipeline_.template_ref, data_dir_);
  d.meta.template_id = d.tmpl.id;
}

// The later stages' plugins warm up on another thread while the inputs are
// read; with one job (-j 1), everything stays on this thread. A plugin that
// may be called to read an input is not warmed up: it could be in use on
// this thread meanwhile.
void PipelineRun::start_warm_ups() {
  auto may_read = [&](const std::string& plugin) {
    if (pipeline_.auto_inputs) return registry_.find(plugin)->handle.is(Kind::input);
    return std::any_of(pipeline_.inputs.begin(), pipeline_.inputs.end(), [&](const Step& s) { return s.plugin == plugin; });
  };
  std::vector<std::pair<std::string, WarmUp*>> to_warm;
  for (const auto* s : all_steps(pipeline_)) {
    auto* w = registry_.find(s->plugin)->handle.warm_up();
    bool queued = std::any_of(to_warm.begin(), to_warm.end(), [&](const auto& q) { return q.first == s->plugin; });
    if (jobs() > 1 && w && !queued && !may_read(s->plugin)) to_warm.emplace_back(s->plugin, w);
  }
  warm_ups_ = std::make_unique<WarmUps>(std::move(to_warm));
}

void PipelineRun::read_inputs() {
  for (const auto& file : request_.files) {
    InputFile in;
    try {
      in = read_input_file(file, request_.max_input_bytes);
    } catch (const InputError& e) {
      fail("", text::display_path(file), "", e.what());
      every_input_read_ = false;
      continue;
    }
    read_input(in);
  }
}

/// The pipeline's input step for a file: the plugin most sure it can read
/// it ("auto"), or the first of the pipeline's inputs that recognises it.
std::optional<Step> PipelineRun::input_step_for(const InputFile& in, const std::string& file) {
  if (auto known = request_.known_files.find(in.path); known != request_.known_files.end()) {
    for (const auto& s : pipeline_.inputs)
      if (s.plugin == known->second.plugin) return s;
    return Step{known->second.plugin, {}};
  }
  if (pipeline_.auto_inputs) {
    auto ranked = registry_.sniff(in);
    if (!ranked.empty()) return Step{ranked.front().second->handle.info().name, {}};
    std::string inputs;
    for (const auto& lp : registry_.plugins())
      if (lp.handle.is(Kind::input)) inputs += (inputs.empty() ? "" : ", ") + lp.handle.info().name;
    fail("", file, "", "no input plugin recognises this file (tried: " + inputs + ")");
    return std::nullopt;
  }
  for (const auto& s : pipeline_.inputs) {
    int score = 0;
    try { score = registry_.find(s.plugin)->handle.input()->sniff(in); } catch (...) {}
    if (score > 0) return s;
  }
  fail("", file, "", "none of this pipeline's inputs recognises this file");
  return std::nullopt;
}

void PipelineRun::read_input(const InputFile& in) {
  auto t0 = std::chrono::steady_clock::now();
  const auto& file = in.path;
  auto& d = result_.diagnostic;
  const auto shown = text::display_path(file);
  auto step = input_step_for(in, shown);
  if (!step) {
    every_input_read_ = false;
    return;
  }
  auto ctx = context(*step, findings_);
  std::size_t notes_before = d.notes.size();
  const DiagnosticBackup backup(d);  // a failed read leaves the diagnostic as it was
  try {
    registry_.find(step->plugin)->handle.input()->read(in, d, ctx);
    for (std::size_t i = notes_before; i < d.notes.size(); ++i) limits::check_note_length(d.notes[i].id, d.notes[i].text);
    release_freed_memory();
    auto known = request_.known_files.find(file);
    d.meta.sources.push_back(Source{shown, known == request_.known_files.end() ? step->plugin : known->second.kind,
                                    sha256_hex(in.bytes), step->plugin});
    spdlog::info("read {} with {}: {} notes ({:.0f} ms)", shown, step->plugin, d.notes.size() - notes_before,
                 ms_since(t0));
    return;
  } catch (const InputError& e) {
    fail(step->plugin, shown, e.location(), e.what());
  } catch (const std::exception& e) {
    fail(step->plugin, shown, "", std::string("failed: ") + e.what());
  } catch (...) {
    fail(step->plugin, shown, "", "failed with an unknown exception");
  }
  backup.restore(d);
  release_freed_memory();
  every_input_read_ = false;
}

void PipelineRun::reconcile() {
  auto& d = result_.diagnostic;
  // Note ids must be unique across inputs: later duplicates get a suffix.
  std::set<std::string> seen;
  for (auto& n : d.notes) {
    if (n.id.empty()) n.id = "n" + std::to_string(seen.size() + 1);
    if (seen.insert(n.id).second) continue;
    std::string base = n.id;
    for (int k = 2; !seen.insert(n.id = base + "-" + std::to_string(k)).second; ++k) {}
    findings_.push_back({Severity::info, "", n.source.file, base, "note id '" + base + "' was used twice; renamed to '" + n.id + "'"});
  }
  // What the user said on the command line wins over what the files say.
  for (const auto& [key, value] : request_.meta) {
    std::string& field = key == "title" ? d.meta.title
                         : key == "organisation" ? d.meta.organisation
                         : key == "service" ? d.meta.service
                         : key == "date" ? d.meta.date
                                         : d.meta.facilitator;
    if (key == "date") {
      if (!d.meta.date.empty() && d.meta.date != value)
        findings_.push_back({Severity::info, "", "", "meta.date", "the workshop date " + value +
                             " given on the command line replaces " + d.meta.date + ", read from the inputs"});
      d.meta.extra["date_source"] = extra_json("command line");
    }
    field = value;
  }
}

bool PipelineRun::ready_to_write() const {
  // Nothing read: writing an empty report would hide the problem.
  return !result_.diagnostic.meta.sources.empty() && (every_input_read_ || !request_.every_input_required);
}

void PipelineRun::analyse() {
  for (const auto& step : pipeline_.analyses) {
    if (warm_ups_) warm_ups_->wait(step.plugin);
    auto t0 = std::chrono::steady_clock::now();
    auto ctx = context(step, findings_);
    auto& d = result_.diagnostic;
    const DiagnosticBackup backup(d);  // a failed analysis leaves the diagnostic as it was
    auto failure = failure_of("analysis", [&] { registry_.find(step.plugin)->handle.analysis()->analyse(d, ctx); });
    if (!failure.empty()) {
      backup.restore(d);
      release_freed_memory();
      fail(step.plugin, "", "", failure);
      continue;
    }
    release_freed_memory();
    spdlog::info("{}: done ({:.0f} ms)", step.plugin, ms_since(t0));
  }
}

void PipelineRun::lay_out() {
  if (!pipeline_.layout) return;
  const auto& step = *pipeline_.layout;
  if (warm_ups_) warm_ups_->wait(step.plugin);
  auto t0 = std::chrono::steady_clock::now();
  settle_findings();
  auto ctx = context(step, findings_);
  auto failure = failure_of("layout", [&] {
    document_ = registry_.find(step.plugin)->handle.layout()->layout(result_.diagnostic, ctx);
  });
  release_freed_memory();
  if (!failure.empty()) return fail(step.plugin, "", "", failure);
  spdlog::info("{}: {} blocks ({:.0f} ms)", step.plugin, document_->blocks.size(), ms_since(t0));
}

void PipelineRun::write_one(const Step& step, std::vector<Finding>& findings, std::vector<std::filesystem::path>& written,
                            std::string& failure) const {
  if (warm_ups_) warm_ups_->wait(step.plugin);
  auto t0 = std::chrono::steady_clock::now();
  failure = failure_of("output", [&] {
    auto ctx = context(step, findings);
    written = registry_.find(step.plugin)->handle.output()->write(result_.diagnostic, document_ ? &*document_ : nullptr, ctx);
  });
  release_freed_memory();
  for (const auto& w : written) spdlog::info("wrote {} ({:.0f} ms)", text::display_path(w), ms_since(t0));
}

// The record (diagnostic.json, whose findings list every problem of the run)
// is written after the other outputs, so that their failures are among its
// findings; its own failure is said on stderr.
void PipelineRun::write_outputs() {
  std::error_code ec;
  std::filesystem::create_directories(request_.output_dir, ec);
  if (ec) throw UsageError("cannot create the output folder " + text::display_path(request_.output_dir) + ": " + ec.message());
  // One run's set at a time in a folder: a second run waits here.
  const OutputFolderLock lock(request_.output_dir);
  for (const auto& name : remove_stale_temp_files(request_.output_dir))
    spdlog::info("removed {}, left in {} by an sdiag run that was stopped", text::display_path(name), text::display_path(request_.output_dir));
  result_.diagnostic.meta.extra[run_id_key] =
      extra_json(run_id(pipeline_, request_, result_.diagnostic, reproducible_now()));
  std::vector<Step> others, records;
  for (const auto& step : pipeline_.outputs) (step.plugin == record_plugin ? records : others).push_back(step);
  write_side_by_side(others);
  document_.reset();  // the record is written from the diagnostic alone
  release_freed_memory();
  write_side_by_side(records);
}

// Outputs only read the diagnostic and the document, so they are written side
// by side: the PDF takes as long as all the others together. Each has its own
// findings, merged in pipeline order so the result is the same whichever
// finishes first.
void PipelineRun::write_side_by_side(const std::vector<Step>& steps) {
  settle_findings();
  struct OutputRun {
    std::vector<Finding> findings;
    std::vector<std::filesystem::path> written;
    std::string failure;
  };
  std::vector<OutputRun> runs(steps.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < runs.size();) write_one(steps[i], runs[i].findings, runs[i].written, runs[i].failure);
  };
  {
    std::vector<std::jthread> helpers;
    for (std::size_t j = 1; j < std::clamp<std::size_t>(jobs(), 1, std::max<std::size_t>(runs.size(), 1)); ++j)
      helpers.emplace_back(worker);
    worker();
  }  // joined here
  for (std::size_t i = 0; i < runs.size(); ++i) {
    findings_.insert(findings_.end(), runs[i].findings.begin(), runs[i].findings.end());
    result_.written.insert(result_.written.end(), runs[i].written.begin(), runs[i].written.end());
    if (!runs[i].failure.empty()) {
      fail(steps[i].plugin, "", "", runs[i].failure);
      set_aside_earlier_output(steps[i]);
    }
  }
}

// The earlier file of an output that failed is from another run: it leaves
// the set (kept aside, never deleted) so the folder holds one run's outputs.
// A file this run read (a plan tracked in place) stays where it is.
void PipelineRun::set_aside_earlier_output(const Step& step) {
  const auto options = resolve_options(registry_.find(step.plugin)->handle.info(), merged_options(step, request_)).values();
  const auto file = options.find("file");  // the outputs that write one file name it so
  if (file == options.end() || file->second.empty()) return;
  const auto path = request_.output_dir / file->second;
  std::error_code ec;
  for (const auto& input : request_.files)
    if (std::filesystem::equivalent(input, path, ec)) return;
  const auto shown_name = text::display_path(file->second);
  try {
    if (auto moved = set_aside(request_.output_dir, file->second); !moved.empty())
      findings_.push_back({Severity::warning, step.plugin, text::display_path(path), "",
                           "was not written; the earlier " + shown_name + ", from another run, is moved to " +
                               text::display_path(moved) + " so that the folder holds only this run's outputs"});
  } catch (const std::exception& e) {
    // A filesystem_error's what() quotes both paths in raw bytes: its reason alone is said.
    const auto* fs_error = dynamic_cast<const std::filesystem::filesystem_error*>(&e);
    const std::string reason = fs_error ? fs_error->code().message() : e.what();
    findings_.push_back({Severity::warning, step.plugin, text::display_path(path), "",
                         "was not written, and the earlier " + shown_name + ", from another run, could not be moved to " +
                             earlier_folder + " (" + reason + "): move or remove it, as it does not belong with this "
                             "run's outputs"});
  }
}

void PipelineRun::settle_findings() {
  // A finding must be valid UTF-8 to be recorded: a library's message may
  // quote a path in raw bytes, and one bad byte must not cost diagnostic.json.
  for (auto& f : findings_)
    for (auto* field : {&f.source, &f.location, &f.message})
      if (!text::is_valid_utf8(*field)) *field = text::to_utf8(*field);
  auto& d = result_.diagnostic;
  // Reserved, and the list emptied with its storage: a large board raises
  // hundreds of thousands of findings, and each spare copy of the list is tens of MiB.
  d.findings.reserve(d.findings.size() + findings_.size());
  result_.raised.reserve(result_.raised.size() + findings_.size());
  for (auto& f : findings_) {
    result_.raised.push_back(d.findings.size());
    d.findings.push_back(std::move(f));
  }
  findings_ = {};
}

RunResult PipelineRun::finish() {
  warm_ups_.reset();  // skips what has not started
  settle_findings();
  return std::move(result_);
}

RunResult run(const Pipeline& p, const Registry& reg, const RunRequest& r, const std::filesystem::path& data_dir) {
  PipelineRun run(p, reg, r, data_dir);
  if (r.files.empty()) throw UsageError("no input files; give the board export, notes or diagnostic.json to read");
  run.load_template();
  run.start_warm_ups();
  run.read_inputs();
  run.reconcile();
  if (!run.ready_to_write()) {
    auto result = run.finish();
    result.failed = true;
    return result;
  }
  run.analyse();
  run.lay_out();
  run.write_outputs();
  return run.finish();
}

}  // namespace sdiag::core
