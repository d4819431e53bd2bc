// people: one person per human, joined from every source that names them: a
// people list already in the diagnostic (write-up, form, contributors
// table), the who-was-there notes, the key-people notes that read "Name –
// role", the board's members and the authors of notes. The report's
// Contributors table and the owners of actions are read from the result.
#include <algorithm>
#include <set>

#include <sdiag/extra_json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "join.hpp"
#include "person_note.hpp"

namespace {

using sdiag::people::Mention;

std::string quoted(const std::string& s) {
  auto line = s.substr(0, s.find('\n'));
  return "'" + (line.size() > 50 ? line.substr(0, 47) + "..." : line) + "'";
}

bool is_member(const sdiag::Person& p) {
  auto it = p.extra.find("source");
  return it != p.extra.end() && it->second == sdiag::extra_json("board member");
}

std::string join_words(const std::vector<std::string>& v, std::size_t most) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < most; ++i) s += (i ? "; " : "") + v[i];
  if (v.size() > most) s += "; and " + std::to_string(v.size() - most) + " more";
  return s;
}

class People : public sdiag::Analysis {
 public:
  void analyse(sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    const auto sections = ctx.options().list("section");
    const auto key_people = ctx.options().str("key-people-section");
    std::vector<Mention> mentions;
    for (const auto& p : d.people)
      if (!is_member(p)) mentions.push_back(Mention{Mention::Kind::listed, p, !p.present, false, false, "the people list", ""});
    std::size_t from_notes = 0;
    // Who-was-there notes first: a role said there wins over one said among the key people.
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& n : d.notes) {
        if (!n.duplicate_of.empty()) continue;
        bool who = std::find(sections.begin(), sections.end(), n.section) != sections.end();
        if (who != (pass == 0) || (!who && n.section != key_people)) continue;
        auto parsed = who ? sdiag::people::parse_person_note(n.text) : sdiag::people::parse_key_person_note(n.text);
        if (!parsed) continue;
        Mention m{who ? Mention::Kind::note : Mention::Kind::key_people_note, {}, parsed->said_absent, false, false,
                  "the note " + quoted(n.text), n.id};
        m.person.name = parsed->name;
        m.person.role = parsed->role;
        m.person.team = parsed->team;
        // "Maria" under the prompt "DCS": the prompt is the role only when the note gives no role or team.
        if (m.person.role.empty() && m.person.team.empty() && !n.prompt.empty() && who)
          if (const auto* s = d.tmpl.find_section(n.section))
            if (const auto* pr = s->find_prompt(n.prompt)) m.person.role = pr->title;
        mentions.push_back(std::move(m));
        ++from_notes;
      }
    }
    for (const auto& p : d.people)
      if (is_member(p)) {
        auto wrote = p.extra.find("wrote");
        auto role = p.extra.find("board_role");
        // Without a board role, a member who wrote nothing is taken for an owner who never came.
        bool owner = role == p.extra.end() || role->second == sdiag::extra_json("owner") ||
                     role->second == sdiag::extra_json("coowner");
        mentions.push_back(Mention{Mention::Kind::member, p, false, wrote != p.extra.end() && wrote->second == "true",
                                   owner, "a board member", ""});
      }
    std::set<std::string> authors;
    for (const auto& n : d.notes)
      if (!n.author.empty() && sdiag::people::looks_like_name(n.author) && authors.insert(n.author).second) {
        Mention m{Mention::Kind::author, {}, false, false, false, "the author of " + quoted(n.text), ""};
        m.person.name = n.author;
        mentions.push_back(std::move(m));
      }

    auto result = sdiag::people::join(mentions);
    if (!result.joined.empty())
      ctx.finding(sdiag::Severity::info, "", "people", "joined: " + join_words(result.joined, 20));
    for (const auto& doubt : result.doubts) ctx.finding(sdiag::Severity::warning, "", "people", doubt);
    if (!result.dropped.empty())
      ctx.finding(sdiag::Severity::info, "", "people",
                  "board owners who wrote nothing and are named nowhere else are left out of the contributors: " +
                      join_words(result.dropped, 20) + ". Add them to the who-was-there notes if they took part");
    if (!result.invited.empty())
      ctx.finding(sdiag::Severity::info, "", "people",
                  "board members who wrote nothing and are named nowhere else are recorded as invited but not present: " +
                      join_words(result.invited, 20) + ". Add them to the who-was-there notes if they took part");
    if (!result.authors_only.empty())
      ctx.finding(sdiag::Severity::info, "", "people",
                  "note authors named nowhere else are not listed as contributors: " + join_words(result.authors_only, 20) +
                      ". Add them to the who-was-there notes or a contributors table if they took part");
    std::size_t present = 0;
    for (const auto& p : result.people) present += p.present ? 1 : 0;
    if (!result.people.empty())
      ctx.finding(sdiag::Severity::info, "", "people",
                  std::to_string(result.people.size()) + " people (" + std::to_string(present) + " present), from " +
                      std::to_string(from_notes) + " notes naming people, the board's members, note authors and any people list; "
                      "check names, roles and who was present in diagnostic.json");
    d.people = std::move(result.people);
  }
};

}  // namespace

SDIAG_PLUGIN(People, .name = "people", .kinds = {sdiag::Kind::analysis}, .version = "1.1.0",
             .summary = "One person per human, joined from who-was-there and key-people notes, board members, note authors and people lists",
             .options = {{"section", sdiag::OptionType::list, "involvement",
                          "Sections whose notes say who was there (comma-separated)"},
                         {"key-people-section", sdiag::OptionType::string, "relationships",
                          "Section whose 'Name – role' notes also name people"}})
