// sdiag cluster FILE: themes of a file of notes. A plain text file is one
// note per line; any other file is read by the input plugin that recognises
// it. The inputs and the cluster analysis run as the first stages of a
// pipeline, like `run`'s.
#include <iostream>
#include <map>
#include <sstream>

#include <spdlog/spdlog.h>

#include <sdiag/input_file.hpp>
#include <sdiag/text.hpp>

#include "commands.hpp"
#include "messages.hpp"
#include "paths.hpp"
#include "pipeline_run.hpp"
#include "registry.hpp"

namespace sdiag::core {

namespace {

// One note per line, empty lines included, so output line N is input line N.
void read_lines(const std::string& bytes, Diagnostic& d, const std::string& file) {
  auto text = text::to_utf8(bytes);
  std::size_t line = 0, start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.pop_back();
    ++line;
    Note n;
    n.id = "l" + std::to_string(line);
    n.section = unsorted_section;
    n.text = l;
    n.source = {file, "", std::to_string(line)};
    d.notes.push_back(std::move(n));
    start = end + 1;
  }
}

/// A file no input plugin reads is plain text: .txt always, anything else when nothing sniffs it.
bool is_plain_text(const Registry& reg, const std::filesystem::path& file, const std::string& bytes) {
  auto ext = text::lower(file.extension().string());
  return ext == ".txt" || ext == ".text" || reg.sniff(InputFile{file, bytes}).empty();
}

InputFile read_notes(const std::filesystem::path& file) {
  try {
    return read_input_file(file);
  } catch (const InputError& e) {
    throw Failure(text::display_path(file) + ": " + e.what(), 2);
  }
}

std::map<std::string, std::string> cluster_options(const ClusterArgs& a) {
  std::map<std::string, std::string> values;
  if (!a.sections.empty()) values["sections"] = a.sections;
  for (const auto& s : a.settings) {
    auto eq = s.find('=');
    if (eq == std::string::npos) throw UsageError("--set takes option=value, not '" + s + "'");
    auto key = s.substr(0, eq);
    if (key.starts_with("cluster.")) key = key.substr(8);
    values[key] = s.substr(eq + 1);
  }
  return values;
}

void print_themes(const Diagnostic& d) {
  std::map<std::string, const Theme*> theme_of;
  for (const auto& t : d.themes)
    for (const auto& id : t.note_ids) theme_of.emplace(id, &t);
  std::ostringstream out;
  for (const auto& n : d.notes) {
    auto it = theme_of.find(n.id);
    out << (it == theme_of.end() ? "-" : it->second->id) << '\t' << (it == theme_of.end() ? "" : it->second->label) << '\n';
  }
  std::cout << out.str() << std::flush;
  if (quiet()) return;
  std::cerr << "sdiag: " << d.notes.size() << " notes, " << theme_of.size() << " grouped into " << d.themes.size()
            << " themes\n";
  for (const auto& t : d.themes)
    std::cerr << "  " << t.id << "  " << t.note_ids.size() << " notes  " << t.origin << "  " << t.label << "\n";
}

}  // namespace

int cmd_cluster(const GlobalOptions& g, const ClusterArgs& a) {
  return exit_code_of([&] {
    const Registry reg = load_registry(g.plugin_dirs);
    const auto* plugin = reg.find("cluster");
    if (!plugin || !plugin->handle.is(Kind::analysis))
      throw Failure("the cluster plugin is not installed (see 'sdiag plugins')", 1);

    Pipeline p;
    p.name = "cluster";
    p.template_ref = "d2i-service-diagnostic";
    p.analyses = {{"cluster", cluster_options(a)}};
    RunRequest req;
    PipelineRun run(p, reg, req, data_dir());
    run.load_template();

    const InputFile in = read_notes(a.file);
    if (is_plain_text(reg, a.file, in.bytes)) {
      spdlog::info("{}: read as one note per line", text::display_path(a.file));
      read_lines(in.bytes, run.diagnostic(), text::display_path(a.file));
    } else {
      run.read_input(in);
      if (!run.ready_to_write()) {
        report_findings(run.finish().raised_findings());
        return 1;
      }
    }
    run.analyse();
    auto result = run.finish();
    print_themes(result.diagnostic);
    for (const Finding& f : result.raised_findings())
      if (f.severity == Severity::error || (f.severity == Severity::warning && !quiet()) ||
          spdlog::get_level() <= spdlog::level::info)
        std::cerr << "sdiag: " << (f.location.empty() ? "" : f.location + ": ") << f.message << " [" << f.plugin << "]\n";
    return result.failed ? 1 : 0;
  });
}

}  // namespace sdiag::core
