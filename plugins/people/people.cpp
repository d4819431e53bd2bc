// people: contributors named on the board's "Who needs to be involved"
// section become people, so the report's Contributors table is filled even
// when nobody typed up a list.
#include <set>

#include <sdiag/extra_json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "involvement_parser.hpp"

namespace {

class People : public sdiag::Analysis {
 public:
  void analyse(sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    const auto section = ctx.options().str("section");
    std::set<std::string> known;
    for (const auto& p : d.people) known.insert(sdiag::text::lower(p.name.empty() ? p.role : p.name));
    std::size_t added = 0;
    for (const auto& n : d.notes) {
      if (n.section != section || !n.duplicate_of.empty()) continue;
      auto parsed = sdiag::people::parse_involvement_note(n.text);
      if (!parsed) continue;
      auto key = sdiag::text::lower(parsed->name.empty() ? parsed->role : parsed->name);
      if (!known.insert(key).second) continue;  // already listed by another source
      sdiag::Person person;
      person.id = "p-" + n.id;
      person.name = parsed->name;
      person.role = parsed->role;
      person.present = parsed->present;
      person.extra["note_id"] = sdiag::extra_json(n.id);
      if (person.role.empty() && !n.prompt.empty())
        if (const auto* s = d.tmpl.find_section(section))
          for (const auto& pr : s->prompts)
            if (pr.id == n.prompt) person.role = pr.title;
      d.people.push_back(std::move(person));
      ++added;
    }
    if (added)
      ctx.finding(sdiag::Severity::info, "", "",
                  std::to_string(added) + " contributors were read from the notes of '" + section +
                      "'; check names, roles and who was present in diagnostic.json");
  }
};

}  // namespace

SDIAG_PLUGIN(People, .name = "people", .kinds = {sdiag::Kind::analysis}, .version = "1.0.0",
             .summary = "Contributors named in the 'Who needs to be involved' notes become people",
             .options = {{"section", sdiag::OptionType::string, "involvement",
                          "Section whose notes name the contributors"}})
