#include <doctest/doctest.h>

#include <sdiag/testing.hpp>

using namespace sdiag;

static Note involvement(const std::string& id, const std::string& text) {
  return Note{.id = id, .section = "involvement", .text = text};
}

TEST_CASE("involvement notes become people with name, role and presence") {
  testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/people.so");
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
  CHECK(h.findings().size() == 1);
  // Run again on its own output: nobody is added twice.
  CHECK(h.analyse(out).people.size() == 6);
}
