// One PCRE2 pattern (UTF-8, JIT-compiled when the machine allows) that
// replaces every match in a text by a token and says how many it replaced.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace sdiag::redact {

class Pattern {
 public:
  /// @throws std::runtime_error with PCRE2's message and offset when the pattern is not valid.
  Pattern(const std::string& pattern, bool caseless = false);
  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;
  Pattern(Pattern&& other) noexcept;
  Pattern& operator=(Pattern&&) = delete;

  /// Replaces every match in `text` by `token`; returns how many. Invalid UTF-8 never matches.
  std::size_t replace(std::string& text, const std::string& token) const;
  /// Replaces every match by what `token_for` gives for the matched text; returns how many.
  std::size_t replace(std::string& text, const std::function<std::string(std::string_view)>& token_for) const;

 private:
  pcre2_code* code_ = nullptr;
  pcre2_match_data* match_ = nullptr;
};

}  // namespace sdiag::redact
