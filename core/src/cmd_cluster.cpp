// sdiag cluster FILE: themes of a file of notes. A plain text file is one
// note per line; any other file is read by the input plugin that recognises
// it. The cluster plugin is loaded through the same registry as `run`.
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <spdlog/spdlog.h>

#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "commands.hpp"
#include "paths.hpp"
#include "pipeline.hpp"
#include "registry.hpp"

namespace sdiag::core {

namespace {

constexpr std::uintmax_t max_bytes = 256u << 20;

std::string read_all(const std::filesystem::path& p) {
  std::error_code ec;
  auto size = std::filesystem::file_size(p, ec);
  if (ec) throw UsageError(p.string() + ": cannot read: " + ec.message());
  if (size > max_bytes) throw UsageError(p.string() + ": larger than 256 MiB");
  std::ifstream in(p, std::ios::binary);
  if (!in) throw UsageError(p.string() + ": cannot open for reading");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

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

void read_with_plugin(const Registry& reg, const std::filesystem::path& file, std::string bytes, Diagnostic& d,
                      std::vector<Finding>& findings) {
  InputFile in{file, std::move(bytes)};
  auto ranked = reg.sniff(in);
  if (ranked.empty()) {
    spdlog::info("{}: no input plugin recognises it; reading one note per line", file.string());
    read_lines(in.bytes, d, file.string());
    return;
  }
  const auto& lp = *ranked.front().second;
  Context ctx(lp.handle.info().name, resolve_options(lp.handle.info(), {}), findings);
  ctx.set_data_dir(data_dir());
  auto tpath = data_dir() / "workshop" / "d2i-service-diagnostic.json";
  try {
    d.tmpl = template_from_json(read_all(tpath));
  } catch (const InputError& e) {
    throw UsageError(tpath.string() + ": " + e.what());
  }
  try {
    lp.handle.input()->read(in, d, ctx);
  } catch (const InputError& e) {
    throw UsageError(file.string() + (e.location().empty() ? "" : ":" + e.location()) + ": " + e.what());
  } catch (const std::exception& e) {
    throw UsageError(file.string() + ": " + lp.handle.info().name + " failed: " + e.what());
  }
}

}  // namespace

int cmd_cluster(const GlobalOptions& g, const ClusterArgs& a) {
  try {
    Registry reg;
    reg.load(Registry::folders(g.plugin_dirs));
    const auto* plugin = reg.find("cluster");
    if (!plugin || !plugin->handle.is(Kind::analysis)) {
      std::cerr << "sdiag: the cluster plugin is not installed (see 'sdiag plugins')\n";
      return 1;
    }
    Diagnostic d;
    std::vector<Finding> findings;
    auto bytes = read_all(a.file);
    auto ext = text::lower(a.file.extension().string());
    if (ext == ".txt" || ext == ".text") read_lines(bytes, d, a.file.string());
    else read_with_plugin(reg, a.file, std::move(bytes), d, findings);

    std::map<std::string, std::string> values;
    if (!a.sections.empty()) values["sections"] = a.sections;
    for (const auto& s : a.settings) {
      auto eq = s.find('=');
      if (eq == std::string::npos) throw UsageError("--set takes option=value, not '" + s + "'");
      auto key = s.substr(0, eq);
      if (key.starts_with("cluster.")) key = key.substr(8);
      values[key] = s.substr(eq + 1);
    }
    Options options;
    try {
      options = resolve_options(plugin->handle.info(), values);
    } catch (const OptionError& e) {
      throw UsageError(e.what());
    }
    Context ctx("cluster", options, findings);
    ctx.set_data_dir(data_dir());
    try {
      plugin->handle.analysis()->analyse(d, ctx);
    } catch (const std::exception& e) {
      std::cerr << "sdiag: cluster failed: " << e.what() << "\n";
      return 1;
    }

    std::map<std::string, const Theme*> theme_of;
    for (const auto& t : d.themes)
      for (const auto& id : t.note_ids) theme_of.emplace(id, &t);
    std::ostringstream out;
    for (const auto& n : d.notes) {
      auto it = theme_of.find(n.id);
      out << (it == theme_of.end() ? "-" : it->second->id) << '\t' << (it == theme_of.end() ? "" : it->second->label)
          << '\n';
    }
    std::cout << out.str() << std::flush;

    std::cerr << "sdiag: " << d.notes.size() << " notes, " << theme_of.size() << " grouped into " << d.themes.size()
              << " themes\n";
    for (const auto& t : d.themes)
      std::cerr << "  " << t.id << "  " << t.note_ids.size() << " notes  " << t.origin << "  " << t.label << "\n";
    for (const auto& f : findings)
      if (f.severity != Severity::info || spdlog::get_level() <= spdlog::level::info)
        std::cerr << "sdiag: " << (f.location.empty() ? "" : f.location + ": ") << f.message << " [" << f.plugin
                  << "]\n";
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "sdiag: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace sdiag::core
