#include "join.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include <sdiag/extra_json.hpp>
#include <sdiag/text.hpp>

#include "names.hpp"

namespace sdiag::people {

namespace {

using sdiag::text::lower;

const char* kind_name(Mention::Kind k) {
  switch (k) {
    case Mention::Kind::listed: return "people list";
    case Mention::Kind::note: return "who-was-there note";
    case Mention::Kind::key_people_note: return "key-people note";
    case Mention::Kind::member: return "board member";
    case Mention::Kind::author: return "note author";
  }
  return "";
}

// One human as the mentions are gathered.
struct Entry {
  sdiag::Person person;
  std::vector<std::string> sources;  // kinds, in order, once each
  bool said_absent = false, listed_absent = false, present_evidence = false;
  bool member_only = true;  // every mention so far is a board member's record
  bool author_only = true;  // every mention so far is a note's author
  bool wrote = false, board_owner = false;
};

void add_once(std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (lower(x) == lower(s)) return;
  v.push_back(s);
}

// The key a mention is joined on: its full name, else the short form, else the role.
std::string key_of(const std::string& name, const sdiag::Person& p) {
  if (!name.empty()) return "name:" + lower(sdiag::text::collapse_whitespace(name));
  if (!p.role.empty()) return "role:" + lower(p.role);
  return "team:" + lower(p.team);
}

}  // namespace

JoinResult join(const std::vector<Mention>& mentions) {
  JoinResult out;
  // Every full name any source gives: a short form is read against all of them.
  // "Fiona McB" looks full but is a short form when "Fiona McBride" is there too.
  std::vector<std::string> written_full, full_names;
  for (const auto& m : mentions)
    if (is_full_name(m.person.name)) add_once(written_full, sdiag::text::collapse_whitespace(m.person.name));
  auto shortened = [&](const std::string& name) {
    for (const auto& other : written_full)
      if (lower(other) != lower(name) && other.size() > name.size() && can_stand_for(name, other)) return true;
    return false;
  };
  for (const auto& f : written_full)
    if (!shortened(f)) full_names.push_back(f);

  std::vector<Entry> entries;
  std::map<std::string, std::size_t> by_key;
  std::set<std::string> told;
  for (const auto& m : mentions) {
    std::string name = sdiag::text::collapse_whitespace(m.person.name), written_short;
    if (!name.empty() && (!is_full_name(name) || shortened(name))) {
      std::vector<std::string> fits;
      for (const auto& f : full_names)
        if (can_stand_for(name, f)) fits.push_back(f);
      if (fits.size() == 1) {
        written_short = name;
        name = fits.front();
        if (told.insert(lower(written_short) + "|" + lower(name)).second)
          out.joined.push_back("'" + written_short + "' (" + m.where + ") is " + name);
      } else if (fits.size() > 1 && told.insert("?" + lower(name)).second) {
        std::string list;
        for (std::size_t i = 0; i < fits.size(); ++i) list += (i ? (i + 1 == fits.size() ? " or " : ", ") : "") + fits[i];
        out.doubts.push_back("'" + name + "' (" + m.where + ") could be " + list +
                             "; kept apart. Write the full name on the board to join them");
      }
    }
    if (name.empty() && m.person.role.empty() && m.person.team.empty()) continue;
    auto key = key_of(name, m.person);
    auto [it, fresh] = by_key.emplace(key, entries.size());
    if (fresh) {
      Entry e;
      e.person = m.person;
      e.person.name = name;
      e.person.short_forms.clear();
      e.person.extra.clear();
      if (e.person.id.empty())
        e.person.id = !m.note_id.empty() ? "p-" + m.note_id : "p-" + std::to_string(entries.size() + 1);
      if (!m.note_id.empty()) e.person.extra["note_id"] = sdiag::extra_json(m.note_id);
      entries.push_back(std::move(e));
    } else if (m.kind != Mention::Kind::author && m.kind != Mention::Kind::member) {
      const auto& e = entries[it->second];
      out.joined.push_back((name.empty() ? "'" + m.person.role + "'" : name) + " (" + m.where + ") joined with the " +
                           (e.sources.empty() ? std::string("same person") : e.sources.front()) + " of the same name");
    }
    Entry& e = entries[it->second];
    auto& p = e.person;
    for (const auto& [k, v] : m.person.extra)
      if (k != "source" && k != "wrote") p.extra.emplace(k, v);
    if (p.role.empty()) p.role = m.person.role;
    if (p.team.empty()) p.team = m.person.team;
    if (p.business_area.empty()) p.business_area = m.person.business_area;
    for (const auto& s : m.person.sections) add_once(p.sections, s);
    for (const auto& s : m.person.short_forms) add_once(e.person.short_forms, s);
    if (!written_short.empty()) add_once(p.short_forms, written_short);
    // A person this analysis joined before keeps the sources it found then.
    auto earlier = m.kind == Mention::Kind::listed ? m.person.extra.find("sources") : m.person.extra.end();
    if (earlier != m.person.extra.end()) {
      auto list = nlohmann::json::parse(earlier->second, nullptr, false);
      if (list.is_array())
        for (const auto& s : list)
          if (s.is_string()) add_once(e.sources, s.get<std::string>());
    } else {
      add_once(e.sources, kind_name(m.kind));
    }
    e.said_absent = e.said_absent || m.said_absent;
    if (m.kind == Mention::Kind::listed && !m.person.present) e.listed_absent = true;
    if (m.kind != Mention::Kind::member) e.member_only = false;
    if (m.kind != Mention::Kind::author) e.author_only = false;
    if (m.kind == Mention::Kind::member) {
      e.wrote = e.wrote || m.wrote;
      e.board_owner = e.board_owner || m.board_owner;
    }
    bool evidence = m.kind == Mention::Kind::author || (m.kind == Mention::Kind::member && m.wrote) ||
                    (m.kind != Mention::Kind::member && !m.said_absent && (m.kind != Mention::Kind::listed || m.person.present));
    e.present_evidence = e.present_evidence || evidence;
  }

  // Short forms: those written, and the derived ones that fit nobody else.
  for (auto& e : entries) {
    auto& p = e.person;
    if (!is_full_name(p.name)) continue;
    for (const auto& s : derived_short_forms(p.name)) {
      std::size_t fits = 0;
      for (const auto& f : full_names) fits += can_stand_for(s, f) ? 1 : 0;
      if (fits == 1) add_once(p.short_forms, s);
    }
    std::vector<std::string> forms;
    for (const auto& s : p.short_forms)
      if (lower(s) != lower(p.name)) forms.push_back(s);
    p.short_forms = forms;
  }

  std::vector<sdiag::Person> members_last;
  for (auto& e : entries) {
    auto& p = e.person;
    if (e.member_only && !e.wrote && e.board_owner) {
      out.dropped.push_back(p.name);
      continue;
    }
    if (e.member_only && !e.wrote) out.invited.push_back(p.name);  // shared the board, wrote nothing: not there
    if (e.author_only) {
      out.authors_only.push_back(p.name);
      continue;
    }
    bool absent = e.said_absent || e.listed_absent;
    if (absent && std::find(e.sources.begin(), e.sources.end(), "note author") != e.sources.end())
      out.doubts.push_back(p.name + " sent apologies but wrote notes on the board; recorded as not present. Correct it if they came");
    p.present = !absent && e.present_evidence;
    if (!absent && !e.present_evidence) p.present = false;
    p.extra["sources"] = sdiag::extra_json(e.sources);
    (e.member_only ? members_last : out.people).push_back(std::move(p));
  }
  for (auto& p : members_last) out.people.push_back(std::move(p));
  return out;
}

}  // namespace sdiag::people
