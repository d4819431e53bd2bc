// libFuzzer driver for the SDK's Document JSON reader (document_from_json:
// what a script layout answers, what a script output is given). A refused
// text is an InputError; a Document that was read must write out and read
// back to the same Document JSON, or the round trip is a bug (trap).
#include <cstddef>
#include <cstdint>
#include <string>

#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  sdiag::doc::Document d;
  try {
    d = sdiag::document_from_json(text);
  } catch (const sdiag::InputError&) {
    return 0;
  }
  const std::string once = sdiag::to_json(d);
  try {
    if (sdiag::to_json(sdiag::document_from_json(once)) != once) __builtin_trap();
  } catch (const sdiag::InputError&) {
    __builtin_trap();  // what the SDK wrote, it must read
  }
  return 0;
}
