/// @file sdiag/options.hpp
/// Plugin options: each plugin declares them (name, type, default, help);
/// the host checks every `--set plugin.option=value` against that list and
/// hands the plugin typed values with defaults filled in.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace sdiag {

enum class OptionType { string, integer, number, boolean, path, list };

const char* to_string(OptionType t);

/// One option a plugin accepts.
struct OptionSpec {
  std::string name;
  OptionType type = OptionType::string;
  std::string default_value;
  std::string help;
  std::vector<std::string> choices;  ///< allowed values, empty = any
};

/// Thrown for an option value that does not fit its declaration.
struct OptionError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The options of one plugin for one run: every declared option has a value.
class Options {
 public:
  Options() = default;
  explicit Options(std::map<std::string, std::string> values) : values_(std::move(values)) {}

  /// @throws OptionError when the option was not declared.
  const std::string& str(const std::string& name) const;
  /// @throws OptionError when undeclared or not an integer.
  long long integer(const std::string& name) const;
  /// @throws OptionError when undeclared or not a number.
  double number(const std::string& name) const;
  /// true/false, yes/no, on/off, 1/0. @throws OptionError otherwise.
  bool boolean(const std::string& name) const;
  /// A comma-separated list, trimmed, empty items dropped.
  std::vector<std::string> list(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  const std::map<std::string, std::string>& values() const { return values_; }

  /// Checks `value` against `spec` (type, choices). @throws OptionError.
  static void check(const OptionSpec& spec, const std::string& value);

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace sdiag
