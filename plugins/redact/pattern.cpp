#include "pattern.hpp"

#include <stdexcept>
#include <vector>

namespace sdiag::redact {

Pattern::Pattern(const std::string& pattern, bool caseless) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  const uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | (caseless ? PCRE2_CASELESS : 0u);
  code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error, &offset, nullptr);
  if (!code_) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    throw std::runtime_error("pattern '" + pattern + "' is not valid at offset " + std::to_string(offset) + ": " +
                             reinterpret_cast<const char*>(message));
  }
  pcre2_jit_compile(code_, PCRE2_JIT_COMPLETE);  // without JIT (some machines forbid it) it still matches, slower
  match_ = pcre2_match_data_create_from_pattern(code_, nullptr);
}

Pattern::~Pattern() {
  pcre2_match_data_free(match_);
  pcre2_code_free(code_);
}

Pattern::Pattern(Pattern&& other) noexcept : code_(other.code_), match_(other.match_) {
  other.code_ = nullptr;
  other.match_ = nullptr;
}

std::size_t Pattern::replace(std::string& text, const std::string& token) const {
  if (text.empty()) return 0;
  // Most texts hold nothing to redact: a match first, so those are not copied.
  int found = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0, match_, nullptr);
  if (found == PCRE2_ERROR_NOMATCH) return 0;
  if (found < 0 && found != PCRE2_ERROR_PARTIAL) throw std::runtime_error("redaction pattern failed to match");
  std::vector<PCRE2_UCHAR> out(text.size() + 16 * token.size() + 64);
  for (;;) {
    PCRE2_SIZE length = out.size();
    int n = pcre2_substitute(code_, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0,
                             PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_LITERAL | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH,
                             match_, nullptr, reinterpret_cast<PCRE2_SPTR>(token.data()), token.size(), out.data(),
                             &length);
    if (n == PCRE2_ERROR_NOMEMORY) {
      out.resize(length + 1);
      continue;
    }
    if (n < 0) throw std::runtime_error("redaction pattern failed to replace");
    text.assign(reinterpret_cast<const char*>(out.data()), length);
    return static_cast<std::size_t>(n);
  }
}

}  // namespace sdiag::redact
