/// @file sdiag/context.hpp
/// What a plugin gets from the host for one call: its options, a logger,
/// a place to record findings, progress, and where data files live.
#pragma once

#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/options.hpp>

namespace sdiag {

class Context {
 public:
  Context(std::string plugin, Options options, std::vector<Finding>& findings);
  virtual ~Context() = default;

  const std::string& plugin() const { return plugin_; }
  const Options& options() const { return options_; }

  void debug(const std::string& message) const;
  void info(const std::string& message) const;
  void warn(const std::string& message) const;

  /// Records a finding tagged with this plugin's name.
  void finding(Severity severity, std::string source, std::string location, std::string message);
  const std::vector<Finding>& findings() const { return findings_; }

  /// Reports progress of a long step (0..1); shown on stderr when slow.
  void progress(const std::string& step, double fraction) const;

  /// templates/ of the installation: workshop templates, vocabularies,
  /// category lists. Plugins read their data files from here.
  std::filesystem::path data_dir() const { return data_dir_; }
  /// The folder outputs are written to.
  std::filesystem::path output_dir() const { return output_dir_; }
  /// "Now": SOURCE_DATE_EPOCH when set, so outputs are reproducible.
  std::time_t now() const { return now_; }

  // Set by the host.
  void set_data_dir(std::filesystem::path p) { data_dir_ = std::move(p); }
  void set_output_dir(std::filesystem::path p) { output_dir_ = std::move(p); }
  void set_now(std::time_t t) { now_ = t; }
  void set_progress_sink(std::function<void(const std::string&, double)> f) { progress_ = std::move(f); }

 private:
  std::string plugin_;
  Options options_;
  std::vector<Finding>& findings_;
  std::filesystem::path data_dir_;
  std::filesystem::path output_dir_;
  std::time_t now_ = 0;
  std::function<void(const std::string&, double)> progress_;
};

/// SOURCE_DATE_EPOCH when set and valid, else the current time.
std::time_t reproducible_now();

/// The latest time any output can record: 9999-12-31T23:59:59Z. (SDK 1.4)
inline constexpr long long latest_source_date_epoch = 253402300799LL;

/// What is wrong with SOURCE_DATE_EPOCH, "" when it is unset, empty or valid:
/// a whole number of seconds since 1970 (as `date +%s` prints it), from 0 to
/// `latest_source_date_epoch`. The host refuses to run with a bad value, as
/// the reproducible-builds specification asks. (SDK 1.4)
std::string source_date_epoch_error();

/// `t` as written in files: ISO 8601 in UTC, "2026-02-10T14:05:00Z". (SDK 1.1)
std::string iso_utc(std::time_t t);

}  // namespace sdiag
