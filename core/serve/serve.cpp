// sdiag serve: the facilitator's review page, on this machine only. Listens
// on 127.0.0.1 (and ::1 when the machine has it) with a token made at each
// launch, prints the address, opens the browser unless --no-browser, and
// stops on Ctrl-C.
//
// Built as a module of its own (lib/sdiag/sdiag-serve.so) that the host loads
// for this command only, as `sdiag miro pull` is: Poco Net is not bound at
// every start of sdiag.
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <boost/config.hpp>

#include <sdiag/atomic_file.hpp>
#include <sdiag/text.hpp>

#include "handler.hpp"
#include "request_deadlines.hpp"

extern char** environ;

namespace sdiag::core::serve {

namespace {

// Opens the address in the desktop's browser, without waiting for it; not being able to is no error.
void open_browser(const std::string& url) {
  pid_t pid = 0;
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char**>(argv), environ) != 0) {
    std::cerr << "sdiag: no browser could be opened from here: open the address above in yours\n";
    return;
  }
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

int run(const ServeArgs& a) {
  // Ctrl-C and kill are taken by this thread (sigwait), not by the server's threads, which inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Poco::Net::ServerSocket v4;
  try {
    // SO_REUSEADDR (a restart right after Ctrl-C), never SO_REUSEPORT: a port in use is an error.
    v4.bind(Poco::Net::SocketAddress("127.0.0.1", a.port), true, false);
    v4.listen(64);
  } catch (const Poco::Exception& e) {
    std::cerr << "sdiag: cannot listen on 127.0.0.1 port " << a.port << " (" << e.displayText()
              << "); choose another with --port\n";
    return 1;
  }
  const auto port = v4.address().port();
  // The same port on ::1 when the machine has IPv6 loopback; without it, 127.0.0.1 alone.
  std::optional<Poco::Net::ServerSocket> v6;
  try {
    Poco::Net::ServerSocket s;
    s.bind6(Poco::Net::SocketAddress("::1", port), true, false, true);
    s.listen(64);
    v6 = std::move(s);
  } catch (const Poco::Exception&) {
  }

  const auto root = a.workspace_root.empty() ? default_workspace_root() : a.workspace_root;
  const auto token = random_hex(32);
  std::unique_ptr<ServerState> state;
  try {
    state.reset(new ServerState{a, Guard(token, port), Workspaces(root)});
  } catch (const std::exception& e) {
    std::cerr << "sdiag: cannot use the workspace folder " << text::display_path(root) << ": " << e.what() << "\n";
    return 1;
  }
  Poco::SharedPtr<HandlerFactory> handlers(new HandlerFactory(*state));
  auto params = Poco::Net::HTTPServerParams::Ptr(new Poco::Net::HTTPServerParams);
  params->setMaxThreads(8);
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(a.request_timeout, 0));  // each receive; RequestDeadlines bounds the whole request
  // HTTPServer's connections, each request held to the request timeout.
  RequestDeadlines deadlines{std::chrono::seconds(a.request_timeout)};
  Poco::Net::TCPServer server4(deadlines.connections(handlers, params), v4, params);
  std::optional<Poco::Net::TCPServer> server6;
  if (v6) server6.emplace(deadlines.connections(handlers, params), *v6, params);
  server4.start();
  if (server6) server6->start();

  // The token travels in the address once; the page swaps it for a cookie.
  const auto token_url = "http://127.0.0.1:" + std::to_string(port) + "/?token=" + token;
  std::cout << token_url << std::endl;
  std::cerr << "sdiag: the review page is at the address above (127.0.0.1" << (server6 ? " and [::1]" : "") << ", port "
            << port << ", this machine only)\n"
            << "sdiag: workspaces are kept in " << text::display_path(root) << "\n"
            << "sdiag: press Ctrl-C to stop\n";
  if (a.open_browser) open_browser(token_url);

  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::cerr << "sdiag: stopping\n";
  if (server6) server6->stop();
  server4.stop();
  handlers->stop_connections(true);
  // Connections outlive their TCPServer: wait for them (a report being written ends first) before what they use goes.
  auto connections = [&] { return server4.currentThreads() + (server6 ? server6->currentThreads() : 0); };
  for (int i = 0; i < 100 && connections() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  if (connections() > 0) {
    // Still at work after 10 s (a large upload or report): returning would destroy the state, the lock and the deadlines
    // its thread still uses. End the process here instead, without its half-written files.
    std::cerr << "sdiag: stopped while an upload was being read or a report written; send it again after the next start\n";
    remove_pending_temp_files();
    std::_Exit(0);
  }
  return 0;
}

}  // namespace

}  // namespace sdiag::core::serve

extern "C" BOOST_SYMBOL_EXPORT int sdiag_serve(const sdiag::core::ServeArgs* args) {
  return sdiag::core::serve::run(*args);
}
