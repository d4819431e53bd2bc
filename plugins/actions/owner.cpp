#include "owner.hpp"

#include <algorithm>
#include <optional>
#include <regex>
#include <set>

#include <sdiag/text.hpp>

#include "note_parts.hpp"

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

// Words that say a team or a role owns it, when nobody is named (anywhere in a short "(X)").
bool looks_like_role(const std::string& s) {
  static const std::regex role(
      "\\b(team|teams|manager|managers|lead|leads|head|heads|officer|officers|analyst|analysts|director|dcs|bi|it|"
      "ict|performance|service|services|staff|worker|workers|partner|partners|group|board|facilitator|d2i|"
      "everyone|all|admin|business|support|systems?|quality|assurance)\\b",
      std::regex::icase);
  return std::regex_search(s, role);
}

// One or two words, each a capital and then lower-case letters: "Helen", "Jo Adams".
bool looks_like_name(const std::string& s) {
  const auto words = words_of(s);
  if (words.empty() || words.size() > 2) return false;
  for (const auto& w : words) {
    if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    for (std::size_t i = 1; i < w.size(); ++i)
      if (!std::islower(static_cast<unsigned char>(w[i])) && w[i] != '\'') return false;
  }
  return true;
}

bool is_initials(const std::string& s) {
  return s.size() >= 2 && s.size() <= 3 && !not_agreed(s) &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

// A first name and a surname or its initial: "Raj P", "Jo Adams". One word
// alone is not enough for someone the board does not name: after a dash it
// is as often a marker ("– Parked").
bool looks_like_full_name(const std::string& s) {
  static const std::regex name("^[A-Z][a-z']+ (?:[A-Z]\\.?|[A-Z][a-z'\\-]+)$");
  return s.size() <= 40 && std::regex_search(s, name);
}

// A team or a role named as the owner: "Workforce Development team",
// "service leads", "Head of Audit", "facilitator". A few words whose last is
// a team or role noun, so that an action's own text ("book a slot with the
// service leads") is not taken for one.
bool looks_like_team_or_role(const std::string& s) {
  static const std::regex role(
      "^(?:(?:head|director|chair|lead) of [a-z&' ]{2,30}|"
      "(?:[a-z&'/]+ ){0,3}(?:team|teams|manager|managers|lead|leads|officer|officers|analyst|analysts|director|"
      "facilitator|facilitators|co-facilitator|staff|workers|partners|group|board|service|dcs|bi|it|ict|d2i|admin|"
      "panel|forum|unit|hub)|everyone|all)$",
      std::regex::icase);
  const auto words = words_of(s);
  return !words.empty() && words.size() <= 5 && s.size() <= 50 && std::regex_search(s, role);
}


// "Elaine M (ICB)" -> "Elaine M": the aside names where they work, not who they are.
std::string without_aside(const std::string& s) {
  auto open = s.find('(');
  return open == std::string::npos || open == 0 ? s : clean_words(s.substr(0, open));
}

// Two or more owners written together ("Kim + Raj P", "KT/LW"): each one
// found, or kept as written when it is plainly a name or initials; at least
// one of them must be on the board. Empty when `words` is not such a list.
std::vector<std::string> several_owners(const std::string& words, const PeopleIndex& people, bool& all_known) {
  static const std::regex between("\\s+(?:and)\\s+|\\s*[&+/,]\\s*", std::regex::icase);
  std::vector<std::string> names;
  bool any_known = false;
  all_known = true;
  for (auto it = std::sregex_token_iterator(words.begin(), words.end(), between, -1); it != std::sregex_token_iterator(); ++it) {
    const std::string part = clean_words(it->str());
    std::string name;
    if (const Person* p = people.match(part); p && !p->name.empty()) {
      name = p->name;
      any_known = true;
    } else if (looks_like_full_name(part) || is_initials(part)) {
      name = part;
      all_known = false;
    } else {
      return {};
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names.size() >= 2 && any_known ? names : std::vector<std::string>{};
}

Owner make(const std::string& words, const std::string& rule, const PeopleIndex& people) {
  Owner o;
  o.words = clean_words(words);
  o.rule = rule;
  bool all_known = false;
  if (const Person* p = people.match(o.words)) {
    o.known = true;
    o.name = !p->name.empty() ? p->name : p->role;
  } else if (auto names = several_owners(without_aside(o.words), people, all_known); !names.empty()) {
    o.known = all_known;
    for (const auto& n : names) o.name += (o.name.empty() ? "" : "; ") + n;
  } else {
    o.name = o.words;
  }
  return o;
}

// The owner a piece of the note names, if it names one: someone on the
// board, several people, initials, a full name, or (when `roles`) a team or
// a role. Words that say nobody is agreed yet name no one.
std::optional<Owner> owner_in(const std::string& piece, const std::string& rule, const PeopleIndex& people, bool roles) {
  const std::string x = clean_words(piece);
  if (x.empty() || not_agreed(x) || is_due_phrase(x)) return std::nullopt;
  bool all_known = false;
  if (people.match(x) || !several_owners(without_aside(x), people, all_known).empty() || is_initials(x) ||
      looks_like_full_name(x) || (roles && looks_like_team_or_role(x)))
    return make(x, rule, people);
  return std::nullopt;
}

std::vector<std::string> sorted_lower_words(const std::string& s) {
  auto v = words_of(text::lower(s));
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

void add(std::unordered_map<std::string, std::vector<const Person*>>& index, const std::string& key, const Person* p) {
  auto& hits = index[key];
  if (hits.empty() || hits.back() != p) hits.push_back(p);
}

// The one person of `hits`, or nullptr when none or several.
const Person* only(const std::unordered_map<std::string, std::vector<const Person*>>& index, const std::string& key) {
  auto it = index.find(key);
  return it != index.end() && it->second.size() == 1 ? it->second.front() : nullptr;
}

}  // namespace

PeopleIndex::PeopleIndex(const std::vector<Person>& people) {
  for (const auto& person : people) {
    const Person* p = &person;
    if (!p->name.empty()) {
      add(by_name_, text::lower(p->name), p);
      add(by_initials_, initials_of(p->name), p);
    }
    for (const auto& f : p->short_forms) add(by_short_, text::lower(f), p);
    if (auto n = words_of(p->name); !n.empty()) {
      add(by_first_or_last_, text::lower(n.front()), p);
      add(by_first_or_last_, text::lower(n.back()), p);
    }
    if (!p->role.empty()) {
      add(by_role_, text::lower(p->role), p);
      with_role_.push_back(p);
      auto& words = role_words_[p] = sorted_lower_words(p->role);
      for (const auto& w : words) add(by_role_word_, w, p);
    }
    if (!p->team.empty()) add(by_team_, text::lower(p->team), p);
  }
}

const Person* PeopleIndex::match(const std::string& raw) const {
  std::string w = clean_words(raw);
  if (w.empty()) return nullptr;
  if (auto bare = without_aside(w); bare != w) return match(bare);
  const std::string low = text::lower(w);
  if (auto* p = only(by_name_, low)) return p;
  // "(BI)" when BI is both someone's initials and a word of others' roles
  // ("BI Developer"): a team more likely than that one person, so no one.
  if (const Person* initials = is_initials(w) ? only(by_short_, low) : nullptr)
    if (auto it = by_role_word_.find(low);
        it != by_role_word_.end() && std::find(it->second.begin(), it->second.end(), initials) == it->second.end())
      return nullptr;
  if (auto* p = only(by_short_, low)) return p;
  if (auto* p = only(by_role_, low)) return p;
  if (words_of(w).size() == 1) {
    if (auto* p = only(by_first_or_last_, low)) return p;
    if (is_initials(w))
      if (auto* p = only(by_initials_, w)) return p;
  }
  // "Head of IT" inside a longer role: every word of `w` among the role's
  // words ("IT" fits "Head of IT", not "Facilitator").
  const auto wanted = sorted_lower_words(w);
  const Hits* candidates = &with_role_;
  if (!wanted.empty()) {
    auto it = by_role_word_.find(wanted.front());
    if (it == by_role_word_.end()) candidates = nullptr;
    else candidates = &it->second;
  }
  if (candidates) {
    const Person* found = nullptr;
    int count = 0;
    for (const Person* p : *candidates) {
      const auto& role = role_words_.at(p);
      if (std::includes(role.begin(), role.end(), wanted.begin(), wanted.end())) {
        found = p;
        ++count;
      }
    }
    if (count == 1) return found;
  }
  if (auto* p = only(by_team_, low)) return p;
  return nullptr;
}

const Person* match_person(const std::string& raw, const std::vector<Person>& people) {
  return PeopleIndex(people).match(raw);
}

Owner find_owner(const std::string& text, const std::vector<Person>& people) {
  return find_owner(text, PeopleIndex(people));
}

Owner find_owner(const std::string& text, const PeopleIndex& people) {
  std::smatch m;
  std::string unmatched;  // "Helen to ...", Helen unknown: said when nothing else names an owner
  // "Owner: Head of Quality – 15/05/2026": the owner is the words before the next dash or date.
  auto field = [&](const std::string& value) {
    const auto parts = dash_parts(value);
    const std::string who = without_trailing_due(parts.empty() ? value : parts.front());
    if (not_agreed(who) || is_due_phrase(who)) {
      Owner none;
      none.rule = "not agreed";
      return none;
    }
    return make(who, "Owner:", people);
  };
  static const std::regex owner_field("\\b(?:owner|owners|lead|owned by|responsible|who)\\s*[:=]\\s*([^;,\\n]{1,200})",
                                      std::regex::icase);
  if (std::regex_search(text, m, owner_field)) return field(m.str(1));
  // "Lead – Data & Insight manager" on a line of its own (a short one: libstdc++'s regex recurses per character).
  static const std::regex owner_line("^\\s*(?:owner|lead|who)\\s*(?:-|–|—)\\s*(.+?)\\s*$", std::regex::icase);
  for (const auto& line : text::split(text, '\n'))
    if (line.size() <= 120 && std::regex_search(line, m, owner_line)) return field(m.str(1));
  // "Rhiannon: ask...", "TA & IS – agree...", "Kim + Lee (BI): map...", "D&I team – archive...": who, then what.
  // A team or role leads only with a dash: "Data quality: ..." is a topic.
  static const std::regex x_first("^\\s*@?([A-Za-z][A-Za-z'&+/ ]{0,40}?)(?:\\s*\\([^()]{1,30}\\))?\\s*(:|\\s–|\\s—|\\s-)\\s");
  if (std::regex_search(text, m, x_first))
    if (auto o = owner_in(m.str(1), "X: ...", people, m.str(2) != ":")) return *o;

  // "X to do something" at the start: X is a person, initials or a role.
  static const std::regex x_to("^\\s*@?([A-Za-z][A-Za-z'&+/ ]{0,40}?)\\s+to\\s+\\w");
  if (std::regex_search(text, m, x_to)) {
    // A name nobody on the board has ("Helen to", "Sam Patel to") is told, not taken: "X to" also starts sentences.
    std::string x = m.str(1);
    if (looks_like_name(x) && !people.match(x))
      unmatched = clean_words(x);
    else if (auto o = owner_in(x, "X to ...", people, std::isupper(static_cast<unsigned char>(x[0])) != 0))
      return *o;
  }
  // "(X)" anywhere: initials, a name, a role or a team.
  static const std::regex paren("\\(([^()]{1,40})\\)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), paren); it != std::sregex_iterator(); ++it) {
    std::string x = (*it)[1].str();
    if (people.match(x) || is_initials(x) || looks_like_role(x)) return make(x, "(X)", people);
  }
  // "what – who – when": the last piece that is not a date ("… – ASAP – Sam R",
  // "… – facilitator – w/c 9 Mar", "… – Workforce Development team – Oct 2026").
  if (auto parts = dash_parts(text); parts.size() >= 2) {
    std::size_t last = parts.size() - 1;
    while (last > 0 && (is_due_phrase(parts[last]) || not_agreed(parts[last]))) --last;
    if (last > 0)
      if (auto o = owner_in(parts[last], "- X", people, true)) return *o;
  }
  // "... the same numbers. Nadia R" or "... @Nadia" at the end: a known person signing the note.
  static const std::regex name_tail("(?:[.!?]\\s+|\\s)@?([A-Za-z][A-Za-z']*(?:\\s[A-Za-z][A-Za-z']*)?)\\s*$");
  const std::string tail = text.substr(text.size() > 60 ? text.size() - 60 : 0);
  if (std::regex_search(tail, m, name_tail)) {
    std::string x = m.str(1);
    if (const Person* p = people.match(x); p && !p->name.empty()) return make(x, "name at the end", people);
  }
  // A known person's name or initials anywhere in the text.
  for (const auto& w : words_of(text)) {
    if (w.size() < 2 || !std::isupper(static_cast<unsigned char>(w[0]))) continue;
    const Person* p = people.match(w);
    if (p && !p->name.empty()) return make(w, "name in the text", people);
  }
  Owner none;
  none.unmatched = unmatched;
  return none;
}

}  // namespace sdiag::actions
