#include "redact.hpp"

#include <regex>

namespace forms {

namespace {
const std::regex& email_pattern() {
  static const std::regex re(R"([A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})");
  return re;
}
}  // namespace

std::string redact_emails(std::string_view text, bool* removed) {
  std::string s(text);
  if (s.find('@') == std::string::npos) return s;  // cheap path: most text has none
  std::string out = std::regex_replace(s, email_pattern(), "[e-mail removed]");
  if (removed && out != s) *removed = true;
  return out;
}

bool is_email(std::string_view text) {
  std::string s(text);
  return std::regex_match(s, email_pattern());
}

}  // namespace forms
