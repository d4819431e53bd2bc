// sdiag compare DIAG... -o DIR: many councils' diagnostics, each redacted by
// a profile before anything is combined, themes lined up on the taxonomy,
// then compared. Plugins do the work through the SDK, as in any pipeline:
// per diagnostic taxonomy-align then redact; on the combined one compare,
// laid out by compare-report and written by the docx, pdf, markdown, json
// and compare-workbook outputs.
#include <set>

#include <spdlog/spdlog.h>

#include <sdiag/input_file.hpp>
#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "commands.hpp"
#include "compare_combine.hpp"
#include "messages.hpp"
#include "paths.hpp"
#include "pipeline_run.hpp"
#include "registry.hpp"
#include "sha256.hpp"

namespace sdiag::core {

namespace {

namespace fs = std::filesystem;

/// A diagnostic.json, or a folder holding one.
fs::path diagnostic_file(const fs::path& given) {
  if (!fs::is_directory(given)) return given;
  auto inside = given / "diagnostic.json";
  if (!fs::is_regular_file(inside))
    throw Failure(text::display_path(given) + ": a folder without diagnostic.json; give the diagnostic.json files, or the "
                  "folders 'sdiag run' or 'sdiag track' wrote",
                  2);
  return inside;
}

/// The profile's file: a name in <templates>/redaction, or a .json path.
fs::path profile_file(const std::string& profile) {
  if (fs::path(profile).extension() == ".json") {
    if (!fs::is_regular_file(profile)) throw Failure(profile + ": no such redaction profile", 2);
    return fs::absolute(profile);
  }
  const auto dir = data_dir() / "redaction";
  auto file = dir / (profile + ".json");
  if (fs::is_regular_file(file)) return file;
  std::set<std::string> known;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") known.insert(e.path().stem().string());
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  throw Failure("no redaction profile '" + profile + "' (there are: " + list + "; or give a .json file)", 2);
}

Pipeline prepare_pipeline(const fs::path& profile, const std::string& label, const std::string& others) {
  Pipeline p;
  p.name = "compare: each diagnostic";
  p.analyses = {{"taxonomy-align", {}},
                {"redact", {{"profile", profile.string()}, {"council-label", label}, {"other-councils", others}}}};
  return p;
}

Pipeline compare_pipeline(const Registry& reg) {
  Pipeline p;
  p.name = "compare";
  p.analyses = {{"compare", {}}};
  p.layout = Step{"compare-report", {}};
  p.outputs = {{"json", {{"file", "comparison.json"}}},
               {"markdown", {{"file", "comparison.md"}}},
               {"compare-workbook", {{"file", "comparison.xlsx"}}}};
  for (const char* format : {"docx", "pdf"})
    if (const auto* lp = reg.find(format); lp && lp->handle.is(Kind::output))
      p.outputs.push_back({format, {{"file", std::string("comparison.") + format}}});
  return p;
}

std::string first_error(const std::vector<std::reference_wrapper<const Finding>>& findings) {
  for (const Finding& f : findings)
    if (f.severity == Severity::error) return (f.plugin.empty() ? "" : f.plugin + ": ") + f.message;
  return "unknown error";
}

struct Input {
  fs::path file;
  std::string sha256;
  Diagnostic diagnostic;
};

/// One diagnostic.json, read in full. @throws Failure naming the file.
Input read_diagnostic(const fs::path& file) {
  InputFile in;
  try {
    in = read_input_file(file);
  } catch (const InputError& e) {
    throw Failure(text::display_path(file) + ": " + e.what(), 1);
  }
  std::vector<Finding> warnings;
  Input read{file, sha256_hex(in.bytes), {}};
  try {
    read.diagnostic = diagnostic_from_json(in.bytes, warnings);
  } catch (const std::exception& e) {
    // The parser quotes the bytes it stopped at, which may not be UTF-8.
    throw Failure(text::display_path(file) + ": not a diagnostic.json sdiag can read: " + text::to_utf8(e.what()), 1);
  }
  return read;
}

/// One input's themes lined up and redacted; `others` are the councils compared
/// ("NAME=LABEL;..."), so a note naming one of them hides it too. Nothing
/// unredacted leaves this function.
CouncilDiagnostic prepare(Input in, const std::string& label, const std::string& others, const fs::path& profile,
                          const Registry& reg) {
  const Pipeline p = prepare_pipeline(profile, label, others);
  RunRequest req;
  PipelineRun run(p, reg, req, data_dir());
  run.diagnostic() = std::move(in.diagnostic);
  run.analyse();
  auto result = run.finish();
  if (result.failed)
    throw Failure(text::display_path(in.file) + ": could not be redacted, so nothing was compared or written: " +
                  first_error(result.raised_findings()), 1);
  CouncilDiagnostic c;
  c.diagnostic = std::move(result.diagnostic);
  // The redact plugin leaves the name when the profile keeps it, and the label when it does not.
  const auto& organisation = c.diagnostic.meta.organisation;
  c.council = organisation.empty() ? label : organisation;
  c.path = organisation == label ? std::string() : text::display_path(in.file);
  c.sha256 = in.sha256;
  return c;
}

}  // namespace

int cmd_compare(const GlobalOptions& g, const CompareArgs& a) {
  return exit_code_of([&] {
    std::vector<fs::path> files;
    for (const auto& given : a.inputs) files.push_back(diagnostic_file(given));
    std::set<fs::path> seen;
    for (const auto& f : files)
      if (!seen.insert(fs::weakly_canonical(f)).second)
        throw Failure(text::display_path(f) + " is given twice; each council's diagnostic counts once", 2);
    if (files.size() < 2) throw Failure("comparing needs two diagnostics or more", 2);
    const auto profile = profile_file(a.profile);
    const Registry reg = load_registry(g.plugin_dirs);

    // Every input is read before any is redacted, so each can hide the others' names;
    // none is combined before all are redacted.
    std::vector<Input> inputs;
    std::set<std::string> inputs_seen;
    std::string others;
    for (std::size_t i = 0; i < files.size(); ++i) {
      inputs.push_back(read_diagnostic(files[i]));
      if (!inputs_seen.insert(inputs.back().sha256).second)
        throw Failure(text::display_path(files[i]) + " is the same file as an earlier input; each council's diagnostic counts once", 2);
      const auto& name = inputs.back().diagnostic.meta.organisation;
      if (name.find_first_of(";=") == std::string::npos && !name.empty())
        others += (others.empty() ? "" : ";") + name + "=" + council_letter(i);
    }
    std::vector<CouncilDiagnostic> parts;
    for (std::size_t i = 0; i < inputs.size(); ++i)
      parts.push_back(prepare(std::move(inputs[i]), council_letter(i), others, profile, reg));
    spdlog::info("{} diagnostics redacted by {}", parts.size(), profile.stem().string());

    const Pipeline p = compare_pipeline(reg);
    RunRequest req;
    req.output_dir = a.output_dir;
    PipelineRun run(p, reg, req, data_dir());
    run.diagnostic() = combine(std::move(parts));
    run.analyse();
    // Without the comparison there is nothing to lay out or write: say why, and write nothing.
    if (!run.failed()) {
      run.lay_out();
      run.write_outputs();
    }
    auto result = run.finish();
    report_findings(result.raised_findings());
    report_written(result.written);
    return result.failed || result.written.empty() ? 1 : 0;
  });
}

}  // namespace sdiag::core
