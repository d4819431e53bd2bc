// Pipelines: which inputs, analyses, layout and outputs to run, with their
// options. Presets are JSON files (comments allowed) in templates/pipelines/.
#pragma once

#include <filesystem>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <sdiag/limits.hpp>
#include <sdiag/model/diagnostic.hpp>

#include "registry.hpp"

namespace sdiag::core {

/// A pipeline or command line that cannot work as written (exit code 2).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Step {
  std::string plugin;
  std::map<std::string, std::string> options;
};

struct Pipeline {
  std::string name;
  std::string summary;
  std::string template_ref;   ///< template id (templates/workshop/<id>.json) or a path
  bool auto_inputs = true;    ///< sniff each file
  std::vector<Step> inputs;   ///< used when !auto_inputs: tried in order
  std::vector<Step> analyses;
  std::optional<Step> layout;
  std::vector<Step> outputs;

  /// @throws UsageError with the file and what is wrong.
  static Pipeline from_json(const std::string& text, const std::string& origin);
  static Pipeline from_file(const std::filesystem::path& path);
};

/// Presets in <data>/pipelines, by name.
std::vector<std::pair<std::string, Pipeline>> list_presets(const std::filesystem::path& data_dir);
/// @throws UsageError naming the presets there are.
Pipeline load_preset(const std::filesystem::path& data_dir, const std::string& name);

struct RunRequest {
  std::vector<std::filesystem::path> files;
  std::filesystem::path output_dir;
  /// --set values: plugin -> option -> value
  std::map<std::string, std::map<std::string, std::string>> settings;
  /// --meta values (title, organisation, service, date, facilitator): win over the inputs'
  std::map<std::string, std::string> meta;
  std::uintmax_t max_input_bytes = limits::max_input_bytes;
  /// Outputs written side by side; 0 = one per processor core.
  unsigned jobs = 0;
  /// Nothing is written unless every file was read (`sdiag track`: a plan is
  /// never replaced before its updates were read back).
  bool every_input_required = false;
  /// Files the command knows, read by the plugin named rather than sniffed
  /// (`sdiag track` reads its plan with xlsx even when it looks like nothing).
  struct KnownFile {
    std::string plugin;
    std::string kind;  ///< what the record's sources call it ("action-plan")
  };
  std::map<std::filesystem::path, KnownFile> known_files;
};

struct RunResult {
  Diagnostic diagnostic;
  /// Where the findings this run raised are in diagnostic.findings (which also
  /// holds those an earlier record carried in): places rather than copies, as
  /// a large board raises hundreds of thousands.
  std::vector<std::size_t> raised;
  /// The findings this run raised, in order.
  std::vector<std::reference_wrapper<const Finding>> raised_findings() const;
  std::vector<std::filesystem::path> written;
  bool failed = false;  ///< something asked for was not done
};

/// Parses "plugin.option=value". @throws UsageError.
void add_setting(RunRequest& r, const std::string& assignment);
/// Parses "key=value" for the workshop's details. @throws UsageError.
void add_meta(RunRequest& r, const std::string& assignment);

/// Checks the pipeline against the registry (plugins exist, have the right
/// kind, options are declared) before anything runs. @throws UsageError.
void validate(const Pipeline& p, const Registry& reg, const RunRequest& r);

/// Every step of the pipeline, in order: inputs, analyses, layout, outputs.
std::vector<const Step*> all_steps(const Pipeline& p);
/// A step's options from the pipeline, with the request's --set values over them.
std::map<std::string, std::string> merged_options(const Step& s, const RunRequest& r);

}  // namespace sdiag::core
