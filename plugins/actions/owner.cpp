#include "owner.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include <sdiag/text.hpp>

namespace sdiag::actions {

namespace {

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || static_cast<unsigned char>(c) >= 0x80) cur += c;
    else if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string initials_of(const std::string& name) {
  std::string out;
  for (const auto& w : words_of(name))
    if (std::isupper(static_cast<unsigned char>(w[0]))) out += w[0];
  return out;
}

bool ieq(const std::string& a, const std::string& b) { return text::lower(a) == text::lower(b); }

// Words that say a team or a role owns it, when nobody is named.
bool looks_like_role(const std::string& s) {
  static const std::regex role(
      "\\b(team|teams|manager|managers|lead|leads|head|heads|officer|officers|analyst|analysts|director|dcs|bi|it|"
      "ict|performance|service|services|staff|worker|workers|partner|partners|group|board|facilitator|d2i|"
      "everyone|all|admin|business|support|systems?|quality|assurance)\\b",
      std::regex::icase);
  return std::regex_search(s, role);
}

bool is_initials(const std::string& s) {
  return s.size() >= 2 && s.size() <= 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

std::string clean(std::string s) {
  s = text::trim(s);
  while (!s.empty() && std::string(" .,;:-").find(s.back()) != std::string::npos) s.pop_back();
  return text::trim(s);
}

Owner make(const std::string& words, const std::string& rule, const std::vector<Person>& people) {
  Owner o;
  o.words = clean(words);
  o.rule = rule;
  if (const Person* p = match_person(o.words, people)) {
    o.known = true;
    o.name = !p->name.empty() ? p->name : p->role;
  } else {
    o.name = o.words;
  }
  return o;
}

}  // namespace

const Person* match_person(const std::string& raw, const std::vector<Person>& people) {
  std::string w = clean(raw);
  if (w.empty()) return nullptr;
  std::vector<const Person*> hits;
  auto unique = [&](auto pred) -> const Person* {
    hits.clear();
    for (const auto& p : people)
      if (pred(p)) hits.push_back(&p);
    return hits.size() == 1 ? hits.front() : nullptr;
  };
  if (auto* p = unique([&](const Person& p) { return !p.name.empty() && ieq(p.name, w); })) return p;
  if (auto* p = unique([&](const Person& p) { return !p.role.empty() && ieq(p.role, w); })) return p;
  auto ws = words_of(w);
  if (ws.size() == 1) {
    if (auto* p = unique([&](const Person& p) {
          auto n = words_of(p.name);
          return !n.empty() && (ieq(n.front(), w) || ieq(n.back(), w));
        }))
      return p;
    if (is_initials(w))
      if (auto* p = unique([&](const Person& p) { return !p.name.empty() && initials_of(p.name) == w; })) return p;
  }
  // "Head of IT" inside a longer role, or a team name.
  // Every word of `w` among the role's words: "IT" fits "Head of IT", not "Facilitator".
  auto lower_words = [](const std::string& s) {
    auto v = words_of(text::lower(s));
    return std::set<std::string>(v.begin(), v.end());
  };
  auto wanted = lower_words(w);
  if (auto* p = unique([&](const Person& p) {
        auto role = lower_words(p.role);
        return !p.role.empty() && std::all_of(wanted.begin(), wanted.end(), [&](const auto& x) { return role.count(x); });
      }))
    return p;
  if (auto* p = unique([&](const Person& p) { return !p.team.empty() && ieq(p.team, w); })) return p;
  return nullptr;
}

Owner find_owner(const std::string& text, const std::vector<Person>& people) {
  std::smatch m;
  static const std::regex owner_field("\\b(?:owner|lead|owned by|responsible|who)\\s*[:=]\\s*([^;,\\n]+?)(?:\\s+-\\s+|\\s*[;,\\n]|$)",
                                      std::regex::icase);
  if (std::regex_search(text, m, owner_field)) return make(m.str(1), "Owner:", people);

  // "X to do something" at the start: X is a person, initials or a role.
  static const std::regex x_to("^\\s*([A-Za-z][A-Za-z'&/ ]{0,40}?)\\s+to\\s+\\w");
  if (std::regex_search(text, m, x_to)) {
    std::string x = m.str(1);
    if (match_person(x, people) || is_initials(x) || (std::isupper(static_cast<unsigned char>(x[0])) && looks_like_role(x)))
      return make(x, "X to ...", people);
  }
  // "(X)" anywhere: initials, a name, a role or a team.
  static const std::regex paren("\\(([^()]{1,40})\\)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), paren); it != std::sregex_iterator(); ++it) {
    std::string x = (*it)[1].str();
    if (match_person(x, people) || is_initials(x) || looks_like_role(x)) return make(x, "(X)", people);
  }
  // "... - JB" or "... - Priya" at the end.
  static const std::regex dash_tail("\\s[-–—]\\s*([A-Za-z][A-Za-z' ]{0,30})\\s*$");
  if (std::regex_search(text, m, dash_tail)) {
    std::string x = m.str(1);
    if (match_person(x, people) || is_initials(x)) return make(x, "- X", people);
  }
  // A known person's name or initials anywhere in the text.
  for (const auto& w : words_of(text)) {
    if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0]))) continue;
    const Person* p = match_person(w, people);
    if (p && !p->name.empty()) return make(w, "name in the text", people);
  }
  return {};
}

}  // namespace sdiag::actions
