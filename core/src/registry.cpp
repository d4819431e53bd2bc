#include "registry.hpp"

#include <spdlog/spdlog.h>

#include <sdiag/text.hpp>

#include <algorithm>
#include <cstdlib>

#include "paths.hpp"
#include "script_plugin.hpp"

namespace sdiag::core {

std::vector<PluginFolder> Registry::folders(const std::vector<std::filesystem::path>& cli_dirs) {
  std::vector<PluginFolder> out;
  for (const auto& d : cli_dirs) out.push_back({d, "--plugins"});
  if (const char* env = std::getenv("SDIAG_PLUGIN_PATH"); env && *env) {
    std::string s = env;
    std::size_t start = 0;
    while (start <= s.size()) {
      auto end = s.find(':', start);
      if (end == std::string::npos) end = s.size();
      if (end > start) out.push_back({s.substr(start, end - start), "SDIAG_PLUGIN_PATH"});
      start = end + 1;
    }
  }
  out.push_back({builtin_plugin_dir(), "built-in"});
  return out;
}

void Registry::load(const std::vector<PluginFolder>& folders) {
  namespace fs = std::filesystem;
  auto is_script = [](const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / manifest_file, ec);
  };
  for (const auto& folder : folders) {
    std::error_code ec;
    if (!fs::is_directory(folder.path, ec)) {
      if (folder.origin != "built-in")
        refused_.push_back({folder.path, folder.origin, text::display_path(folder.path) + ": not a folder"});
      continue;
    }
    // Shared libraries and script plugin folders, in one stable order whatever the file system gives.
    std::vector<fs::path> found;
    if (is_script(folder.path)) found.push_back(folder.path);  // --plugins my-plugin
    for (const auto& entry : fs::directory_iterator(folder.path, ec))
      if (entry.path().extension() == ".so" || (entry.is_directory(ec) && is_script(entry.path())))
        found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    for (const auto& path : found) {
      try {
        if (path.extension() == ".so") {
          add(PluginHandle::load(path), folder, {});
        } else {
          auto manifest = read_script_manifest(path);
          auto command = manifest.run;
          add(script_plugin_handle(std::move(manifest)), folder, std::move(command));
        }
      } catch (const LoadError& e) {
        refused_.push_back({path, folder.origin, e.what()});
      }
    }
  }
  link_base_layouts();
}

void Registry::add(PluginHandle handle, const PluginFolder& folder, std::vector<std::string> script_command) {
  if (const auto* first = find(handle.info().name)) {
    refused_.push_back({handle.path(), folder.origin,
                        text::display_path(handle.path()) + ": duplicate name '" + handle.info().name + "'; " +
                            text::display_path(first->handle.path()) + " (" + first->origin + ") is used"});
    return;
  }
  plugins_.push_back({std::move(handle), folder.origin, std::move(script_command)});
}

// A layout that builds on itself through others is left unlinked (its call
// then fails with the reason): it would call itself without end.
void Registry::link_base_layouts() {
  auto base_of = [&](const std::string& name) -> std::string {
    const auto* p = find(name);
    const auto* script = p ? dynamic_cast<const ScriptPlugin*>(p->handle.layout()) : nullptr;
    return script ? script->manifest().base_layout : "";
  };
  for (auto& p : plugins_) {
    auto* script = dynamic_cast<ScriptPlugin*>(p.handle.layout());
    if (!script || script->manifest().base_layout.empty()) continue;
    std::string next = script->manifest().base_layout;
    for (std::size_t steps = 0; !next.empty() && next != p.handle.info().name && steps < plugins_.size(); ++steps)
      next = base_of(next);
    if (next == p.handle.info().name) {
      script->set_base_problem("builds on this layout in turn; one of the two must build on another");
      continue;
    }
    if (const auto* base = find(script->manifest().base_layout)) script->set_base_layout(base->handle);
  }
}

const LoadedPlugin* Registry::find(const std::string& name) const {
  for (const auto& p : plugins_)
    if (p.handle.info().name == name) return &p;
  return nullptr;
}

std::vector<std::pair<int, const LoadedPlugin*>> Registry::sniff(const InputFile& file) const {
  std::vector<std::pair<int, const LoadedPlugin*>> out;
  for (const auto& p : plugins_) {
    auto* in = p.handle.input();
    if (!in) continue;
    int score = 0;
    try {
      score = in->sniff(file);
    } catch (...) {
      score = 0;  // a sniff must not throw; one that does cannot read the file
    }
    if (score > 0) out.emplace_back(score, &p);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return out;
}

Registry load_registry(const std::vector<std::filesystem::path>& cli_dirs) {
  Registry reg;
  reg.load(Registry::folders(cli_dirs));
  for (const auto& r : reg.refused()) spdlog::warn("refused {}", r.reason);
  return reg;
}

}  // namespace sdiag::core
