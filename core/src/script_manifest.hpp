// A script plugin's plugin.json: what the plugin says about itself and the
// command that runs it. Read without running anything, so `sdiag plugins`
// can list a script plugin as it lists a shared library.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <sdiag/plugin.hpp>

namespace sdiag::core {

struct ScriptManifest {
  std::filesystem::path dir;     ///< the plugin's folder, where its program runs
  PluginInfo info;               ///< its options end with `timeout`, which every script plugin has
  std::vector<std::string> run;  ///< the command: program, then arguments
  std::string base_layout;       ///< layouts: the plugin whose Document the request carries
  std::map<std::string, std::string> base_options;
};

/// The manifest's file name in a plugin folder.
inline constexpr const char* manifest_file = "plugin.json";
/// Seconds a script plugin may take per call unless plugin.json says otherwise.
inline constexpr int default_script_timeout = 60;

/// Reads `dir`/plugin.json. @throws LoadError with a one-line reason that
/// names the file and the field.
ScriptManifest read_script_manifest(const std::filesystem::path& dir);

}  // namespace sdiag::core
