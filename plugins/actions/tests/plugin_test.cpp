// The actions plugin through the real shared library: golden sample and odd input.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <sdiag/json.hpp>
#include <sdiag/testing.hpp>

namespace {

sdiag::Diagnostic castlebrook() {
  std::ifstream in(std::string(SDIAG_TEST_SOURCE_DIR) + "/samples/castlebrook/diagnostic.json");
  std::stringstream s;
  s << in.rdbuf();
  std::vector<sdiag::Finding> w;
  return sdiag::diagnostic_from_json(s.str(), w);
}

const sdiag::Action* action_of(const sdiag::Diagnostic& d, const std::string& note) {
  for (const auto& a : d.actions)
    if (a.note_id == note) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("golden: the Castlebrook sample's actions") {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/actions.so");
  auto d = h.analyse(castlebrook());
  REQUIRE(d.actions.size() == 6);
  struct Want {
    const char *note, *owner, *due, *due_text;
  };
  for (auto w : {Want{"n054", "Priya Shah", "2026-03-31", "by end of March"},
                 Want{"n055", "Head of IT", "2026-04-30", "by 30/04/2026"},
                 Want{"n056", "Head of IT", "2026-02-20", "w/c 16 Feb"},
                 Want{"n057", "Tom Bell", "2026-09-30", "in Q2"},
                 Want{"n058", "Team managers", "2026-03-31", "next month"},
                 Want{"n059", "", "", "ASAP"}}) {
    INFO(w.note);
    const auto* a = action_of(d, w.note);
    REQUIRE(a);
    CHECK(a->id == "A" + std::to_string(std::stoi(std::string(w.note).substr(1)) - 53));  // n054 -> A1
    CHECK(a->owner == w.owner);
    CHECK(a->due == w.due);
    CHECK(a->due_text == w.due_text);
    CHECK(a->status == "not started");
  }
  // Unsure things are findings: no owner on n059, Q2 and ASAP are readings.
  int warnings = 0;
  for (const auto& f : h.findings()) warnings += f.severity == sdiag::Severity::warning;
  CHECK(warnings == 1);
}

TEST_CASE("the title leaves the owner line out; the text stays whole; asap-days gives ASAP a date") {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/actions.so");
  auto d = h.analyse(castlebrook());
  const auto* it = action_of(d, "n055");
  REQUIRE(it);
  CHECK(it->text == "Owner: Head of IT - agree a fast route for Liquidlogic report changes by 30/04/2026");
  REQUIRE(it->extra.count("title"));
  CHECK(it->extra.at("title") == "\"Agree a fast route for Liquidlogic report changes by 30/04/2026\"");
  CHECK(action_of(d, "n054")->extra.count("title") == 0);  // a sentence: its own title

  sdiag::testing::Harness dated(std::string(SDIAG_TEST_PLUGIN_DIR) + "/actions.so");
  dated.set("asap-days", "14");
  auto with_date = dated.analyse(castlebrook());
  CHECK(action_of(with_date, "n059")->due == "2026-02-24");
}

TEST_CASE("a re-run keeps edited actions and cards are not duplicated") {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/actions.so");
  auto d = castlebrook();
  sdiag::Action card;
  card.id = "card-1";
  card.text = "Tom to document the 903 return build process in Q2";  // the same words as n057
  sdiag::Action edited;
  edited.id = "A7";
  edited.note_id = "n054";
  edited.text = "Priya to draft the list";
  edited.owner = "Helen Ward";
  edited.due = "2026-04-15";
  edited.status = "in progress";
  d.actions = {card, edited};
  auto out = h.analyse(d);
  CHECK(out.actions.size() == 6);
  CHECK(out.actions[0].owner == "Tom Bell");  // the card got its owner and date
  CHECK(out.actions[0].due == "2026-09-30");
  CHECK(out.actions[0].id == "A8");  // the card gets the next plan id; A7 is kept
  CHECK(out.actions[1] == edited);
  auto again = h.analyse(out);
  CHECK(again.actions == out.actions);
}

TEST_CASE("odd input: no date on the diagnostic, empty and emoji notes") {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/actions.so");
  sdiag::Diagnostic d;
  CHECK(h.analyse(d).actions.empty());
  sdiag::Note a, b;
  a.id = "x1";
  a.section = "actions";
  a.text = "";
  b.id = "x2";
  b.section = "actions";
  b.text = "🙂 fix it next week";
  d.notes = {a, b};
  auto out = h.analyse(d);
  REQUIRE(out.actions.size() == 1);
  CHECK(out.actions[0].due_text == "next week");
  CHECK_FALSE(out.actions[0].due.empty());  // resolved against SOURCE_DATE_EPOCH
}

TEST_CASE("actions are linked to the theme they work on, by shared words") {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/actions.so");
  auto d = castlebrook();
  d.themes = {sdiag::Theme{.id = "t-load", .label = "warehouse load", .keywords = {"data warehouse", "load", "fails"}},
              sdiag::Theme{.id = "t-903", .label = "903", .keywords = {"SSDA903", "return", "knowledge"}},
              sdiag::Theme{.id = "t-bi", .label = "Power BI", .keywords = {"Excel", "Power BI", "team"}}};
  auto out = h.analyse(d);
  auto theme_of = [&](const char* note) {
    const auto* a = action_of(out, note);
    return a && !a->theme_ids.empty() ? a->theme_ids[0] : std::string("-");
  };
  CHECK(theme_of("n056") == "t-load");  // "alerting on the warehouse load failure"
  CHECK(theme_of("n057") == "t-903");   // "document the 903 return build"
  CHECK(theme_of("n058") == "t-bi");    // "pilot the Power BI team dashboard"
  CHECK(theme_of("n054") == "-");       // "the list of leadership measures": no theme named
  REQUIRE(action_of(out, "n054"));
  CHECK(action_of(out, "n054")->goal_ids.empty());
  CHECK(action_of(out, "n058")->goal_ids == std::vector<std::string>{"g2"});  // "Power BI" scorecard goal
}
