// Unit tests of the due-date and owner rules.
#include <doctest/doctest.h>

#include "due_date.hpp"
#include "owner.hpp"

using namespace sdiag::actions;
using namespace std::chrono;

namespace {

const Date workshop{year{2026}, February, day{10}};  // a Tuesday

std::string due(const std::string& text, DueOptions o = {}) { return find_due(text, workshop, o).iso; }

std::vector<sdiag::Person> people() {
  std::vector<sdiag::Person> p(4);
  p[0].name = "Priya Shah";
  p[0].role = "Performance and Insight Manager";
  p[1].name = "Tom Bell";
  p[1].role = "Senior Analyst";
  p[2].role = "Head of IT";
  p[2].team = "Corporate IT";
  p[3].name = "Jo Adams";
  p[3].role = "Facilitator";
  return p;
}

}  // namespace

TEST_CASE("due dates in the forms people write") {
  CHECK(due("Priya to draft the measures by end of March") == "2026-03-31");
  CHECK(find_due("Priya to draft the measures by end of March", workshop).text == "by end of March");
  CHECK(due("agree a route by 30/04/2026") == "2026-04-30");
  CHECK(due("agree a route by 3/4/26") == "2026-04-03");  // UK order: 3 April
  CHECK(due("Set up alerting w/c 16 Feb") == "2026-02-20");  // the Friday of that week
  CHECK(due("document it in Q2") == "2026-09-30");          // financial Q2: July-September
  CHECK(due("document it in Q2", {.financial_quarters = false}) == "2026-06-30");
  CHECK(due("session for social workers ASAP", {.asap_days = 14}) == "2026-02-24");
  CHECK(due("session for social workers ASAP") == "");  // by default: words, no date
  CHECK(due("pilot the dashboard next month") == "2026-03-31");
  CHECK(due("train staff before the summer") == "2026-05-31");
  CHECK(due("by 2026-05-01") == "2026-05-01");
  CHECK(due("by 5th June") == "2026-06-05");
  CHECK(due("due January") == "2027-01-31");  // the next January after the workshop
  CHECK(due("in two weeks") == "2026-02-24");
  CHECK(due("by end of the financial year") == "2026-03-31");
  CHECK(due("next week") == "2026-02-20");
  CHECK(due("A fortnight today") == "2026-02-24");
  CHECK(due("lorna to write up + circulate by fri") == "2026-02-13");  // the workshop was a Tuesday
  CHECK(due("send it on Tuesday") == "2026-02-17");                  // a week on, not the day itself
  CHECK(due("by next thurs") == "2026-02-19");
  CHECK(due("ask the supplier re cost \xE2\x80\x93 nxt wk") == "2026-02-20");
  CHECK(due("trial a DQ clinic by Easter") == "2026-04-03");         // Good Friday 2026
  CHECK(find_due("by Easter", Date{year{2026}, May, day{1}}).iso == "2027-03-26");
  CHECK(due("price it up by xmas") == "2026-12-24");
  CHECK(due("the frida kahlo exhibition") == "");
  CHECK(due("within two fortnights") == "2026-03-10");
  CHECK(due("report back by half term") == "2026-02-20");      // the Friday before February's half term
  CHECK(due("by May half term") == "2026-05-22");              // the Friday before the late-May bank holiday week
  CHECK(due("before the October half-term") == "2026-10-23");  // the Friday before the last week of October
  CHECK(due("by feb half term") == "2026-02-20");
  CHECK(find_due("by feb half term", Date{year{2026}, March, day{2}}).iso == "2027-02-19");  // passed: the next one
  CHECK(due("Q3 (Oct\xE2\x80\x93" "Dec)") == "2026-12-31");
  CHECK(due("Q4 2026/27 (Jan-Mar)") == "2027-03-31");
  // A past month named first does not hide the due date after it.
  CHECK(due("Agency staff since January 2025. End of Aug.") == "2026-08-31");
  CHECK(due("since January 2025") == "2025-01-31");  // only a past month: kept, and flagged later
}

TEST_CASE("words that are not a date keep their words, with no date") {
  auto d = find_due("review the process - ongoing", workshop);
  CHECK(d.iso.empty());
  CHECK(d.text == "ongoing");
  CHECK_FALSE(d.doubt.empty());
  auto none = find_due("Arrange a session for social workers", workshop);
  CHECK(none.iso.empty());
  CHECK(none.text.empty());
  CHECK(find_due("we may need to", workshop).text.empty());  // "may" the verb
  CHECK(find_due("by 31/02/2026", workshop).iso.empty());    // no such day
  CHECK(find_due("🙂🙂", workshop).text.empty());
}

TEST_CASE("guesses say so") {
  CHECK_FALSE(find_due("in Q2", workshop).doubt.empty());
  CHECK_FALSE(find_due("ASAP", workshop).doubt.empty());
  CHECK(find_due("by 30/04/2026", workshop).doubt.empty());
}

TEST_CASE("owners from the forms people write, unified with the people list") {
  auto p = people();
  CHECK(find_owner("Priya to draft the list of leadership measures", p).name == "Priya Shah");
  CHECK(find_owner("Owner: Head of IT - agree a fast route", p).name == "Head of IT");
  CHECK(find_owner("Set up alerting on the load failure (IT) w/c 16 Feb", p).name == "Head of IT");
  CHECK(find_owner("Tom to document the 903 return", p).name == "Tom Bell");
  CHECK(find_owner("Team managers to pilot the dashboard", p).name == "Team managers");
  CHECK_FALSE(find_owner("Team managers to pilot the dashboard", p).known);
  CHECK(find_owner("Write the guide - TB", p).name == "Tom Bell");
  CHECK(find_owner("Draft terms of reference (PS)", p).name == "Priya Shah");
  CHECK(find_owner("Ask Jo about the ChAT", p).name == "Jo Adams");
  CHECK(find_owner("Arrange a lunchtime session on recording", p).name.empty());
  CHECK(find_owner("", p).name.empty());
}

TEST_CASE("owners written short resolve through the people's short forms") {
  std::vector<sdiag::Person> p = {
      sdiag::Person{.id = "p1", .name = "Kwame Asante", .role = "Head of Fostering", .short_forms = {"KA", "Kwame", "Kwame A"}},
      sdiag::Person{.id = "p2", .name = "Savitri Nair", .role = "Senior Analyst", .short_forms = {"Sav", "SN", "Savitri"}},
      sdiag::Person{.id = "p3", .name = "Farah Iqbal", .role = "MIS admin", .short_forms = {"FI", "Farah", "Farah I"}},
      sdiag::Person{.id = "p4", .name = "Owen Tait", .team = "ICT", .short_forms = {"OT", "Owen", "Owen T"}}};
  CHECK(find_owner("Update the returns guide (SN)", p).name == "Savitri Nair");
  CHECK(find_owner("KA to agree the placement codes", p).name == "Kwame Asante");
  CHECK(find_owner("Farah: fix the MIS picklists by May", p).name == "Farah Iqbal");
  CHECK(find_owner("Kwame A – chase the panel minutes", p).name == "Kwame Asante");
  CHECK(find_owner("Pilot a weekly extract for the ICB. Farah I", p).name == "Farah Iqbal");
  CHECK(find_owner("Agree the new schedule with schools @Farah", p).name == "Farah Iqbal");
  CHECK(find_owner("Who: Sav\nWhat: document the pack", p).name == "Savitri Nair");
  CHECK(find_owner("Who: Sav (D&I)\nWhat: document the pack", p).name == "Savitri Nair");
  CHECK(find_owner("FARAH to chase the supplier", p).name == "Farah Iqbal");
  CHECK(find_owner("Count the open cases\nLead – Head of Fostering\nby June", p).name == "Kwame Asante");
  CHECK(find_owner("Who: Owen and Farah\nWhat: move the reports", p).name == "Owen Tait; Farah Iqbal");
  CHECK(find_owner("KA & SN – agree the definitions", p).name == "Kwame Asante; Savitri Nair");
  CHECK(find_owner("OWEN + FARAH: MOVE THE REPORTS", p).name == "Owen Tait; Farah Iqbal");
  CHECK(find_owner("Fostering team – tidy the carer records", p).name == "Fostering team");
  CHECK(find_owner("Data quality: agree the picklists", p).name.empty());  // a topic, not an owner
  CHECK(find_owner("Farah: " + std::string(60000, 'x'), p).name == "Farah Iqbal");
  CHECK(find_owner(std::string(60000, 'x'), p).name.empty());
  CHECK(find_owner("Lead - " + std::string(60000, 'x'), p).name.empty() == false);
}

TEST_CASE("a name the note leads with but nobody has is reported, not guessed") {
  auto p = people();
  auto helen = find_owner("Helen to document Annex A in Q4", p);
  CHECK(helen.name.empty());  // not made an owner: "X to" also starts sentences
  CHECK(helen.unmatched == "Helen");
  CHECK(find_owner("Sam Patel to chase the SSDA903 fix", p).unmatched == "Sam Patel");
  CHECK(find_owner("Priya to draft the measures", p).unmatched.empty());  // found: nothing to report
  CHECK(find_owner("Arrange a lunchtime session on recording", p).unmatched.empty());
  CHECK(find_owner("We need to talk to the BI team", p).unmatched.empty());  // two words, not both capitalised
}

TEST_CASE("notes as long as a note may be (64 KiB) are read without exhausting the stack") {
  std::string by_by;
  for (int i = 0; i < 20000; ++i) by_by += "by ";
  CHECK(due(by_by + "March") == "2026-03-31");
  CHECK(due("end of " + std::string(65000, ' ') + "March").empty() == false);
  CHECK(due(std::string(60000, 'x') + " by 30/04/2026") == "2026-04-30");
  CHECK(due(std::string(60000, ' ')).empty());
  std::string tos;
  for (int i = 0; i < 15000; ++i) tos += "Tom to ";
  CHECK(find_owner(tos, people()).name == "Tom Bell");
}
