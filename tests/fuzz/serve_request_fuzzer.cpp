// libFuzzer driver for `sdiag serve`'s request handling, without a server:
// each input is the raw bytes of one HTTP request (request line, headers,
// body). They go through what the server does with them before anything is
// looked up: the guard (Host, Origin, token), the address (its segments, and
// a segment as a file in a folder), and, for a multipart body, the upload
// stored into a folder. HttpError is the documented way to refuse; a 5xx, a
// crash, a sanitizer report or a broken promise below is a bug:
// - a stored upload is named upload-N[.ext] and lies in the upload folder;
// - a shown name is non-empty, well-formed UTF-8, at most 120 bytes, without
//   a separator or a control character;
// - a file found for a segment lies in its folder.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <unistd.h>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>

#include <sdiag/text.hpp>

#include "guard.hpp"
#include "http_error.hpp"
#include "request_target.hpp"
#include "uploads.hpp"

namespace {

namespace fs = std::filesystem;
using namespace sdiag::core::serve;

fs::path folder;   // holds a plain file, a symlink leading out, and uploads/
fs::path uploads;

void check(bool promise) {
  if (!promise) __builtin_trap();
}

void check_refusal(const HttpError& e) { check(e.status >= 400 && e.status < 500 && *e.what() != '\0'); }

void check_shown(const std::string& name, bool may_be_empty) {
  check(may_be_empty || !name.empty());
  check(name.size() <= 120 && sdiag::text::is_valid_utf8(name));
  for (unsigned char c : name) check(c >= 0x20 && c != 0x7f && c != '/' && c != '\\');
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  folder = fs::temp_directory_path() / ("sdiag-fuzz-serve-" + std::to_string(::getpid()));
  uploads = folder / "uploads";
  fs::create_directories(uploads);
  std::ofstream(folder / "report.pdf") << "%PDF";
  std::error_code ec;
  fs::create_symlink("/etc/passwd", folder / "outside.txt", ec);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  Poco::Net::HTTPRequest request;
  try {
    request.read(in);
  } catch (const Poco::Exception&) {
    return 0;  // Poco's server answers 400 itself
  }

  const Guard guard(std::string(64, 'a'), 8765);
  (void)guard.check_site(request);
  (void)guard.check_token(request);
  for (const auto& [name, value] : request) check_shown(shown_name(value), true);

  try {
    const auto target = parse_target(request.getURI());
    for (const auto& segment : target.segments) {
      if (auto file = plain_file_in(folder, segment)) check(file->parent_path() == folder && file->filename() == "report.pdf");
    }
    for (const auto& [key, value] : target.query) (void)guard.is_token(value);
  } catch (const HttpError& e) {
    check_refusal(e);
  }

  if (request.has("Content-Type")) {
    static const std::regex stored_name("upload-[0-9]+(\\.[a-z0-9]{1,10})?");
    try {
      for (const auto& file : store_parts(request.getContentType(), in, uploads)) {
        check(file.stored.parent_path() == uploads && std::regex_match(file.stored.filename().string(), stored_name));
        check_shown(file.name, false);
      }
    } catch (const HttpError& e) {
      check_refusal(e);
    }
    for (const auto& entry : fs::directory_iterator(uploads)) {
      check(std::regex_match(entry.path().filename().string(), stored_name));
      fs::remove(entry.path());
    }
  }
  return 0;
}
