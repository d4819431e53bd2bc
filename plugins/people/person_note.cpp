#include "person_note.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include <sdiag/text.hpp>

#include "names.hpp"

namespace sdiag::people {

namespace {

using sdiag::text::lower;
using sdiag::text::trim;

// Words that say someone was not in the room.
const std::vector<std::string>& absence_phrases() {
  static const std::vector<std::string> v = {
      "sent apologies", "sends apologies", "send apologies", "apologies", "sent apols", "sends apols", "apols",          "couldn't make it",
      "could not make it", "couldn't attend", "could not attend", "unable to attend", "did not attend",
      "didn't attend",  "not attending",   "not present",    "absent",    "not available", "unavailable", "missing"};
  return v;
}

// Phrases about when someone joins, not who they are.
const std::vector<std::string>& schedule_phrases() {
  static const std::vector<std::string> v = {"to open the day", "for the morning", "for the afternoon", "morning only",
                                             "afternoon only",  "am only",         "pm only",           "all day",
                                             "for kick-off",    "to attend",       "invited"};
  return v;
}

// Words of a role, a team or a remark: never part of a person's name.
const std::set<std::string>& not_name_words() {
  static const std::set<std::string> v = {
      "head", "heads", "director", "dcs", "ad", "manager", "managers", "lead", "leads", "analyst", "analysts", "team",
      "teams", "service", "services", "officer", "it", "ict", "bi", "mi", "mis", "admin", "administrator",
      "facilitator", "facilitating", "data", "performance", "insight", "intelligence", "chief", "senior", "principal",
      "assistant", "corporate", "corp", "social", "care", "support", "business", "nurse", "designated", "developer",
      "engineer", "coordinator", "partner", "advisor", "adviser", "consultant", "d2i", "icb", "nhs", "d&i", "education",
      "early", "help", "safeguarding", "quality", "system", "systems", "applications", "supplier", "council", "hub",
      "sponsor", "chair", "guest", "scribe", "member", "members", "rep", "representative", "governance", "information",
      "reporting", "finance", "hr", "school", "schools", "health", "who", "was", "there", "notes", "of", "the", "and",
      "for", "in", "on", "with", "from", "to", "everyone", "all", "board", "group", "dmt", "slt", "agenda", "venue",
      "zoom", "room", "workshop", "unknown", "tbc", "vacant", "somebody", "someone", "anyone", "nobody", "we", "our",
      "i", "you", "they", "a", "an", "by", "at", "via", "is", "are", "not", "no", "yes",
      // abbreviations of roles and services: "CiC HoS", "EH mgr"
      "hos", "cic", "cin", "cla", "eh", "qa", "mgr", "mash", "send", "yj", "dir", "dep", "snr"};
  return v;
}

// Words that make a phrase a job: a role said in brackets or among the key
// people must have one ("(supplier contract)", "– the pack" are remarks).
const std::set<std::string>& job_words() {
  static const std::set<std::string> v = {
      "head", "hos", "director", "dcs", "ad", "manager", "mgr", "lead", "analyst", "officer", "admin", "administrator",
      "facilitator", "chief", "principal", "assistant", "nurse", "developer", "engineer", "coordinator", "partner",
      "advisor", "adviser", "consultant", "sponsor", "chair", "scribe", "worker", "specialist", "architect", "owner",
      "support", "performance", "intelligence", "insight", "bi", "mi", "ict", "mis", "data", "qa", "iro", "dpo"};
  return v;
}

std::vector<std::string> words_of(const std::string& s);

bool is_job(const std::string& seg) {
  for (const auto& w : words_of(seg))
    if (w == "IT") return true;  // "it" in lower case is the pronoun
  for (const auto& w : words_of(lower(seg))) {
    std::string bare;
    for (char c : w)
      if (std::isalnum(static_cast<unsigned char>(c))) bare += c;
    if (bare.size() > 3 && bare.back() == 's') bare.pop_back();
    if (job_words().count(bare)) return true;
  }
  return false;
}

// Acronyms that are a role; other short acronyms standing alone name a team (ICT, D&I, ICB).
const std::set<std::string>& role_acronyms() {
  static const std::set<std::string> v = {"dcs", "ad", "dd", "ceo", "hos", "sw", "iro", "dpo", "siro", "pa", "cfo"};
  return v;
}

// Words that make a phrase a team or an organisation.
const std::set<std::string>& team_words() {
  static const std::set<std::string> v = {"team", "teams", "directorate", "department", "dept", "unit", "hub", "icb",
                                          "nhs", "d2i", "ict", "d&i", "bi", "council", "borough", "trust"};
  return v;
}

// First words of a remark about what someone does or when ("looks after…", "in court all day").
const std::set<std::string>& remark_openers() {
  static const std::set<std::string> v = {"looks", "look", "builds", "build", "runs", "run", "will", "in", "on", "at",
                                          "via", "by", "back", "left", "here", "joined", "joining", "covering",
                                          "organising", "organizing", "scribing", "who", "has", "is", "was", "owns",
                                          "keeps", "does", "knows", "only", "also", "maybe", "possibly", "tbc"};
  return v;
}

// Emoji, pictographs, bullets and ellipses are dropped; en and em dashes become '\x01'.
std::string without_symbols(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = c;
    if (len == 2) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    if (len == 3) cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    if (len == 4) cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    bool symbol = (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2600 && cp <= 0x27BF) ||
                  (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0xFE0F || cp == 0x200D || cp == 0x2022 || cp == 0x2026 ||
                  cp == 0x25CF || cp == 0x25AA || (cp >= 0xE0020 && cp <= 0xE007F);
    if (cp == 0x2013 || cp == 0x2014 || cp == '\n') out += '\x01';
    else if (symbol) out += ' ';
    else out.append(s, i, len);
    i += len;
  }
  // " - " between words is a dash too; "Early-Help" is not.
  for (std::size_t at; (at = out.find(" - ")) != std::string::npos;) out.replace(at, 3, " \x01 ");
  return out;
}

// Removes every case-insensitive occurrence of `phrase` as whole words; whether there was one.
bool erase_phrase(std::string& s, const std::string& phrase) {
  bool found = false;
  for (std::size_t from = 0;;) {
    auto pos = lower(s).find(phrase, from);
    if (pos == std::string::npos) return found;
    auto end = pos + phrase.size();
    bool starts = pos == 0 || !std::isalnum(static_cast<unsigned char>(s[pos - 1]));
    bool ends = end >= s.size() || !std::isalnum(static_cast<unsigned char>(s[end]));
    if (starts && ends) {
      s.erase(pos, phrase.size());
      found = true;
      from = pos;
    } else {
      from = pos + 1;
    }
  }
}

std::string tidy(const std::string& raw) {
  std::string s = sdiag::text::collapse_whitespace(raw);
  const std::string edge = ",:;-.!?\x01 ";
  while (!s.empty() && edge.find(s.back()) != std::string::npos) s.pop_back();
  while (!s.empty() && edge.find(s.front()) != std::string::npos) s.erase(0, 1);
  return s;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  for (auto& w : sdiag::text::split(sdiag::text::collapse_whitespace(s), ' '))
    if (!w.empty()) out.push_back(w);
  return out;
}

bool has_case(const std::string& s) {
  bool up = false, low = false;
  for (char c : s) {
    up = up || std::isupper(static_cast<unsigned char>(c));
    low = low || std::islower(static_cast<unsigned char>(c));
  }
  return up && low;
}

bool name_like(const std::string& seg, bool cased) {
  auto words = words_of(seg);
  if (words.empty() || words.size() > 4) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    auto w = words[i];
    while (!w.empty() && (w.front() == '@')) w.erase(0, 1);
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (w.empty() || not_name_words().count(lower(w))) return false;
    for (char c : w)
      if (!std::isalpha(static_cast<unsigned char>(c)) && c != '\'' && c != '-' && static_cast<unsigned char>(c) < 0x80)
        return false;
    bool initial = w.size() == 1;
    if (initial && (i == 0 || i + 1 != words.size())) return false;  // only "Claire H"
    if (cased) {
      if (!std::isupper(static_cast<unsigned char>(w[0]))) return false;
      // "ICT", "MF": capitals throughout are an acronym or initials, not a name word
      if (w.size() > 1 && std::none_of(w.begin() + 1, w.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
        return false;
    }
  }
  return words.size() > 1 || words[0].size() >= 2;
}

bool is_team(const std::string& seg) {
  if (lower(seg).find("data to insight") != std::string::npos) return true;  // the D2I service itself
  auto words = words_of(lower(seg));
  for (const auto& w : words)
    if (team_words().count(w)) return true;
  // A short acronym standing alone (other than a role's): "ICT", "CSC".
  if (words.size() == 1 && seg.size() >= 2 && seg.size() <= 4 && !role_acronyms().count(words[0]) &&
      std::none_of(seg.begin(), seg.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
    return true;
  return false;
}

bool is_remark(const std::string& seg, bool cased) {
  auto words = words_of(seg);
  if (words.empty()) return true;
  const auto first = lower(words[0]);
  if (remark_openers().count(first)) return true;
  // A time of day: "10:00", "2pm".
  for (std::size_t i = 0; i + 1 < seg.size(); ++i)
    if (std::isdigit(static_cast<unsigned char>(seg[i])) &&
        (seg[i + 1] == ':' || lower(seg.substr(i + 1, 2)) == "am" || lower(seg.substr(i + 1, 2)) == "pm"))
      return true;
  bool lower_start = std::islower(static_cast<unsigned char>(words[0][0]));
  bool ing = first.size() > 5 && first.compare(first.size() - 3, 3, "ing") == 0 && first != "safeguarding";
  return ing && (lower_start || !cased);
}

bool is_facilitating(const std::string& seg) {
  auto w = words_of(lower(seg));
  return !w.empty() && (w[0] == "facilitating" || w[0] == "facilitator" || w[0] == "facilitation");
}

enum class Sep { start, dash, colon, comma, paren };

struct Segment {
  std::string text;
  Sep before = Sep::start;
};

// Splits at dashes, colons, commas, semicolons and brackets ("10:00" is not split).
std::vector<Segment> segments_of(const std::string& s) {
  std::vector<Segment> out;
  Segment cur;
  auto flush = [&](Sep next) {
    cur.text = tidy(cur.text);
    if (!cur.text.empty()) out.push_back(cur);
    cur = Segment{{}, next};
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(' || c == '[') {
      flush(Sep::paren);
      int depth = 1;
      std::size_t j = i + 1;
      for (; j < s.size() && depth > 0; ++j) {
        if (s[j] == '(' || s[j] == '[') ++depth;
        if (s[j] == ')' || s[j] == ']') --depth;
      }
      cur.text = s.substr(i + 1, (depth == 0 ? j - 1 : j) - i - 1);
      flush(Sep::dash);
      i = j - 1;
    } else if (c == '\x01') {
      flush(Sep::dash);
    } else if (c == ':' && !(i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                             std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      flush(Sep::colon);
    } else if (c == ',' || c == ';') {
      flush(Sep::comma);
    } else {
      cur.text += c;
    }
  }
  flush(Sep::start);
  return out;
}

struct Reading {
  ParsedPerson person;
  std::size_t name_segment = std::string::npos;
  std::size_t parts = 0;
};

// Role and team from the segments that are not the name, in order.
void read_descriptors(const std::vector<Segment>& segs, std::size_t name_at, bool cased, ParsedPerson& p) {
  bool last_was_role = false;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (i == name_at) continue;
    const auto& seg = segs[i];
    std::string text = seg.text;
    if (seg.before == Sep::paren && !p.role.empty()) {
      // "(builds the monthly pack)", "(Qlik Sense)": a remark once a role is known; "(ICB)" may still give the team
      if (p.team.empty() && is_team(text) && !is_remark(text, cased)) p.team = text;
      last_was_role = false;
      continue;
    }
    if (is_facilitating(text) && p.role.empty()) {
      p.role = "Facilitator";
      last_was_role = false;
      continue;
    }
    if (is_remark(text, cased)) {
      last_was_role = false;
      continue;
    }
    if (auto from = lower(text).find("from "); from == 0) text = tidy(text.substr(5));
    if (seg.before == Sep::paren) {  // "(ICT – CareFirst applications lead)": read the inside the same way
      ParsedPerson inner;
      read_descriptors(segments_of(text), std::string::npos, cased, inner);
      if (p.role.empty() && is_job(inner.role)) p.role = inner.role;
      if (p.team.empty()) p.team = inner.team;
      last_was_role = false;
      continue;
    }
    if (is_team(text)) {
      if (p.team.empty()) p.team = text;
      last_was_role = false;
    } else if (p.role.empty()) {
      p.role = text;
      last_was_role = true;
    } else if (last_was_role && seg.before == Sep::comma) {
      p.role += ", " + text;  // "Head of Service, Children in Care"
    } else {
      last_was_role = false;  // "Maria Lopez – DCS – sponsor": the second is a remark
    }
  }
}

Reading read(const std::string& text) {
  Reading r;
  std::string s = " " + without_symbols(text) + " ";
  for (const auto& phrase : absence_phrases())
    if (erase_phrase(s, phrase)) r.person.said_absent = true;
  for (const auto& phrase : schedule_phrases()) erase_phrase(s, phrase);
  const bool cased = has_case(s);
  auto segs = segments_of(s);
  // "Bryony from D2I": a name, then the team it comes from.
  for (std::size_t i = 0; i < segs.size(); ++i) {
    auto at = lower(segs[i].text).find(" from ");
    if (at != std::string::npos && name_like(segs[i].text.substr(0, at), cased)) {
      Segment team{segs[i].text.substr(at + 1), Sep::dash};
      segs[i].text = segs[i].text.substr(0, at);
      segs.insert(segs.begin() + static_cast<std::ptrdiff_t>(i) + 1, team);
      break;
    }
  }
  // "EH lead Deborah Kaye": a role, then a full name, with nothing between them.
  for (std::size_t i = 0; cased && i < segs.size(); ++i) {
    if (name_like(segs[i].text, cased)) break;
    auto words = words_of(segs[i].text);
    for (std::size_t take = 2; take <= 3 && take < words.size(); ++take) {
      std::string head, tail;
      for (std::size_t k = 0; k < words.size(); ++k) {
        auto& part = k + take < words.size() ? head : tail;
        part += (part.empty() ? "" : " ") + words[k];
      }
      if (name_like(tail, cased) && is_full_name(tail) && is_job(head)) {
        segs[i].text = head;
        segs.insert(segs.begin() + static_cast<std::ptrdiff_t>(i) + 1, Segment{tail, Sep::dash});
        i = segs.size();
        break;
      }
    }
  }
  // The name: the first segment that reads as one, outside brackets first.
  for (int pass = 0; pass < 2 && r.name_segment == std::string::npos; ++pass)
    for (std::size_t i = 0; i < segs.size(); ++i)
      if ((segs[i].before == Sep::paren) == (pass == 1) && name_like(segs[i].text, cased)) {
        r.name_segment = i;
        break;
      }
  if (r.name_segment != std::string::npos) {
    auto name = segs[r.name_segment].text;
    if (!name.empty() && name.front() == '@') name.erase(0, 1);
    // "Dr Amrit Gill": a title is not part of the name people use.
    static const std::set<std::string> titles = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "prof", "cllr"};
    if (auto space = name.find(' '); space != std::string::npos && titles.count(lower(name.substr(0, space))) &&
                                      name.find(' ', space + 1) != std::string::npos)
      name = name.substr(space + 1);
    r.person.name = cased ? name : name_case(name);
  }
  read_descriptors(segs, r.name_segment, cased, r.person);
  r.parts = segs.size();
  return r;
}

}  // namespace

bool looks_like_name(const std::string& text) { return name_like(tidy(text), has_case(text)); }

std::optional<ParsedPerson> parse_person_note(const std::string& text) {
  auto r = read(text);
  if (r.person.name.empty() && r.person.role.empty() && r.person.team.empty()) return std::nullopt;
  return r.person;
}

std::optional<ParsedPerson> parse_key_person_note(const std::string& text) {
  if (words_of(text).size() > 14) return std::nullopt;
  auto r = read(text);
  if (r.name_segment != 0 || r.parts < 2) return std::nullopt;
  if (!is_job(r.person.role)) r.person.role.clear();  // "Joanne Pike – the pack": named, but no role said
  return r.person;
}

}  // namespace sdiag::people
