// Action notes as other facilitators write them (lower case, abbreviations,
// emoji, Who/What/When cards, dashes), against a made-up people list: the
// owner and the due date each should get. No board is read.
#include <doctest/doctest.h>

#include "due_date.hpp"
#include "owner.hpp"

using namespace sdiag::actions;
using namespace std::chrono;

namespace {

const Date workshop{year{2026}, June, day{11}};  // a Thursday

std::vector<sdiag::Person> people() {
  auto person = [](const char* name, const char* role, const char* team, std::vector<std::string> short_forms) {
    return sdiag::Person{.name = name, .role = role, .team = team, .short_forms = std::move(short_forms)};
  };
  return {person("Aisha Khan", "Head of Performance", "", {"AK", "Aisha", "Aisha K"}),
          person("Ben O'Neill", "BI Developer", "", {"BO", "Ben", "Ben O"}),
          person("Carys Lloyd", "Service Manager, Safeguarding", "", {"CL", "Carys", "Carys L"}),
          person("Dev Mistry", "Data Quality Officer", "", {"DM", "Dev", "Dev M"}),
          person("Eleri Jones", "Facilitator", "", {"EJ", "Eleri", "Eleri J"}),
          person("Fran Doherty", "Principal Social Worker", "", {"FD", "Fran", "Fran D"}),
          person("Gus Fenwick", "IT Business Partner", "ICT", {"GF", "Gus", "Gus F"}),
          person("Hina Rauf", "Head of Quality Assurance", "", {"HR", "Hina", "Hina R"})};
}

struct Case {
  const char* text;
  const char* owner;  ///< as the plan shows it; "" for none agreed
  const char* due;    ///< ISO date; "" when the words are not a date (or there are none)
};

const Case cases[] = {
    {"AK to chase the supplier re duplicate IDs by 3/7", "Aisha Khan", "2026-07-03"},
    {"aisha k \xE2\x80\x93 sign off the KPI list \xE2\x80\x93 end of july", "Aisha Khan", "2026-07-31"},
    {"Ben: rebuild the caseload report in power bi \xF0\x9F\x93\x8A by end of Aug", "Ben O'Neill", "2026-08-31"},
    {"rebuild caseload rpt \xE2\x80\x93 BO \xE2\x80\x93 w/c 6 July", "Ben O'Neill", "2026-07-10"},
    {"Publish a data quality scorecard\nOwner: Head of Performance \xE2\x80\x93 30/09/2026", "Aisha Khan", "2026-09-30"},
    {"Who: Carys\nWhat: agree what counts as a re-referral\nWhen: TBC", "Carys Lloyd", ""},
    {"carys + dev: agree re-referral rules \xE2\x9A\xA0 by 17/7", "Carys Lloyd; Dev Mistry", "2026-07-17"},
    {"DQ clinic for team managers \xE2\x80\x93 Dev M \xE2\x80\x93 asap", "Dev Mistry", ""},
    {"Share the write-up with everyone \xE2\x80\x93 facilitator \xE2\x80\x93 fri", "Eleri Jones", "2026-06-12"},
    {"book the follow-up session - facilitator - w/c 22 June", "Eleri Jones", "2026-06-26"},
    {"Fran D to run a practice week on recording the voice of the child by Sept", "Fran Doherty", "2026-09-30"},
    {"Practice week on recording \xF0\x9F\x99\x82 \xE2\x80\x93 Principal Social Worker \xE2\x80\x93 Oct 2026", "Fran Doherty",
     "2026-10-31"},
    {"Gus + Ben (BI): map the flow from LCS into the warehouse", "Gus Fenwick; Ben O'Neill", ""},
    {"ICT \xE2\x80\x93 quote for a read-only reporting login \xE2\x80\x93 next month", "Gus Fenwick", "2026-07-31"},
    {"Workforce Development team \xE2\x80\x93 refresh the induction pack by Christmas", "Workforce Development team",
     "2026-12-24"},
    {"refresh induction pack - workforce dev team - oct", "workforce dev team", "2026-10-31"},
    {"Audit 20 case files a month\nOwner: HR\nDue: end of Q2", "Hina Rauf", "2026-09-30"},
    {"Audit the case notes \xE2\x80\x93 Owner: Head of Quality Assurance \xE2\x80\x93 15/05/2027", "Hina Rauf", "2027-05-15"},
    {"owner: hina \xE2\x80\x93 audit case notes \xE2\x80\x93 tbc", "Hina Rauf", ""},
    {"Agree the front door recording rules \xE2\x80\x94 TBC", "", ""},
    {"sort the duplicate child records, date to be agreed", "", ""},
    {"Raj P \xE2\x80\x93 scope the health data feed by half term", "Raj P", "2026-10-23"},
    {"Fix the MASH outcome field \xE2\x80\x93 ASAP \xE2\x80\x93 Sam R", "Sam R", ""},
    {"@Dev to tidy the picklists nxt wk", "Dev Mistry", "2026-06-19"},
    {"DM: tidy the picklists. 30.6", "Dev Mistry", "2026-06-30"},
    {"CL to take the plan to DMT in Sept \xF0\x9F\x91\x8D", "Carys Lloyd", "2026-09-30"},
    {"Ask the ICB for a named data lead (AK) before the autumn", "Aisha Khan", "2026-08-31"},
    {"KPI list sign-off \xE2\x80\x93 Aisha \xE2\x80\x93 14/8", "Aisha Khan", "2026-08-14"},
    {"map every access db + who owns it (ben) end of sept", "Ben O'Neill", "2026-09-30"},
    {"Eleri to circulate the write-up tomorrow", "Eleri Jones", "2026-06-12"},
    {"Dev and Fran: joint DQ / practice session in 2 weeks", "Dev Mistry; Fran Doherty", "2026-06-25"},
    {"Publish the data dictionary on the intranet", "", ""},
    {"carys l - agree CP thresholds with the MASH - by 31st July", "Carys Lloyd", "2026-07-31"},
    {"GF to raise the server upgrade w/ ICT board q3", "Gus Fenwick", "2026-12-31"},
    {"\xF0\x9F\x9A\xA9 Dev \xE2\x80\x93 weekly DQ report to team managers \xE2\x80\x93 ongoing", "Dev Mistry", ""},
    {"fran to draft the practice guide by 1 sept", "Fran Doherty", "2026-09-01"},
    {"WHO: BEN O\nWHAT: NIGHTLY REFRESH OF THE CIN DASHBOARD\nWHEN: W/C 13 JULY", "Ben O'Neill", "2026-07-17"},
    {"lcs picklist tidy-up 🧹 (dev m) \xE2\x80\x93 end of month", "Dev Mistry", "2026-06-30"},
};

}  // namespace

TEST_CASE("action notes in other facilitators' voices") {
  const auto list = people();
  const PeopleIndex index(list);
  CHECK(std::size(cases) >= 30);
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(find_owner(c.text, index).name == c.owner);
    CHECK(find_due(c.text, workshop).iso == c.due);
  }
}
