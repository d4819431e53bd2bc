#include <doctest/doctest.h>

#include <algorithm>

#include <sdiag/extra_json.hpp>
#include <sdiag/testing.hpp>

using namespace sdiag;

namespace {

Note involvement(const std::string& id, const std::string& text, const std::string& author = "") {
  return Note{.id = id, .section = "involvement", .text = text, .author = author};
}

Person member(const std::string& id, const std::string& name, bool wrote, const std::string& board_role = "") {
  Person p{.id = "member-" + id, .name = name};
  p.extra["source"] = extra_json("board member");
  p.extra["wrote"] = wrote ? "true" : "false";
  if (!board_role.empty()) p.extra["board_role"] = extra_json(board_role);
  return p;
}

const Person* named(const Diagnostic& d, const std::string& name) {
  for (const auto& p : d.people)
    if (p.name == name) return &p;
  return nullptr;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

bool any_finding(const testing::Harness& h, const std::string& words) {
  for (const auto& f : h.findings())
    if (f.message.find(words) != std::string::npos) return true;
  return false;
}

testing::Harness harness() { return testing::Harness(std::string(SDIAG_TEST_PLUGIN_DIR) + "/people.so"); }

}  // namespace

TEST_CASE("involvement notes become people with name, role and presence") {
  auto h = harness();
  Diagnostic d;
  d.tmpl = testing::default_template(SDIAG_TEST_DATA_DIR);
  d.notes = {involvement("n1", "Helen Ward (DCS) to open the day"),
             involvement("n2", "Mark Osei, Head of Service, Safeguarding"),
             involvement("n3", "Head of Service, Early Help (could not attend)"),
             involvement("n4", "Head of IT: invited, sent apologies"),
             involvement("n5", "Jo Adams, Data to Insight"),
             involvement("n6", "Performance and Insight Manager (Priya Shah)"),
             involvement("n7", "   "),
             Note{.id = "n8", .section = "key_issues", .text = "Tom Bell, Analyst"}};
  d.people.push_back(Person{.id = "p1", .name = "Jo Adams", .role = "Facilitator"});
  auto out = h.analyse(d);
  REQUIRE(out.people.size() == 6);  // Jo Adams was listed already; n7 is empty; n8 is another section
  CHECK(out.people[0].role == "Facilitator");
  CHECK(out.people[1].name == "Helen Ward");
  CHECK(out.people[1].role == "DCS");
  CHECK(out.people[1].present);
  CHECK(out.people[2].name == "Mark Osei");
  CHECK(out.people[2].role == "Head of Service, Safeguarding");
  CHECK(out.people[3].name == "");
  CHECK(out.people[3].role == "Head of Service, Early Help");
  CHECK_FALSE(out.people[3].present);
  CHECK(out.people[4].role == "Head of IT");
  CHECK_FALSE(out.people[4].present);
  CHECK(out.people[5].name == "Priya Shah");
  CHECK(out.people[5].role == "Performance and Insight Manager");
  CHECK(out.people[5].extra.at("note_id") == "\"n6\"");
  CHECK(has(out.people[5].short_forms, "PS"));
  CHECK(has(out.people[5].short_forms, "Priya"));
  // Run again on its own output: nobody is added twice, nothing changes.
  auto again = h.analyse(out);
  REQUIRE(again.people.size() == out.people.size());
  for (std::size_t i = 0; i < out.people.size(); ++i) {
    INFO(out.people[i].name, " ", out.people[i].role);
    CHECK(again.people[i].id == out.people[i].id);
    CHECK(again.people[i].short_forms == out.people[i].short_forms);
    CHECK(again.people[i].present == out.people[i].present);
    CHECK(again.people[i].extra == out.people[i].extra);
    CHECK(again.people[i] == out.people[i]);
  }
}

TEST_CASE("board members give the full name to short mentions; authors are present; apologies win") {
  auto h = harness();
  Diagnostic d;
  d.tmpl = testing::default_template(SDIAG_TEST_DATA_DIR);
  d.notes = {involvement("n1", "Sav – Senior Analyst, D&I", "Ola Bakare"),
             involvement("n2", "Cara from D2I – facilitating", "Cara Lindqvist"),
             involvement("n3", "Ola Bakare, Data & Insight Manager"),
             involvement("n4", "DCS (Ruth)"),
             involvement("n5", "Kwame Asante (Head of Service, Fostering) – sent apologies"),
             involvement("n6", "Corp BI team – Ben W"),
             Note{.id = "n7", .section = "key_issues", .text = "Reports are late", .author = "Ben Wallace"},
             Note{.id = "n8", .section = "relationships", .text = "Ruth Okoro – DCS – sponsor"},
             Note{.id = "n9", .section = "relationships", .text = "Data team and ICT don't talk"},
             Note{.id = "n10", .section = "relationships", .text = "Fiona McBride – the pack, all of it"},
             Note{.id = "n11", .section = "involvement", .text = "AD safeguarding – Fiona McB"}};
  d.people = {member("1", "Savitri Nair", true), member("2", "Cara Lindqvist", true), member("3", "Ola Bakare", true),
              member("4", "Kwame Asante", false), member("5", "Ben Wallace", true), member("6", "Gill Parry", false),
              member("7", "Ben Walsh", false), member("8", "Hal Moss", false, "viewer"),
              member("9", "Ivy Lane", false, "owner")};
  auto out = h.analyse(d);
  const auto* sav = named(out, "Savitri Nair");
  REQUIRE(sav);
  CHECK(sav->role == "Senior Analyst");
  CHECK(sav->team == "D&I");
  CHECK(sav->present);
  CHECK(has(sav->short_forms, "Sav"));
  CHECK(has(sav->short_forms, "SN"));
  const auto* cara = named(out, "Cara Lindqvist");
  REQUIRE(cara);
  CHECK(cara->role == "Facilitator");
  CHECK(cara->team == "D2I");
  const auto* ruth = named(out, "Ruth Okoro");  // "DCS (Ruth)" and the key-people note are one person
  REQUIRE(ruth);
  CHECK(ruth->role == "DCS");
  CHECK(ruth->present);
  const auto* kwame = named(out, "Kwame Asante");
  REQUIRE(kwame);
  CHECK_FALSE(kwame->present);  // a member, but sent apologies
  CHECK(kwame->role == "Head of Service, Fostering");
  // "Ben W" fits Ben Wallace and Ben Walsh: never joined to either; Ben Walsh wrote nothing and is dropped.
  CHECK(named(out, "Ben W"));
  CHECK(named(out, "Ben Wallace"));
  CHECK_FALSE(named(out, "Ben Walsh"));
  CHECK_FALSE(named(out, "Gill Parry"));
  CHECK(any_finding(h, "could be Ben Wallace or Ben Walsh"));
  CHECK(any_finding(h, "Gill Parry"));
  CHECK_FALSE(named(out, "Ivy Lane"));  // owns the board, never came
  const auto* hal = named(out, "Hal Moss");  // shared the board as a viewer, wrote nothing: invited, not there
  REQUIRE(hal);
  CHECK_FALSE(hal->present);
  CHECK(any_finding(h, "recorded as invited but not present: Hal Moss"));
  CHECK(any_finding(h, "'Sav' (the note 'Sav – Senior Analyst, D&I') is Savitri Nair"));
  const auto* fiona = named(out, "Fiona McBride");  // "Fiona McB" is her, not a second full name
  REQUIRE(fiona);
  CHECK(fiona->role == "AD safeguarding");  // the who-was-there role; "the pack" is no role
  CHECK_FALSE(named(out, "Fiona McB"));
  std::size_t olas = 0;
  for (const auto& p : out.people) olas += p.name == "Ola Bakare" ? 1 : 0;
  CHECK(olas == 1);
  for (const auto& p : out.people) CHECK(p.extra.count("source") == 0);
}

TEST_CASE("an author named nowhere else is said, not made a contributor") {
  auto h = harness();
  Diagnostic d;
  d.notes = {involvement("n1", "Lucia Grant – DCS", "Table 2 scribe"),
             Note{.id = "n2", .section = "key_issues", .text = "Reports are late", .author = "Lucia Grant"},
             Note{.id = "n3", .section = "key_issues", .text = "Nobody owns the data", .author = "Hal Moss"}};
  auto out = h.analyse(d);
  REQUIRE(out.people.size() == 1);
  CHECK(out.people[0].name == "Lucia Grant");
  CHECK(any_finding(h, "not listed as contributors: Hal Moss"));
}

TEST_CASE("a note's prompt gives the role only when the note names none") {
  auto h = harness();
  Diagnostic d;
  d.tmpl = testing::default_template(SDIAG_TEST_DATA_DIR);
  d.notes = {Note{.id = "n1", .section = "involvement", .prompt = "dcs", .text = "Ruth Okoro"},
             Note{.id = "n2", .section = "involvement", .prompt = "dcs", .text = "Owen T, ICT – runs the warehouse"}};
  auto out = h.analyse(d);
  REQUIRE(out.people.size() == 2);
  CHECK(out.people[0].role == "DCS for kick-off and problem definition");
  CHECK(out.people[1].role == "");
  CHECK(out.people[1].team == "ICT");
}

TEST_CASE("the sections read are options") {
  auto h = harness();
  h.set("section", "who_came, attendees");
  Diagnostic d;
  d.notes = {Note{.id = "n1", .section = "who_came", .text = "Lucia Grant – DCS"},
             Note{.id = "n2", .section = "attendees", .text = "MIS admin (Farah)"},
             involvement("n3", "Tom Reid, Head of IT")};
  auto out = h.analyse(d);
  REQUIRE(out.people.size() == 2);
  CHECK(out.people[0].name == "Lucia Grant");
  CHECK(out.people[1].name == "Farah");
}
