#include "involvement_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <sdiag/text.hpp>

namespace sdiag::people {

namespace {

using sdiag::text::lower;
using sdiag::text::trim;

// Words that say someone was not in the room.
constexpr std::array<const char*, 10> absence_phrases = {
    "could not attend", "couldn't attend", "unable to attend", "did not attend", "sent apologies",
    "apologies",        "not present",     "absent",           "missing",         "not available"};

// Words that belong to a role or team, never to a person's name.
constexpr std::array<const char*, 24> role_words = {
    "head",   "director", "dcs",      "manager",  "lead",    "leads",      "analyst", "analysts",
    "team",   "service",  "services", "officer",  "it",      "bi",         "mi",      "facilitator",
    "data",   "performance", "chief", "senior",   "principal", "assistant", "corporate", "social"};

// Phrases about when someone joins, not who they are.
constexpr std::array<const char*, 8> schedule_phrases = {" to open the day", " for the morning", " for the afternoon",
                                                          " all day",         " morning only",    " afternoon only",
                                                          " for kick-off",    " to attend"};

void erase_ci(std::string& s, const std::string& phrase) {
  for (auto pos = lower(s).find(phrase); pos != std::string::npos; pos = lower(s).find(phrase))
    s.erase(pos, phrase.size());
}

bool looks_like_name(const std::string& s) {
  auto words = sdiag::text::split(sdiag::text::collapse_whitespace(s), ' ');
  if (words.size() < 2 || words.size() > 4) return false;
  for (const auto& w : words) {
    if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    if (std::find(role_words.begin(), role_words.end(), lower(w)) != role_words.end()) return false;
  }
  return true;
}

std::string tidy(std::string s) {
  s = sdiag::text::collapse_whitespace(s);
  while (!s.empty() && (s.back() == ',' || s.back() == ':' || s.back() == ';' || s.back() == '-' || s.back() == '.'))
    s.pop_back();
  while (!s.empty() && (s.front() == ',' || s.front() == ':' || s.front() == '-')) s.erase(0, 1);
  return trim(s);
}

}  // namespace

std::optional<ParsedPerson> parse_involvement_note(const std::string& text) {
  std::string s = " " + text + " ";
  ParsedPerson p;
  for (const char* phrase : absence_phrases) {
    if (lower(s).find(phrase) != std::string::npos) {
      p.present = false;
      erase_ci(s, phrase);
    }
  }
  erase_ci(s, "invited");
  for (const char* phrase : schedule_phrases) erase_ci(s, phrase);

  // "Name (Role)" or "Role (Name)"
  std::string inside;
  if (auto open = s.find('('); open != std::string::npos) {
    auto close = s.find(')', open);
    inside = tidy(s.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1));
    s = s.substr(0, open) + (close == std::string::npos ? "" : s.substr(close + 1));
  }
  s = tidy(s);
  // "Name, Role" / "Name: Role" / "Role: Name"
  // A colon may come either way round ("Role: Name"); after a comma only a role
  // follows ("Head of Service, Early Help" is one role, not a role and a name).
  std::string first = s, rest;
  auto colon = s.find(':');
  auto cut = colon != std::string::npos ? colon : s.find(',');
  if (cut != std::string::npos) {
    first = tidy(s.substr(0, cut));
    rest = tidy(s.substr(cut + 1));
  }
  if (looks_like_name(first)) {
    p.name = first;
    p.role = !inside.empty() ? inside : rest;
  } else if (colon != std::string::npos && looks_like_name(rest)) {
    p.name = rest;
    p.role = first;
  } else if (looks_like_name(inside)) {
    p.name = inside;
    p.role = s;
  } else {
    p.role = colon != std::string::npos && rest.empty() ? first : s;
    if (!inside.empty()) p.role += (p.role.empty() ? "" : " ") + ("(" + inside + ")");
  }
  p.name = tidy(p.name);
  p.role = tidy(p.role);
  if (p.name.empty() && p.role.empty()) return std::nullopt;
  return p;
}

}  // namespace sdiag::people
