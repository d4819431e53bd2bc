// A script plugin as the host sees it: an ordinary plugin object whose calls
// send one JSON request to the plugin's program and read its one JSON
// response (sdk/README.md, "Script plugins"). Pipelines, --set, `sdiag
// plugins` and findings treat it as they treat a shared library.
#pragma once

#include <optional>

#include <sdiag/loader.hpp>

#include "script_manifest.hpp"

namespace sdiag::core {

class ScriptPlugin : public Input, public Analysis, public Layout, public Output {
 public:
  explicit ScriptPlugin(ScriptManifest manifest) : manifest_(std::move(manifest)) {}

  const ScriptManifest& manifest() const { return manifest_; }
  /// The layout whose Document a layout request carries (plugin.json's base_layout).
  void set_base_layout(PluginHandle base) { base_ = std::move(base); }
  /// Why the base layout cannot be used, when the registry found a reason (a loop).
  void set_base_problem(std::string why) { base_problem_ = std::move(why); }

  int sniff(const InputFile& file) const override;
  void read(const InputFile& file, Diagnostic& into, Context& ctx) override;
  void analyse(Diagnostic& diagnostic, Context& ctx) override;
  doc::Document layout(const Diagnostic& diagnostic, Context& ctx) override;
  std::vector<std::filesystem::path> write(const Diagnostic& diagnostic, const doc::Document* document,
                                           Context& ctx) override;

 private:
  ScriptManifest manifest_;
  std::optional<PluginHandle> base_;
  std::string base_problem_;
};

/// The plugin `manifest` describes, ready for the registry.
PluginHandle script_plugin_handle(ScriptManifest manifest);

}  // namespace sdiag::core
