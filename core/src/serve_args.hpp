// `sdiag serve`: what the host hands the web module (lib/sdiag/sdiag-serve.so).
// The module holds the HTTP server; reading, analysing and writing stay in
// the host, which passes them in as the two functions below, so the module
// never links the pipeline and `sdiag run` never loads Poco Net.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::core {

/// A file the facilitator uploaded: where the server stored it, and the name
/// their browser gave it (shown in messages and sources, never used as a path).
struct UploadedFile {
  std::filesystem::path stored;
  std::string name;
};

/// What reading and analysing the uploads made: the diagnostic as JSON text
/// ("" when nothing could be read) and every finding raised.
struct Analysed {
  std::string diagnostic_json;
  std::vector<Finding> findings;
};

/// What writing the report made: the files written into the output folder.
struct Rendered {
  std::vector<std::filesystem::path> written;
  std::vector<Finding> findings;
  bool failed = false;
};

struct ServeArgs {
  std::uint16_t port = 0;               ///< --port; 0 = any free port
  std::filesystem::path workspace_root;  ///< --workspace; "" = the user's data folder
  bool open_browser = true;             ///< false with --no-browser
  /// --request-timeout: seconds a client has to send a whole request (headers
  /// and body); a slower one is cut off, so it cannot hold a thread for ever.
  int request_timeout = 30;
  std::filesystem::path web_dir;        ///< the page's files (share/sdiag/web)

  /// The full-report preset's inputs and analyses, on the uploads.
  std::function<Analysed(const std::vector<UploadedFile>&)> analyse;
  /// The full-report preset on one diagnostic.json, written into a folder:
  /// what `sdiag run DIAGNOSTIC -o FOLDER` does.
  std::function<Rendered(const std::filesystem::path& diagnostic, const std::filesystem::path& folder)> render;
};

}  // namespace sdiag::core
