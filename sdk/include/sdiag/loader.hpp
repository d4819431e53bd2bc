/// @file sdiag/loader.hpp
/// Loading one plugin library. The host uses it for every plugin, built-in
/// or not; plugin authors' tests use it through sdiag/testing.hpp.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <sdiag/plugin.hpp>

namespace sdiag {

/// Why a library was refused, in one line that names the file.
class LoadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A loaded plugin: its library and the one object made from it. Copies
/// share both; the object is destroyed before its library is unloaded.
class PluginHandle {
 public:
  /// Loads `path` with every symbol resolved now, checks the API version
  /// and the declared name, and creates the plugin object.
  /// @throws LoadError with a one-line reason.
  static PluginHandle load(const std::filesystem::path& path);
  /// A plugin object the host made itself, with no library behind it (a
  /// script plugin's adapter); `path` is what `sdiag plugins` shows as its
  /// file. @throws LoadError when the object is not of a kind `info` declares.
  /// (SDK 1.4)
  static PluginHandle adopt(std::filesystem::path path, PluginInfo info, std::unique_ptr<Plugin> object);

  const PluginInfo& info() const;
  const std::filesystem::path& path() const;
  bool is(Kind k) const;

  /// The object as each kind; nullptr when the plugin is not of that kind.
  Input* input() const;
  Analysis* analysis() const;
  Layout* layout() const;
  Output* output() const;
  /// The object's warm-up, when it has one (any kind may); nullptr otherwise.
  WarmUp* warm_up() const;

 private:
  struct Impl;
  static PluginHandle from_impl(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

/// The options of `info` for one run: defaults, overridden by `values`.
/// @throws OptionError for an undeclared option (listing the valid ones)
/// or a value of the wrong type.
Options resolve_options(const PluginInfo& info, const std::map<std::string, std::string>& values);

}  // namespace sdiag
