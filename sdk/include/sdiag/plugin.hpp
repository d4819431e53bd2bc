/// @file sdiag/plugin.hpp
/// The four plugin kinds and the one macro that declares a plugin.
///
/// A plugin is one shared library holding one class that derives from one or
/// more of Input, Analysis, Layout and Output:
///
/// @code
/// #include <sdiag/plugin.hpp>
/// class Shout : public sdiag::Analysis {
///   void analyse(sdiag::Diagnostic& d, sdiag::Context&) override {
///     for (auto& n : d.notes) n.text += "!";
///   }
/// };
/// SDIAG_PLUGIN(Shout, .name = "shout", .kinds = {sdiag::Kind::analysis},
///              .version = "1.0.0", .summary = "Adds an exclamation mark to every note")
/// @endcode
///
/// The host calls a plugin only through these virtual functions, catches
/// anything they throw and records it as a finding with the plugin's name.
/// A plugin with costly set-up can also derive from WarmUp.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

#include <sdiag/context.hpp>
#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>
#include <sdiag/options.hpp>
#include <sdiag/version.hpp>

namespace sdiag {

enum class Kind { input, analysis, layout, output };
const char* to_string(Kind k);

/// What a plugin says about itself. Read by `sdiag plugins` and the host.
struct PluginInfo {
  std::string name;         ///< must equal the library's file name (without .so)
  std::vector<Kind> kinds;  ///< what the plugin implements
  std::string version;      ///< the plugin's own version
  std::string summary;      ///< one line
  std::vector<OptionSpec> options;
  std::vector<std::string> extensions;  ///< inputs: file extensions it reads (".json")
  std::string sniffs;                   ///< inputs: what it recognises, in words
  int api_major = SDIAG_API_MAJOR;
  int api_minor = SDIAG_API_MINOR;
};

/// A file handed to an input plugin, already read by the host (size-limited).
struct InputFile {
  std::filesystem::path path;
  std::string bytes;
  std::string extension() const;  ///< lower case, with the dot
};

/// Base of every plugin object.
class BOOST_SYMBOL_VISIBLE Plugin {
 public:
  virtual ~Plugin() = default;
};

/// Reads a source into the Diagnostic.
class BOOST_SYMBOL_VISIBLE Input : public virtual Plugin {
 public:
  /// How sure the plugin is that it can read `file`: 0 = no, 100 = certain.
  /// Must be cheap and must not throw.
  virtual int sniff(const InputFile& file) const = 0;
  /// Adds what `file` holds to `into` (which may already hold other inputs).
  /// Throws InputError for a file it cannot read at all.
  virtual void read(const InputFile& file, Diagnostic& into, Context& ctx) = 0;
};

/// Transforms the Diagnostic in place.
class BOOST_SYMBOL_VISIBLE Analysis : public virtual Plugin {
 public:
  virtual void analyse(Diagnostic& diagnostic, Context& ctx) = 0;
};

/// Turns the Diagnostic into a Document (the report's shape and words).
class BOOST_SYMBOL_VISIBLE Layout : public virtual Plugin {
 public:
  virtual doc::Document layout(const Diagnostic& diagnostic, Context& ctx) = 0;
};

/// Writes files into ctx.output_dir(). `document` is null when the pipeline
/// has no layout. Returns the paths written.
class BOOST_SYMBOL_VISIBLE Output : public virtual Plugin {
 public:
  virtual std::vector<std::filesystem::path> write(const Diagnostic& diagnostic,
                                                   const doc::Document* document,
                                                   Context& ctx) = 0;
};

/// Optional, beside any kind: work that does not depend on the diagnostic,
/// such as loading fonts or starting a layout engine. The host runs it on
/// another thread while the inputs are read and analysed, so that it is done
/// by the time the plugin is called (GStreamer's NULL -> READY, in effect).
///
/// The host calls warm_up() at most once per run, before the plugin's other
/// functions and never at the same time as them; it may not call it at all
/// (`sdiag run -j 1`), so the plugin must still work without it. What it
/// throws is ignored: the plugin should then do the work when it is called.
/// (SDK 1.1)
class BOOST_SYMBOL_VISIBLE WarmUp : public virtual Plugin {
 public:
  virtual void warm_up() = 0;
};

/// A file a plugin cannot read. `location` is a line, item id or entry name.
class BOOST_SYMBOL_VISIBLE InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message, std::string location = {})
      : std::runtime_error(message), location_(std::move(location)) {}
  const std::string& location() const { return location_; }

 private:
  std::string location_;
};

}  // namespace sdiag

/// Declares the plugin class `Class` with the PluginInfo fields that follow
/// (designated initialisers, in PluginInfo's order). Use once per library.
#define SDIAG_PLUGIN(Class, ...)                                                        \
  extern "C" BOOST_SYMBOL_EXPORT const int sdiag_plugin_api_major = SDIAG_API_MAJOR;    \
  extern "C" BOOST_SYMBOL_EXPORT const int sdiag_plugin_api_minor = SDIAG_API_MINOR;    \
  namespace sdiag_plugin_entry {                                                        \
  inline ::sdiag::PluginInfo info() { return ::sdiag::PluginInfo{__VA_ARGS__}; }        \
  inline std::unique_ptr<::sdiag::Plugin> create() { return std::make_unique<Class>(); } \
  }                                                                                     \
  BOOST_DLL_ALIAS(sdiag_plugin_entry::info, sdiag_plugin_info)                          \
  BOOST_DLL_ALIAS(sdiag_plugin_entry::create, sdiag_plugin_create)
