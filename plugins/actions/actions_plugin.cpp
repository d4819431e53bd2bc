// The actions analysis: every note of the actions section, and every action
// card already read, becomes an owned, dated action. Never drops one.
#include <algorithm>
#include <set>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/london.hpp>
#include <sdiag/extra_json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "action_title.hpp"
#include "due_date.hpp"
#include "owner.hpp"
#include "theme_links.hpp"

namespace {

using namespace sdiag;
using namespace sdiag::actions;

/// Action::extra: the action without its owner and date lines (action_title.hpp).
constexpr const char* title_key = "title";

std::string key_of(const std::string& s) { return text::lower(text::collapse_whitespace(s)); }

/// The number of a plan id ("A12" -> 12), 0 when the id is not one.
long plan_number(const std::string& id) {
  if (id.size() < 2 || id.size() > 9 || (id[0] != 'A' && id[0] != 'a')) return 0;
  if (!std::all_of(id.begin() + 1, id.end(), [](unsigned char c) { return c >= '0' && c <= '9'; })) return 0;
  return std::stol(id.substr(1));
}

/// Gives every action a short id people can say and type ("A7"), in order.
/// Ids already of that form are kept, so a re-run of an edited diagnostic
/// (and the action plan that carries the ids) still matches row for row.
void assign_plan_ids(std::vector<Action>& actions) {
  long last = 0;
  for (const auto& a : actions) last = std::max(last, plan_number(a.id));
  std::set<std::string> seen;
  for (auto& a : actions)
    if (plan_number(a.id) == 0 || !seen.insert(a.id).second) a.id = "A" + std::to_string(++last);
}

class Actions : public Analysis, public WarmUp {
 public:
  // Compiling a std::regex costs far more than matching it: reading one
  // phrase of each form compiles the due-date and owner patterns early.
  void warm_up() override {
    static const char* const phrases[] = {
        "by 2026-03-31", "w/c 3 March", "by 3/4", "3rd March", "March 3", "end of March", "by Q3",
        "asap", "by next week", "end of the month", "in two weeks", "tomorrow", "by Christmas", "ongoing",
        "Owner: Sam Lee", "Sam to agree it (SL) - JB"};
    const std::vector<Person> none;
    const PeopleIndex nobody(none);
    for (const char* phrase : phrases) {
      find_due(phrase, Date{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}});
      find_owner(phrase, nobody);
    }
  }

  void analyse(Diagnostic& d, Context& ctx) override {
    auto workshop = dates::parse_iso(d.meta.date);
    Date ref = workshop ? *workshop : dates::london_date(ctx.now());
    std::string ref_note;
    if (!workshop) {
      ref_note = "the workshop date is not known (meta.date); due dates are read from " + dates::iso(ref);
      ctx.finding(Severity::warning, "", "meta.date", ref_note);
    }
    DueOptions due_options;
    due_options.financial_quarters = ctx.options().str("quarters") == "financial";
    due_options.asap_days = static_cast<int>(ctx.options().integer("asap-days"));
    std::string section = ctx.options().str("section");
    const PeopleIndex people(d.people);  // d.people is not changed below

    // Existing actions (cards, or a re-run): keep them and their edits, fill what is empty.
    std::set<std::string> from_notes, texts, ids;
    for (auto& a : d.actions) {
      if (!a.note_id.empty()) from_notes.insert(a.note_id);
      texts.insert(key_of(a.text));
      ids.insert(a.id);
      complete(a, people, ref, due_options, ctx, a.id);
    }
    for (const auto& n : d.notes) {
      if (n.section != section || from_notes.count(n.id)) continue;
      if (text::trim(n.text).empty()) {
        ctx.finding(Severity::warning, n.source.file, n.id, "action note has no text; no action made from it");
        continue;
      }
      if (texts.count(key_of(n.text))) {
        ctx.finding(Severity::info, n.source.file, n.id, "already an action (a card with the same words); not added twice");
        continue;
      }
      Action a;
      a.text = n.text;
      a.note_id = n.id;
      a.source = n.source;
      a.status = "not started";
      if (!n.duplicate_of.empty())
        ctx.finding(Severity::info, n.source.file, n.id, "repeats note " + n.duplicate_of + "; kept as its own action");
      complete(a, people, ref, due_options, ctx, n.id);
      texts.insert(key_of(a.text));
      d.actions.push_back(std::move(a));
    }
    assign_plan_ids(d.actions);
    link_themes_and_goals(d, ctx);
  }

 private:
  // Only actions with no links yet: a facilitator's own links are kept.
  static void link_themes_and_goals(Diagnostic& d, Context& ctx) {
    for (auto& a : d.actions) {
      if (a.theme_ids.empty()) {
        auto theme = best_theme(a.text, d.themes);
        if (!theme.empty()) {
          a.theme_ids.push_back(theme);
          ctx.finding(Severity::info, a.source.file, a.id, "linked to theme " + theme + " by the words it shares");
        }
      }
      if (a.goal_ids.empty()) a.goal_ids = matching_goals(a.text, d.goals);
    }
  }

  static void complete(Action& a, const PeopleIndex& people, Date ref, const DueOptions& o, Context& ctx,
                       const std::string& where) {
    if (a.status.empty()) a.status = "not started";
    // The model has no field for the title: it goes in extra["title"] (JSON
    // text), and only when it differs from the note, whose text stays whole.
    Owner owner = find_owner(a.text, people);
    if (!a.extra.count(title_key))
      if (auto title = action_title(a.text, owner); title != a.text) a.extra[title_key] = extra_json(title);
    if (a.owner.empty()) {
      a.owner = owner.name;
      if (owner.rule == "not agreed")
        ctx.finding(Severity::warning, a.source.file, where,
                    "no owner agreed yet in '" + a.text + "': agree one before the plan is circulated");
      else if (owner.name.empty() && !owner.unmatched.empty())
        ctx.finding(Severity::warning, a.source.file, where,
                    "no owner recognised in '" + a.text + "': if " + owner.unmatched +
                        " is the owner, add them to the contributors or write 'Owner: " + owner.unmatched + "'");
      else if (owner.name.empty())
        ctx.finding(Severity::warning, a.source.file, where, "no owner named in '" + a.text + "'");
      else if (!owner.known)
        ctx.finding(Severity::info, a.source.file, where,
                    "owner '" + owner.name + "' (from " + owner.rule + ") is not in the people list");
      else if (owner.rule == "name in the text")
        ctx.finding(Severity::info, a.source.file, where,
                    "owner guessed as " + owner.name + ": named in the text, not as the owner");
    }
    if (a.due.empty() && a.due_text.empty()) {
      Due due = find_due(a.text, ref, o);
      a.due = due.iso;
      a.due_text = due.text;
      if (due.text.empty())
        ctx.finding(Severity::warning, a.source.file, where, "no due date in '" + a.text + "'");
      else if (!due.doubt.empty())
        ctx.finding(Severity::info, a.source.file, where, "due date: " + due.doubt);
      if (!a.due.empty() && a.due < dates::iso(ref))
        ctx.finding(Severity::warning, a.source.file, where, "due " + a.due + " is before the workshop (" + dates::iso(ref) + ")");
    }
  }
};

}  // namespace

SDIAG_PLUGIN(Actions, .name = "actions", .kinds = {sdiag::Kind::analysis}, .version = "1.0.0",
             .summary = "Turns action notes and cards into actions with an owner, a due date and a status",
             .options = {
                 {"section", sdiag::OptionType::string, "actions", "Section whose notes are actions"},
                 {"quarters", sdiag::OptionType::string, "financial", "How to read Q1-Q4",
                  {"financial", "calendar"}},
                 {"asap-days", sdiag::OptionType::integer, "0",
                  "Days after the workshop that 'ASAP' means; 0 keeps 'ASAP' as words, with no date"},
             })
