#include "registry.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>

#include "paths.hpp"

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
  for (const auto& folder : folders) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder.path, ec)) {
      if (folder.origin != "built-in")
        refused_.push_back({folder.path, folder.origin, folder.path.string() + ": not a folder"});
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path, ec))
      if (entry.path().extension() == ".so") files.push_back(entry.path());
    std::sort(files.begin(), files.end());  // a stable order, whatever the file system gives
    for (const auto& file : files) {
      try {
        auto handle = PluginHandle::load(file);
        if (const auto* first = find(handle.info().name)) {
          refused_.push_back({file, folder.origin,
                              file.string() + ": duplicate name '" + handle.info().name + "'; " +
                                  first->handle.path().string() + " (" + first->origin + ") is used"});
          continue;
        }
        plugins_.push_back({std::move(handle), folder.origin});
      } catch (const LoadError& e) {
        refused_.push_back({file, folder.origin, e.what()});
      }
    }
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
