/// @file sdiag/testing.hpp
/// A harness for testing one plugin, like GStreamer's GstHarness: it loads
/// the real shared library, sets options and runs it on a value.
///
/// @code
/// sdiag::testing::Harness h("build/plugins/cluster.so");
/// h.set("min-theme-size", "2");
/// sdiag::Diagnostic out = h.analyse(sample);
/// CHECK(h.findings().empty());
/// @endcode
///
/// Exceptions a plugin throws reach the caller as sdiag::InputError (for
/// input errors) or std::runtime_error, copied so they outlive the library.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <sdiag/loader.hpp>

namespace sdiag::testing {

class Harness {
 public:
  /// @throws LoadError when the library is refused.
  explicit Harness(const std::filesystem::path& plugin_path);

  Harness& set(const std::string& option, const std::string& value);
  /// templates/ folder the plugin reads data files from; defaults to
  /// SDIAG_DATA_DIR from the environment.
  Harness& data_dir(std::filesystem::path dir);
  /// Where an output plugin writes; defaults to a fresh temporary folder.
  Harness& output_dir(std::filesystem::path dir);

  const PluginInfo& info() const { return plugin_.info(); }
  int sniff(const std::filesystem::path& file) const;
  /// Reads `file` into `into` (by default a Diagnostic holding the default
  /// workshop template from the data folder).
  Diagnostic read(const std::filesystem::path& file);
  Diagnostic read(const std::filesystem::path& file, Diagnostic into);
  Diagnostic analyse(Diagnostic d);
  doc::Document layout(const Diagnostic& d);
  std::vector<std::filesystem::path> write(const Diagnostic& d, const doc::Document* document);

  /// Findings raised by the plugin in every call so far.
  const std::vector<Finding>& findings() const { return findings_; }
  const std::filesystem::path& output_folder() const { return output_dir_; }

 private:
  Context context();
  PluginHandle plugin_;
  std::map<std::string, std::string> options_;
  std::filesystem::path data_dir_;
  std::filesystem::path output_dir_;
  std::vector<Finding> findings_;
};

/// The words of a Document, a line per heading, paragraph, list item and
/// table cell (captions and figures left out), to check what a layout says.
/// (SDK 1.2)
std::string text_of(const doc::Document& d);

/// The default workshop template (templates/workshop/d2i-service-diagnostic.json)
/// from a data folder. @throws InputError.
Template default_template(const std::filesystem::path& data_dir);

}  // namespace sdiag::testing
