// Measuring for the pipeline benchmark: wall time and peak resident memory
// of a stage run in this process, and of a whole program run as a child.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace bench {

struct Cost {
  double ms = 0;        ///< wall time (the median when repeated)
  double peak_mib = 0;  ///< peak resident set while it ran
  double grew_mib = 0;  ///< how far the peak rose above the resident set at its start (stages only)
  bool ok = true;
};

/// Runs `prepare` (untimed) then `run` (timed) `repeats` times. The peak is
/// that of the first run: the kernel's high-water mark is reset to the
/// current resident set just before it (/proc/self/clear_refs), after
/// freed heap is given back, so it is this stage's own peak on top of what
/// the process already holds.
Cost measure_stage(const std::function<void()>& prepare, const std::function<void()>& run, int repeats);

/// Starts the process that launches the programs measure_process times;
/// call it first, while this process is small (see pipeline_measure.cpp).
void start_launcher();

/// Runs a program to completion (stdout and stderr to /dev/null unless
/// `log` names a file), `repeats` times: the median wall time from just
/// before it is spawned to its reaping, and the largest peak resident set of
/// it and the children it waited for (wait4's rusage).
Cost measure_process(const std::vector<std::string>& argv, int repeats, const std::string& log = "");

/// Whether the kernel lets this process reset its peak (Linux 4.0+).
bool can_reset_peak();

double median(std::vector<double> v);

}  // namespace bench
