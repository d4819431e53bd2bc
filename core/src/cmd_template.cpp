// sdiag template: a blank capture template built from the workshop template,
// for councils that collect notes outside Miro. The printed boards are a
// Document laid out here (paper_boards) and printed by the pdf plugin; the
// Word form and the notes CSV are outputs of the docx-form and csv plugins.
// All three are written by the pipeline's output stage from a diagnostic that
// holds only the template; the JSON is the template as diagnostic.json holds it.
#include <iostream>
#include <map>
#include <optional>

#include <spdlog/spdlog.h>

#include <sdiag/atomic_file.hpp>
#include <sdiag/json.hpp>
#include <sdiag/text.hpp>

#include "commands.hpp"
#include "messages.hpp"
#include "paper_boards.hpp"
#include "paths.hpp"
#include "pipeline_run.hpp"
#include "registry.hpp"
#include "workshop_template.hpp"

namespace sdiag::core {

namespace {

namespace fs = std::filesystem;

constexpr const char* supported = "pdf, docx, json, csv";

/// Writes `file` with the output plugin `plugin` (pdf, docx-form, csv), given `options`
/// besides the file's name and, for the pdf, the boards to print.
void write_with_plugin(const GlobalOptions& g, const std::string& plugin, const Template& t, const fs::path& file,
                       std::map<std::string, std::string> options = {}, std::optional<doc::Document> boards = {}) {
  const Registry reg = load_registry(g.plugin_dirs);
  const auto* lp = reg.find(plugin);
  if (!lp || !lp->handle.is(Kind::output))
    throw Failure("the " + plugin + " plugin is not installed, so no " + file.extension().string() +
                      " template can be written ('sdiag plugins' lists them)",
                  1);
  Pipeline p;
  p.name = "template";
  options["file"] = file.filename().string();
  p.outputs = {{plugin, std::move(options)}};
  RunRequest req;
  req.output_dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  PipelineRun run(p, reg, req, data_dir());
  run.diagnostic().tmpl = t;
  run.diagnostic().meta.template_id = t.id;
  if (boards) run.use_document(std::move(*boards));
  run.write_outputs();
  auto result = run.finish();
  report_findings(result.raised_findings());
  if (result.failed) throw Failure(text::display_path(file) + " was not written", 1);
}

void write_json(const Template& t, const fs::path& file) {
  try {
    write_file_atomically(file, to_json(t));
  } catch (const std::exception& e) {
    throw Failure(text::display_path(file) + ": " + e.what(), 1);
  }
}

}  // namespace

int cmd_template(const GlobalOptions& g, const TemplateArgs& a) {
  return exit_code_of([&] {
    std::string format = text::lower(a.format.empty() ? a.output.extension().string() : a.format);
    if (!format.empty() && format[0] == '.') format.erase(0, 1);
    if (format.empty())
      throw Failure("say which format with --format (" + std::string(supported) + "), or end FILE with one", 2);
    if (format != "pdf" && format != "docx" && format != "json" && format != "csv")
      throw Failure("cannot write a '" + format + "' template; the formats are " + supported, 2);
    std::error_code ec;
    // A filled-in form could sit at FILE: a blank one never replaces it unasked.
    if (fs::exists(a.output, ec) && !a.force)
      throw Failure(text::display_path(a.output) + " exists; pass --force to replace it with a blank template", 2);

    const Template t = load_workshop_template(a.template_ref, data_dir());
    if (auto dir = a.output.parent_path(); !dir.empty()) {
      fs::create_directories(dir, ec);
      if (ec) throw Failure("cannot create the folder " + text::display_path(dir) + ": " + ec.message(), 1);
    }
    if (format == "json") {
      write_json(t, a.output);
    } else if (format == "pdf") {
      if (t.sections.empty())
        throw Failure("the workshop template '" + a.template_ref + "' has no sections, so there are no boards to print", 1);
      const std::string paper = text::lower(a.paper);
      write_with_plugin(g, "pdf", t, a.output, {{"paper", paper}, {"section_footer", "true"}},
                        paper_boards(t, paper == "a4" ? Paper::a4 : Paper::a3));
    } else {
      write_with_plugin(g, format == "docx" ? "docx-form" : "csv", t, a.output);
    }
    spdlog::info("wrote {}", text::display_path(a.output));
    return 0;
  });
}

}  // namespace sdiag::core
