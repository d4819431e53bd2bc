// sdiag miro pull BOARD_ID -o board.json: the one command that uses the
// network, and only when asked. Fetches a whole board through Miro's REST
// API and writes the dump the miro input reads. The token comes from
// MIRO_TOKEN only and is never printed or written.
//
// Built as a module of its own (lib/sdiag/sdiag-miro-pull.so) that the host
// loads for this command only: the HTTP and TLS libraries it needs (Poco Net,
// OpenSSL) would otherwise be linked into every start of sdiag, and their
// symbol binding was most of a start's cost.
#include <chrono>
#include <ctime>
#include <iostream>

#include <boost/config.hpp>
#include <spdlog/spdlog.h>

#include <sdiag/atomic_file.hpp>
#include <sdiag/context.hpp>

#include "commands.hpp"
#include "miro_board_dump.hpp"
#include "miro_client.hpp"
#include "miro_endpoint.hpp"
#include "miro_token.hpp"

namespace sdiag::core {

namespace {

// A line per list on stderr, and in between at most one a second, so a long
// pull shows it is moving without flooding the terminal.
class ProgressLines {
 public:
  void operator()(const std::string& list, std::size_t so_far) {
    if (!spdlog::default_logger()->should_log(spdlog::level::warn)) return;  // -q
    auto now = std::chrono::steady_clock::now();
    if (list != list_ && !list_.empty()) std::cerr << "sdiag: " << list_ << ": " << count_ << "\n";
    if (list == list_ && now - last_ >= std::chrono::seconds(1)) {
      std::cerr << "sdiag: " << list << ": " << so_far << " so far\n";
      last_ = now;
    }
    if (list != list_) last_ = now;
    list_ = list;
    count_ = so_far;
  }
  void finish() {
    if (!list_.empty() && spdlog::default_logger()->should_log(spdlog::level::warn))
      std::cerr << "sdiag: " << list_ << ": " << count_ << "\n";
  }

 private:
  std::string list_;
  std::size_t count_ = 0;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

int miro_pull(const MiroPullArgs& a) {
  std::string token;
  try {
    token = miro::token_from_environment();
    auto endpoint = miro::parse_base_url(a.base_url);
    auto board_id = miro::board_id_from_argument(a.board);
    // Checked before any request, so a long pull does not end in "cannot write".
    auto folder = a.output.parent_path().empty() ? std::filesystem::path(".") : a.output.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
      throw miro::PullError("-o " + a.output.string() + ": the folder " + folder.string() + " does not exist", 2);
    if (std::filesystem::is_directory(a.output, ec))
      throw miro::PullError("-o " + a.output.string() + ": is a folder; give the file to write, e.g. board.json", 2);

    miro::RetryPolicy policy;
    policy.max_retries = a.retries;
    miro::Client client(endpoint, token, policy);
    if (spdlog::default_logger()->should_log(spdlog::level::warn))
      std::cerr << "sdiag: reading board " << board_id << " from " << endpoint.shown << "\n";
    ProgressLines progress;
    auto dump = miro::pull_board_dump(client, board_id, iso_utc(reproducible_now()),
                                      [&](const std::string& list, std::size_t n) { progress(list, n); });
    progress.finish();
    miro::redact(dump, token);
    auto text = dump.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    sdiag::write_file_atomically(a.output, text);
    if (spdlog::default_logger()->should_log(spdlog::level::warn))
      std::cerr << "sdiag: wrote " << a.output.string() << ": " << dump["items"].size() << " items, "
                << dump["connectors"].size() << " connectors, " << dump["tags"].size() << " tags, "
                << dump["members"].size() << " members (" << client.requests_sent() << " requests)\n";
    return 0;
  } catch (const miro::PullError& e) {
    std::cerr << "sdiag: " << miro::redact(e.what(), token) << "\n";
    return e.exit_code;
  } catch (const std::exception& e) {
    std::cerr << "sdiag: miro pull failed: " << miro::redact(e.what(), token) << "\n";
    return 1;
  }
}

}  // namespace sdiag::core

extern "C" BOOST_SYMBOL_EXPORT int sdiag_miro_pull(const sdiag::core::MiroPullArgs* args) {
  return sdiag::core::miro_pull(*args);
}
