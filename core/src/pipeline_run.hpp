// Running a pipeline: inputs -> analyses -> layout -> outputs. `run` does
// the whole flow; the commands that need only part of it (`cluster` reads and
// analyses, `template` writes) call the same stages, so there is one way to
// make a plugin's Context, call it and turn what it throws into a finding.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <sdiag/model/document.hpp>

#include "pipeline.hpp"
#include "registry.hpp"
#include "warm_ups.hpp"

namespace sdiag::core {

/// The output plugin that writes the record, diagnostic.json.
inline constexpr const char* record_plugin = "json";

class PipelineRun {
 public:
  /// Checks the pipeline against the registry. @throws UsageError.
  PipelineRun(const Pipeline& p, const Registry& reg, const RunRequest& r, std::filesystem::path data_dir);

  /// The workshop template the inputs map onto. @throws UsageError.
  void load_template();
  /// Starts the later stages' warm-ups on another thread (not with -j 1).
  void start_warm_ups();
  /// Reads every file of the request; a file that cannot be read is a finding.
  void read_inputs();
  /// Reads one file already in memory with the plugin that recognises it.
  void read_input(const InputFile& in);
  /// Note ids unique across inputs; --meta over what the files say.
  void reconcile();
  void analyse();
  void lay_out();
  /// A Document laid out by the host (the printed boards), in place of a layout plugin's.
  void use_document(doc::Document d) { document_ = std::move(d); }
  /// Writes every output, side by side; one failing does not stop the others.
  /// @throws UsageError when the output folder cannot be made.
  void write_outputs();

  /// Whether the outputs may be written: something was read (and, when the
  /// request says so, everything was).
  bool ready_to_write() const;
  /// Whether a step has failed so far.
  bool failed() const { return result_.failed; }
  Diagnostic& diagnostic() { return result_.diagnostic; }
  /// The findings so far move into the diagnostic; the result is handed over.
  RunResult finish();

 private:
  Context context(const Step& step, std::vector<Finding>& sink) const;
  void fail(const std::string& plugin, const std::string& source, const std::string& location, const std::string& message);
  std::optional<Step> input_step_for(const InputFile& in, const std::string& file);
  void write_side_by_side(const std::vector<Step>& steps);
  void write_one(const Step& step, std::vector<Finding>& findings, std::vector<std::filesystem::path>& written,
                 std::string& failure) const;
  void set_aside_earlier_output(const Step& step);
  std::size_t jobs() const;
  /// Moves the findings raised so far into the diagnostic (and the result's list).
  void settle_findings();

  const Pipeline& pipeline_;
  const Registry& registry_;
  const RunRequest& request_;
  std::filesystem::path data_dir_;
  RunResult result_;
  std::vector<Finding> findings_;  ///< moved into the diagnostic before the layout and the outputs see it
  bool every_input_read_ = true;
  std::optional<doc::Document> document_;
  std::unique_ptr<WarmUps> warm_ups_;
};

/// The whole flow. Plugin failures become findings (and `failed`);
/// @throws UsageError for problems found before any work is done.
RunResult run(const Pipeline& p, const Registry& reg, const RunRequest& r, const std::filesystem::path& data_dir);

}  // namespace sdiag::core
