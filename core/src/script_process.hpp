// Running a script plugin's program: one request on its stdin, one response
// from its stdout, its stderr lines to a callback, within a time and a size
// limit. Never through a shell: the command is a list of arguments.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace sdiag::core {

struct ProgramCall {
  std::vector<std::string> argv;            ///< argv[0] a path, or a name looked up on PATH
  std::filesystem::path dir;                ///< the working folder
  std::map<std::string, std::string> env;   ///< the whole environment the program gets
  std::string input;                        ///< written to its stdin, which is then closed
  std::chrono::milliseconds timeout{60000};
  std::size_t max_output_bytes = 0;
  std::function<void(const std::string&)> on_stderr_line;
};

struct ProgramResult {
  enum class End { exited, signalled, timed_out, too_much_output };
  End end = End::exited;
  int code = 0;  ///< exit status, or the signal's number
  std::string output;
};

/// Runs the program in a process group of its own; on a timeout or too much
/// output the whole group is killed. @throws std::runtime_error when the
/// program cannot be started (not found, not executable).
ProgramResult run_program(const ProgramCall& call);

/// Kills the process group of every program run_program is running: for
/// sdiag's own Ctrl-C handler, since the groups do not get the terminal's
/// signal. Async-signal-safe.
void stop_running_programs() noexcept;

}  // namespace sdiag::core
