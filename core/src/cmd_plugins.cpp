// sdiag plugins [NAME] and sdiag presets: what is installed, like gst-inspect.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include <spdlog/spdlog.h>

#include <sdiag/text.hpp>

#include "commands.hpp"
#include "paths.hpp"
#include "pipeline.hpp"
#include "registry.hpp"

namespace sdiag::core {

namespace {

std::string kinds(const PluginInfo& info) {
  std::string s;
  for (auto k : info.kinds) s += (s.empty() ? "" : ",") + std::string(to_string(k));
  return s;
}

std::string script_command(const LoadedPlugin& lp) {
  std::string s;
  for (const auto& a : lp.script_command) s += (s.empty() ? "" : " ") + a;
  return s;
}

std::string pad(std::string s, std::size_t n) {
  if (s.size() < n) s.append(n - s.size(), ' ');
  return s;
}

void print_details(const LoadedPlugin& lp, const Registry& reg) {
  const auto& i = lp.handle.info();
  std::cout << "Name:         " << i.name << "\n"
            << "Kinds:        " << kinds(i) << "\n"
            << "Version:      " << i.version << "\n"
            << "SDK API:      " << i.api_major << "." << i.api_minor << "\n"
            << (lp.script_command.empty() ? "File:         " : "Folder:       ") << text::display_path(lp.handle.path()) << "\n"
            << "Origin:       " << lp.origin << "\n"
            << "Summary:      " << i.summary << "\n";
  if (!lp.script_command.empty())
    std::cout << "Script:       " << script_command(lp) << " (run in its folder; JSON on stdin and stdout)\n";
  if (lp.handle.is(Kind::input)) {
    std::string ext;
    for (const auto& e : i.extensions) ext += (ext.empty() ? "" : " ") + e;
    std::cout << "Reads:        " << (ext.empty() ? "(any file)" : ext) << "\n";
    if (!i.sniffs.empty()) std::cout << "Recognises:   " << i.sniffs << "\n";
  }
  if (lp.handle.warm_up())
    std::cout << "Warms up:     yes, on another thread while the inputs are read (not with -j 1)\n";
  for (const auto& r : reg.refused())
    if (r.path.stem().string() == i.name)
      std::cout << "Shadows:      " << text::display_path(r.path) << " (" << r.origin << ")\n";
  std::cout << "\nOptions:\n";
  if (i.options.empty()) std::cout << "  (none)\n";
  for (const auto& o : i.options) {
    std::cout << "  " << pad(o.name, 18) << pad(to_string(o.type), 8) << " default: "
              << (o.default_value.empty() ? "\"\"" : o.default_value) << "\n"
              << "  " << std::string(18, ' ') << o.help << "\n";
    if (!o.choices.empty()) {
      std::string c;
      for (const auto& x : o.choices) c += (c.empty() ? "" : ", ") + x;
      std::cout << "  " << std::string(18, ' ') << "one of: " << c << "\n";
    }
  }
  std::cout << "\nSet with: sdiag run ... --set " << i.name << ".OPTION=VALUE\n";
}

}  // namespace

int cmd_plugins(const GlobalOptions& g, const std::string& name, bool exists_only) {
  Registry reg;
  reg.load(Registry::folders(g.plugin_dirs));
  if (!name.empty()) {
    const auto* lp = reg.find(name);
    if (exists_only) return lp ? 0 : 1;
    if (!lp) {
      std::cerr << "sdiag: no plugin named '" << name << "' (see 'sdiag plugins')\n";
      for (const auto& r : reg.refused())
        if (r.path.stem().string() == name) std::cerr << "sdiag: refused " << r.reason << "\n";
      return 1;
    }
    print_details(*lp, reg);
    return 0;
  }
  if (exists_only) return 2;
  std::size_t name_width = 16;  // wide enough for the longest name, so columns stay aligned
  for (const auto& lp : reg.plugins()) name_width = std::max(name_width, lp.handle.info().name.size() + 2);
  std::cout << pad("NAME", name_width) << pad("KINDS", 16) << pad("VERSION", 9) << pad("ORIGIN", 19) << "SUMMARY\n";
  for (const auto& lp : reg.plugins()) {
    const auto& i = lp.handle.info();
    std::cout << pad(i.name, name_width) << pad(kinds(i), 16) << pad(i.version, 9) << pad(lp.origin, 19) << i.summary
              << (lp.script_command.empty() ? "" : " [script: " + script_command(lp) + "]") << "\n";
  }
  for (const auto& r : reg.refused()) std::cerr << "sdiag: refused " << r.reason << "\n";
  return 0;
}

int cmd_presets(const GlobalOptions&) {
  try {
    for (const auto& [name, p] : list_presets(data_dir())) {
      std::string steps;
      for (const auto& s : p.analyses) steps += (steps.empty() ? "" : " → ") + s.plugin;
      if (p.layout) steps += (steps.empty() ? "" : " → ") + p.layout->plugin;
      std::string outs;
      for (const auto& s : p.outputs) outs += (outs.empty() ? "" : ", ") + s.plugin;
      std::cout << pad(name, 16) << p.summary << "\n" << std::string(16, ' ') << "inputs → " << steps
                << (steps.empty() ? "" : " → ") << outs << "\n";
    }
  } catch (const UsageError& e) {
    std::cerr << "sdiag: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace sdiag::core
