#include "pipeline_measure.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
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

namespace {

// Programs are started by a launcher process forked before this one grows.
// Linux gives a new program the peak resident set of the process it
// replaced (exec keeps the larger of the two in ru_maxrss), and a child
// forked or spawned from here starts as this process, which by then holds a
// whole diagnostic: timed from here, every program looked as big as the
// benchmark. The launcher is a few MiB, so what it reports is the program's.
struct Launched {
  double ms = 0;
  long maxrss_kib = 0;
  int status = 0;
};

void write_all(int fd, const void* data, std::size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) throw std::runtime_error("the launcher pipe broke");
    p += w;
    n -= static_cast<std::size_t>(w);
  }
}

bool read_all(int fd, void* data, std::size_t n) {
  char* p = static_cast<char*>(data);
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r <= 0) return false;
    p += r;
    n -= static_cast<std::size_t>(r);
  }
  return true;
}

void write_string(int fd, const std::string& s) {
  const std::size_t n = s.size();
  write_all(fd, &n, sizeof n);
  write_all(fd, s.data(), n);
}

bool read_string(int fd, std::string& s) {
  std::size_t n = 0;
  if (!read_all(fd, &n, sizeof n)) return false;
  s.resize(n);
  return read_all(fd, s.data(), n);
}

Launched launch(const std::vector<std::string>& argv, const std::string& log) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 1, log.empty() ? "/dev/null" : log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&files, 1, 2);
  Launched out;
  auto t0 = Clock::now();
  pid_t pid = 0;
  if (posix_spawnp(&pid, args[0], &files, nullptr, args.data(), environ) != 0) {
    out.status = 127 << 8;
  } else {
    rusage usage{};
    if (wait4(pid, &out.status, 0, &usage) < 0) out.status = 127 << 8;
    out.maxrss_kib = usage.ru_maxrss;
  }
  out.ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  posix_spawn_file_actions_destroy(&files);
  return out;
}

class Launcher {
 public:
  Launcher() {
    int down[2], up[2];
    if (pipe(down) != 0 || pipe(up) != 0) throw std::runtime_error("pipe failed");
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {  // the launcher: argv count, arguments and log in; a Launched out
      close(down[1]);
      close(up[0]);
      for (std::size_t n = 0; read_all(down[0], &n, sizeof n);) {
        std::vector<std::string> argv(n);
        std::string log;
        for (auto& a : argv) read_string(down[0], a);
        read_string(down[0], log);
        const Launched result = launch(argv, log);
        write_all(up[1], &result, sizeof result);
      }
      _exit(0);
    }
    close(down[0]);
    close(up[1]);
    to_ = down[1];
    from_ = up[0];
  }
  ~Launcher() {
    close(to_);  // the launcher reads end-of-file and exits
    close(from_);
    waitpid(pid_, nullptr, 0);
  }
  Launched run(const std::vector<std::string>& argv, const std::string& log) {
    const std::size_t n = argv.size();
    write_all(to_, &n, sizeof n);
    for (const auto& a : argv) write_string(to_, a);
    write_string(to_, log);
    Launched result;
    if (!read_all(from_, &result, sizeof result)) throw std::runtime_error("the launcher died");
    return result;
  }

 private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
};

Launcher& launcher() {
  static Launcher instance;
  return instance;
}

}  // namespace

void start_launcher() { launcher(); }

Cost measure_process(const std::vector<std::string>& argv, int repeats, const std::string& log) {
  Cost cost;
  std::vector<double> times;
  for (int i = 0; i < std::max(1, repeats); ++i) {
    const auto result = launcher().run(argv, log);
    times.push_back(result.ms);
    cost.peak_mib = std::max(cost.peak_mib, static_cast<double>(result.maxrss_kib) / 1024.0);
    if (!WIFEXITED(result.status) || WEXITSTATUS(result.status) != 0) cost.ok = false;
  }
  cost.ms = median(times);
  return cost;
}

}  // namespace bench
