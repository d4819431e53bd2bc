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

std::size_t Pattern::replace(std::string& text, const std::function<std::string(std::string_view)>& token_for) const {
  std::string out;
  std::size_t from = 0, copied = 0, n = 0;
  while (from <= text.size()) {
    int found = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), from, 0, match_, nullptr);
    if (found == PCRE2_ERROR_NOMATCH) break;
    if (found < 0) throw std::runtime_error("redaction pattern failed to match");
    const PCRE2_SIZE* at = pcre2_get_ovector_pointer(match_);
    out.append(text, copied, at[0] - copied);
    out += token_for(std::string_view(text).substr(at[0], at[1] - at[0]));
    copied = at[1];
    ++n;
    if (at[1] == at[0]) {  // an empty match: step over one character
      if (at[1] >= text.size()) break;
      out += text[at[1]];
      copied = at[1] + 1;
    }
    from = copied;
  }
  if (n == 0) return 0;
  out.append(text, copied, std::string::npos);
  text = std::move(out);
  return n;
}

}  // namespace sdiag::redact
