// libFuzzer driver for the host's reading of a script plugin's response
// (core/src/script_response): the bytes are what the plugin's program wrote
// on stdout, the first byte picks the call they answer (a sniff, an input or
// analysis, a layout, an output). A std::exception is the documented way to
// refuse a response; a crash, hang, leak or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include <sdiag/json.hpp>

#include "script_response.hpp"

namespace response = sdiag::core::script_response;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const answers[] = {"sniff", "diagnostic", "document", "files"};
  const std::string answer = answers[data[0] % 4];
  const std::string output(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<sdiag::Finding> findings;
  try {
    auto r = response::parse(output, answer, "fuzz", "`fuzz.py`", findings);
    if (answer == "sniff") {
      (void)response::sniff_of(r);
    } else if (answer == "diagnostic") {
      (void)sdiag::to_json(response::diagnostic_of(r, "fuzz"));  // and written out again, as the host does next
    } else if (answer == "document") {
      (void)sdiag::to_json(response::document_of(r));
    } else {
      // A folder that does not exist: nothing the response names is ever a written file.
      (void)response::files_of(r, "/nonexistent/sdiag-fuzz-output");
    }
  } catch (const std::exception&) {
  }
  return 0;
}
