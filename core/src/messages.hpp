// What the commands say on stderr: findings, what was written, and the
// failure that stops a command (with its exit code).
#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::core {

/// A command that cannot go on: the message for stderr, and the exit code
/// (1: something failed, 2: the command line cannot work as written).
struct Failure : std::runtime_error {
  int code;
  Failure(const std::string& message, int exit_code) : std::runtime_error(message), code(exit_code) {}
};

/// Runs a command's body and returns its exit code; a Failure or a
/// UsageError (exit 2) it throws is said on stderr as "sdiag: message".
int exit_code_of(const std::function<int()>& body);

/// Whether only errors go to stderr (-q): no warnings, notes, progress or
/// list of what was written.
bool quiet();
/// The findings the user must see (errors always, the first warnings but
/// with -q, and how many more there are); the full list is in diagnostic.json.
void report_findings(const std::vector<std::reference_wrapper<const Finding>>& findings);
/// "sdiag: wrote a b c", or "sdiag: nothing was written"; nothing with -q.
void report_written(const std::vector<std::filesystem::path>& written);

}  // namespace sdiag::core
