// The D2I report this style starts from: the installed d2i-report layout
// plugin, loaded through the SDK's PluginHandle and run like the host runs it.
#pragma once

#include <filesystem>

#include <sdiag/context.hpp>
#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace castlebrook {

struct BaseReportOptions {
  std::filesystem::path plugin;  ///< d2i-report.so to use; empty = find it
  bool appendix = true;
  long long theme_examples = 3;
};

/// Where d2i-report.so is: `explicit_path` when given, else beside this
/// plugin, else in the plugin folder of the sdiag installation whose SDK
/// library this plugin runs with. @throws std::runtime_error naming the places tried.
std::filesystem::path find_base_report(const std::filesystem::path& explicit_path);

/// The d2i-report Document for `d`. Findings it raises are passed on to `ctx`.
/// @throws std::runtime_error (a copy of what d2i-report threw, or why it could not load).
sdiag::doc::Document build_base_report(const sdiag::Diagnostic& d, const BaseReportOptions& options,
                                       sdiag::Context& ctx);

}  // namespace castlebrook
