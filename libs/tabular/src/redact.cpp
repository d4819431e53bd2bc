#include <sdiag/tabular/redact.hpp>

namespace sdiag::tabular {

namespace {

// The address pattern is local@label(.label)*.tld, i.e. the regular
// expression [A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,},
// matched by hand in one pass: std::regex backtracks, and a long run of
// letters around an '@' took minutes (a hostile cell could hang a run).
bool alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool alnum(char c) { return alpha(c) || (c >= '0' && c <= '9'); }
bool local_char(char c) {
  return alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '\'' || c == '-';
}
bool label_char(char c) { return alnum(c) || c == '-'; }

// Length of the domain at the start of `s` (as the pattern above matches it:
// the last dot that follows a label and is followed by two or more letters,
// the letters taken greedily); 0 when there is none.
std::size_t domain_length(std::string_view s) {
  std::size_t best = 0, i = 0;
  while (i < s.size()) {
    std::size_t label = i;
    while (i < s.size() && label_char(s[i])) ++i;
    if (i == label || i >= s.size() || s[i] != '.') break;
    std::size_t tld = i + 1, end = tld;
    while (end < s.size() && alpha(s[end])) ++end;
    if (end - tld >= 2) best = end;
    ++i;
  }
  return best;
}

}  // namespace

std::string redact_emails(std::string_view text, bool* removed) {
  if (text.find('@') == std::string_view::npos) return std::string(text);  // cheap path: most text has none
  std::string out;
  std::size_t from = 0;  // end of the last address replaced
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at < from) continue;
    std::size_t start = at;
    while (start > from && local_char(text[start - 1])) --start;
    std::size_t domain = domain_length(text.substr(at + 1));
    if (start == at || domain == 0) continue;
    out.append(text.substr(from, start - from));
    out += "[e-mail removed]";
    from = at + 1 + domain;
    if (removed) *removed = true;
  }
  out.append(text.substr(from));
  return out;
}

bool is_email(std::string_view text) {
  auto at = text.find('@');
  if (at == 0 || at == std::string_view::npos) return false;
  for (std::size_t i = 0; i < at; ++i)
    if (!local_char(text[i])) return false;
  auto domain = domain_length(text.substr(at + 1));
  return domain > 0 && domain == text.size() - at - 1;
}

}  // namespace sdiag::tabular
