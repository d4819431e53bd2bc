#include "pipeline_measure.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <stdexcept>

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

/// A "VmXXX:   1234 kB" line of /proc/self/status, in MiB.
double status_mib(const std::string& key) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.compare(0, key.size(), key) == 0 && line[key.size()] == ':')
      return std::stod(line.substr(key.size() + 1)) / 1024.0;
  return 0;
}

bool reset_peak() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

}  // namespace

bool can_reset_peak() { return reset_peak(); }

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

Cost measure_stage(const std::function<void()>& prepare, const std::function<void()>& run, int repeats) {
  Cost cost;
  std::vector<double> times;
  for (int i = 0; i < std::max(1, repeats); ++i) {
    prepare();
    double base = 0;
    if (i == 0) {
      malloc_trim(0);  // what earlier stages freed is not this stage's
      reset_peak();
      base = status_mib("VmRSS");
    }
    auto t0 = Clock::now();
    run();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (i == 0) {
      cost.peak_mib = status_mib("VmHWM");
      cost.grew_mib = std::max(0.0, cost.peak_mib - base);
    }
  }
  cost.ms = median(times);
  return cost;
}

Cost measure_process(const std::vector<std::string>& argv, int repeats, const std::string& log) {
  Cost cost;
  std::vector<double> times;
  for (int i = 0; i < std::max(1, repeats); ++i) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    auto t0 = Clock::now();
    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      int out = log.empty() ? open("/dev/null", O_WRONLY) : open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out, 1);
      dup2(out, 2);
      execvp(args[0], args.data());
      _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) < 0) throw std::runtime_error("wait4 failed");
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    cost.peak_mib = std::max(cost.peak_mib, usage.ru_maxrss / 1024.0);  // ru_maxrss is in KiB
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) cost.ok = false;
  }
  cost.ms = median(times);
  return cost;
}

}  // namespace bench
