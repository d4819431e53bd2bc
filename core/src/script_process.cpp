#include "script_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <boost/process/args.hpp>
#include <boost/process/child.hpp>
#include <boost/process/env.hpp>
#include <boost/process/environment.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/extend.hpp>
#include <boost/process/group.hpp>
#include <boost/process/io.hpp>
#include <boost/process/pipe.hpp>
#include <boost/process/start_dir.hpp>

namespace sdiag::core {

namespace {

namespace bp = boost::process;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

/// argv[0] as a path: relative to the plugin's folder when it has a '/',
/// else looked up on the host's PATH (as execvp would, but checked first so
/// that a missing program is named).
fs::path find_program(const std::string& name, const fs::path& dir) {
  if (name.find('/') != std::string::npos) {
    fs::path p = fs::path(name).is_absolute() ? fs::path(name) : dir / name;
    if (!executable(p)) throw std::runtime_error("'" + p.string() + "' is not there or not executable");
    return p;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (std::size_t start = 0; start <= dirs.size();) {
    auto end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    if (end > start && executable(fs::path(dirs.substr(start, end - start)) / name))
      return fs::path(dirs.substr(start, end - start)) / name;
    start = end + 1;
  }
  throw std::runtime_error("the program '" + name + "' is not installed (not found on PATH)");
}

/// A pipe whose ends are closed on exec: only the ends dup2'd onto the
/// child's stdin, stdout and stderr reach it, never another script's.
bp::pipe cloexec_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("cannot make a pipe");
  return bp::pipe(fds[0], fds[1]);
}

void nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Writing to a program that has exited must be EPIPE, not the end of sdiag.
void ignore_sigpipe() {
  static std::once_flag once;
  std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

// In the child, between fork and exec (only async-signal-safe calls): the
// default SIGPIPE back, and every descriptor sdiag had open closed (files it
// writes, plugin libraries). Boost.Process's limit_handles would do the
// latter, but in Boost 1.74 it also closes the piped stdio (tried).
void child_setup() {
  std::signal(SIGPIPE, SIG_DFL);
  rlimit lim{};
  int top = ::getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < 65536 ? static_cast<int>(lim.rlim_cur) : 65536;
  for (int fd = 3; fd < top; ++fd) {
    int flags = ::fcntl(fd, F_GETFD);
    if (flags >= 0 && !(flags & FD_CLOEXEC)) ::close(fd);
  }
}

// The process groups running now, for stop_running_programs (0 = free slot).
// Outputs run side by side, so a few at once; a program past the last slot
// still runs, it only is not stopped by Ctrl-C.
std::array<std::atomic<pid_t>, 32> running_groups{};

class RunningGroup {
 public:
  explicit RunningGroup(pid_t pid) {
    for (auto& slot : running_groups) {
      pid_t free = 0;
      if (slot.compare_exchange_strong(free, pid)) {
        slot_ = &slot;
        return;
      }
    }
  }
  ~RunningGroup() {
    if (slot_) slot_->store(0);
  }
  RunningGroup(const RunningGroup&) = delete;
  RunningGroup& operator=(const RunningGroup&) = delete;

 private:
  std::atomic<pid_t>* slot_ = nullptr;
};

}  // namespace

void stop_running_programs() noexcept {
  for (auto& slot : running_groups)
    if (pid_t pid = slot.load(); pid > 0) {
      ::kill(-pid, SIGKILL);  // the group is the program's pid (it may not have made it yet:
      ::kill(pid, SIGKILL);   // then the program itself)
    }
}

ProgramResult run_program(const ProgramCall& call) {
  if (call.argv.empty()) throw std::runtime_error("no program to run");
  const auto exe = find_program(call.argv[0], call.dir);
  ignore_sigpipe();

  bp::environment env;
  for (const auto& [k, v] : call.env) env[k] = v;
  bp::pipe in = cloexec_pipe(), out = cloexec_pipe(), err = cloexec_pipe();
  bp::group group;
  std::error_code ec;
  std::vector<std::string> args(call.argv.begin() + 1, call.argv.end());
  bp::child child(bp::exe = exe.string(), bp::args = args, bp::start_dir = call.dir.string(), env,
                  bp::std_in < in, bp::std_out > out, bp::std_err > err, group,
                  bp::extend::on_exec_setup = [](auto&) { child_setup(); }, ec);
  if (ec) throw std::runtime_error("cannot start " + exe.string() + ": " + ec.message());
  RunningGroup running(child.id());

  ProgramResult result;
  int fds[3] = {in.native_sink(), out.native_source(), err.native_source()};
  in.assign_sink(-1);  // closed here from now on, once
  out.assign_source(-1);
  err.assign_source(-1);
  for (int fd : fds) nonblocking(fd);
  std::size_t written = 0;
  std::string err_line;
  auto close_fd = [&](int& fd) {
    ::close(fd);
    fd = -1;
  };
  if (call.input.empty()) close_fd(fds[0]);
  auto stderr_bytes = [&](const char* data, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      if (data[i] == '\n') {
        if (call.on_stderr_line) call.on_stderr_line(err_line);
        err_line.clear();
      } else if (err_line.size() < 4096) {
        err_line += data[i];
      }
    }
  };

  const auto deadline = Clock::now() + call.timeout;
  bool exited = false;
  char buf[65536];
  while (fds[0] >= 0 || fds[1] >= 0 || fds[2] >= 0) {
    if (!exited && !child.running(ec)) exited = true;
    pollfd p[3];
    int n = 0, which[3];
    for (int i = 0; i < 3; ++i)
      if (fds[i] >= 0) {
        p[n] = pollfd{fds[i], static_cast<short>(i == 0 ? POLLOUT : POLLIN), 0};
        which[n++] = i;
      }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      result.end = ProgramResult::End::timed_out;
      break;
    }
    // Once the program has exited, take what is already in the pipes and stop:
    // a process it left behind may hold them open.
    int ready = ::poll(p, static_cast<nfds_t>(n), exited ? 0 : static_cast<int>(std::min<long long>(left, 50)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) {
      if (exited) break;
      continue;
    }
    for (int k = 0; k < n; ++k) {
      if (!p[k].revents) continue;
      int& fd = fds[which[k]];
      if (which[k] == 0) {
        auto w = ::write(fd, call.input.data() + written, std::min<std::size_t>(call.input.size() - written, sizeof buf));
        if (w > 0) written += static_cast<std::size_t>(w);
        if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == call.input.size()) close_fd(fd);
        continue;
      }
      auto r = ::read(fd, buf, sizeof buf);
      if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
        close_fd(fd);
      } else if (r > 0 && which[k] == 1) {
        result.output.append(buf, static_cast<std::size_t>(r));
      } else if (r > 0) {
        stderr_bytes(buf, static_cast<std::size_t>(r));
      }
    }
    if (call.max_output_bytes && result.output.size() > call.max_output_bytes) {
      result.end = ProgramResult::End::too_much_output;
      break;
    }
  }
  for (int& fd : fds)
    if (fd >= 0) close_fd(fd);
  if (!err_line.empty() && call.on_stderr_line) call.on_stderr_line(err_line);

  // A program that closed its output may still be finishing: wait for it, within the limit.
  while (result.end == ProgramResult::End::exited && !exited) {
    if (!child.running(ec)) exited = true;
    else if (Clock::now() >= deadline) result.end = ProgramResult::End::timed_out;
    else std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  // Whatever the program started goes with it.
  group.terminate(ec);
  if (!exited) {
    if (child.running(ec)) child.terminate(ec);
    child.wait(ec);
  }
  if (result.end == ProgramResult::End::exited) {
    int status = child.native_exit_code();
    if (WIFSIGNALED(status)) {
      result.end = ProgramResult::End::signalled;
      result.code = WTERMSIG(status);
    } else {
      result.code = WEXITSTATUS(status);
    }
  }
  return result;
}

}  // namespace sdiag::core
