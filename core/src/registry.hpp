// Finding and loading every plugin: the --plugins folders, then
// SDIAG_PLUGIN_PATH, then the built-in folder. The first plugin of a name
// wins; a later one of the same name is refused with the reason.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sdiag/loader.hpp>

namespace sdiag::core {

struct PluginFolder {
  std::filesystem::path path;
  std::string origin;  ///< "--plugins", "SDIAG_PLUGIN_PATH" or "built-in"
};

struct LoadedPlugin {
  PluginHandle handle;
  std::string origin;
  std::vector<std::string> script_command;  ///< a script plugin's command; empty for a shared library
};

struct Refusal {
  std::filesystem::path path;
  std::string origin;
  std::string reason;  ///< one line, starting with the path
};

class Registry {
 public:
  /// The folders to search, in order of precedence.
  static std::vector<PluginFolder> folders(const std::vector<std::filesystem::path>& cli_dirs);

  /// Loads every *.so and every script plugin (a folder holding plugin.json)
  /// of every folder, and a folder that is itself a script plugin; never
  /// throws for a bad plugin.
  void load(const std::vector<PluginFolder>& folders);

  const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
  const std::vector<Refusal>& refused() const { return refused_; }
  const LoadedPlugin* find(const std::string& name) const;
  /// Input plugins ranked by how sure they are they can read `file`.
  std::vector<std::pair<int, const LoadedPlugin*>> sniff(const InputFile& file) const;

 private:
  void add(PluginHandle handle, const PluginFolder& folder, std::vector<std::string> script_command);
  /// Gives each script layout the Document of the layout it builds on.
  void link_base_layouts();

  std::vector<LoadedPlugin> plugins_;
  std::vector<Refusal> refused_;
};

/// Every plugin of the folders `cli_dirs` and after, each refusal logged as a
/// warning: what the commands that run plugins start with.
Registry load_registry(const std::vector<std::filesystem::path>& cli_dirs);

}  // namespace sdiag::core
