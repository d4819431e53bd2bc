// Every form of a who-was-there or key-people note, with names of our own.
#include <doctest/doctest.h>

#include "person_note.hpp"

using sdiag::people::parse_key_person_note;
using sdiag::people::parse_person_note;
using sdiag::people::ParsedPerson;

namespace {

ParsedPerson read(const std::string& text) {
  auto p = parse_person_note(text);
  REQUIRE(p);
  return *p;
}

void check(const std::string& text, const std::string& name, const std::string& role, const std::string& team,
           bool absent = false) {
  INFO(text);
  auto p = read(text);
  CHECK(p.name == name);
  CHECK(p.role == role);
  CHECK(p.team == team);
  CHECK(p.said_absent == absent);
}

}  // namespace

TEST_CASE("Name, role (schedule)") { check("Helena Marsh, DCS (morning only)", "Helena Marsh", "DCS", ""); }
TEST_CASE("Role: Name") { check("Head of Fostering: Kwame Asante", "Kwame Asante", "Head of Fostering", ""); }
TEST_CASE("Short name – role, more words") {
  check("Priya K – Head of Service, Disabled Children …", "Priya K", "Head of Service, Disabled Children", "");
}
TEST_CASE("Short name, team – what they do") {
  check("Owen T, ICT – keeps the data warehouse running", "Owen T", "", "ICT");
}
TEST_CASE("Nickname – role, team (remark)") {
  check("Sav – Senior Analyst, D&I (runs the returns)", "Sav", "Senior Analyst", "D&I");
}
TEST_CASE("Role (Name)") {
  check("DCS (Ruth)", "Ruth", "DCS", "");
  check("Performance and Insight Manager (Ola Bakare)", "Ola Bakare", "Performance and Insight Manager", "");
}
TEST_CASE("Team – Name") { check("Corp BI team – Ben W", "Ben W", "", "Corp BI team"); }
TEST_CASE("Role (short name)") { check("MIS admin (Farah)", "Farah", "MIS admin", ""); }
TEST_CASE("Name – role – remark") { check("Lucia Grant – DCS – sponsor", "Lucia Grant", "DCS", ""); }
TEST_CASE("Name (team – role)") {
  check("Dev Patel (ICT – Mosaic applications lead)", "Dev Patel", "Mosaic applications lead", "ICT");
}
TEST_CASE("Name, role, organisation – how they joined") {
  check("Anna Berg, Named Nurse for Safeguarding, ICB – on Teams 13:00 to 15:00", "Anna Berg",
        "Named Nurse for Safeguarding", "ICB");
}
TEST_CASE("Name, organisation") { check("Jo Adams, Data to Insight", "Jo Adams", "", "Data to Insight"); }
TEST_CASE("Name from organisation – facilitating") { check("Cara from D2I – facilitating", "Cara", "Facilitator", "D2I"); }
TEST_CASE("apologies, in every place") {
  check("Tom Reid, schools data hub – sent apologies, will send comments", "Tom Reid", "", "schools data hub", true);
  check("APOLOGIES: Joan Fry (Head of Service, Youth Justice) – in court all day", "Joan Fry",
        "Head of Service, Youth Justice", "", true);
  check("Head of IT: invited, sent apologies", "", "Head of IT", "", true);
  check("Kim Lowe couldn't make it", "Kim Lowe", "", "", true);
  check("Head of Service, Early Help (could not attend)", "", "Head of Service, Early Help", "", true);
}
TEST_CASE("lower case and capitals") {
  check("dcs (ruth)", "Ruth", "dcs", "");
  check("lucia grant – dcs", "Lucia Grant", "dcs", "");
  check("sav – senior analyst, d&i", "Sav", "senior analyst", "d&i");
  check("LUCIA GRANT – DCS", "Lucia Grant", "DCS", "");
}
TEST_CASE("emoji and bullets") {
  check("👋 Lucia Grant – DCS", "Lucia Grant", "DCS", "");
  check("✅ Corp BI team – Ben W 🙂", "Ben W", "", "Corp BI team");
  check("• Farah (MIS admin) ❌ sent apologies", "Farah", "MIS admin", "", true);
}
TEST_CASE("abbreviated roles, titles and short apologies") {
  check("CiC HoS – Robbie F", "Robbie F", "CiC HoS", "");
  check("Dr Amrit Gill, designated doctor – apologies", "Amrit Gill", "designated doctor", "", true);
  check("QA – Yvonne Baptiste sends apols", "Yvonne Baptiste", "", "QA", true);
}
TEST_CASE("Role Name, with no separator") {
  check("EH lead Deborah Kaye – sent apologies", "Deborah Kaye", "EH lead", "", true);
  check("Head of QA – sent apologies", "", "Head of QA", "", true);
}
TEST_CASE("a bracket that says what someone looks after is no role") {
  check("ICT – Ade B (supplier contract)", "Ade B", "", "ICT");
}
TEST_CASE("a role alone is a person without a name") { check("Head of Service, Safeguarding", "", "Head of Service, Safeguarding", ""); }
TEST_CASE("nothing usable") {
  CHECK_FALSE(parse_person_note("   "));
  CHECK_FALSE(parse_person_note("🙂"));
}

TEST_CASE("key-people notes: a person note, not a remark about how people work") {
  auto p = parse_key_person_note("Lucia Grant – DCS – sponsor");
  REQUIRE(p);
  CHECK(p->name == "Lucia Grant");
  CHECK(p->role == "DCS");
  auto q = parse_key_person_note("Ben W, Corp BI team");
  REQUIRE(q);
  CHECK(q->team == "Corp BI team");
  CHECK_FALSE(parse_key_person_note("Data team and ICT don't talk"));
  CHECK_FALSE(parse_key_person_note("Sara is the only link between IT and the performance team"));
  CHECK_FALSE(parse_key_person_note("Corporate Performance (Nadia) build the dashboards for the whole council"));
  CHECK_FALSE(parse_key_person_note("Lucia Grant"));
  auto r = parse_key_person_note("Joanne Pike – the pack. all of it.");  // named, but no role said
  REQUIRE(r);
  CHECK(r->name == "Joanne Pike");
  CHECK(r->role.empty());
}
