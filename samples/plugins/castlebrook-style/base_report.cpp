#include "base_report.hpp"

#include <dlfcn.h>

#include <stdexcept>
#include <vector>

#include <sdiag/loader.hpp>

namespace castlebrook {

namespace {

constexpr const char* base_file = "d2i-report.so";

// The file a loaded function lives in (this plugin, or libsdiag-sdk).
std::filesystem::path library_of(const void* address) {
  Dl_info info{};
  if (!dladdr(address, &info) || !info.dli_fname) return {};
  return std::filesystem::path(info.dli_fname);
}

void mark_this_library() {}

}  // namespace

std::filesystem::path find_base_report(const std::filesystem::path& explicit_path) {
  if (!explicit_path.empty()) {
    if (std::filesystem::is_regular_file(explicit_path)) return explicit_path;
    throw std::runtime_error("option 'base': " + explicit_path.string() + " is not a file");
  }
  // An SDK function's address resolves into libsdiag-sdk.so, i.e. <prefix>/lib;
  // the installation's plugins sit in <prefix>/lib/sdiag/plugins.
  const auto self = library_of(reinterpret_cast<const void*>(&mark_this_library));
  const auto sdk = library_of(reinterpret_cast<const void*>(&sdiag::reproducible_now));
  std::vector<std::filesystem::path> tried;
  if (!self.empty()) tried.push_back(self.parent_path() / base_file);
  if (!sdk.empty()) tried.push_back(sdk.parent_path() / "sdiag" / "plugins" / base_file);
  std::string places;
  for (const auto& p : tried) {
    if (std::filesystem::is_regular_file(p)) return p;
    places += (places.empty() ? "" : ", ") + p.string();
  }
  throw std::runtime_error(std::string("cannot find ") + base_file + " (looked in " + places +
                           "); set castlebrook-style.base to its path");
}

sdiag::doc::Document build_base_report(const sdiag::Diagnostic& d, const BaseReportOptions& options,
                                       sdiag::Context& ctx) {
  sdiag::PluginHandle base;
  try {
    base = sdiag::PluginHandle::load(find_base_report(options.plugin));
  } catch (const sdiag::LoadError& e) {
    throw std::runtime_error(std::string("cannot use the D2I report: ") + e.what());
  }
  if (!base.layout()) throw std::runtime_error(base.path().string() + " is not a layout plugin");

  std::vector<sdiag::Finding> findings;
  sdiag::Context base_ctx(base.info().name,
                          sdiag::resolve_options(base.info(), {{"appendix", options.appendix ? "true" : "false"},
                                                               {"theme-examples", std::to_string(options.theme_examples)}}),
                          findings);
  base_ctx.set_data_dir(ctx.data_dir());
  base_ctx.set_output_dir(ctx.output_dir());
  base_ctx.set_now(ctx.now());

  sdiag::doc::Document doc;
  try {
    doc = base.layout()->layout(d, base_ctx);
  } catch (const std::exception& e) {
    // Copied now: the exception object lives in d2i-report's code, unloaded with `base`.
    throw std::runtime_error(base.info().name + ": " + std::string(e.what()));
  }
  for (auto& f : findings)
    ctx.finding(f.severity, std::move(f.source), std::move(f.location), base.info().name + ": " + f.message);
  return doc;
}

}  // namespace castlebrook
