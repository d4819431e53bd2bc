#include <doctest/doctest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include <sdiag/testing.hpp>

using namespace sdiag;

namespace {

testing::Harness redact(const std::string& profile, const std::string& label = "Council C") {
  testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/redact.so");
  h.data_dir(SDIAG_TEST_DATA_DIR).set("profile", profile).set("council-label", label);
  return h;
}

Diagnostic workshop() {
  Diagnostic d;
  d.meta.title = "Castlebrook data service diagnostic";
  d.meta.organisation = "Castlebrook Borough Council";
  d.meta.facilitator = "Jo Adams";
  d.meta.sources = {{"/home/castlebrook/board.json", "miro", "abc", "miro"}};
  d.people = {{.id = "p1", .name = "Helen Ward", .role = "DCS", .short_forms = {"HW", "Helen", "Helen W"}},
              {.id = "p2", .name = "Mark Osei", .role = "Head of Service", .short_forms = {"MO", "Mark"}}};
  d.notes = {{.id = "n1", .section = "key_issues", .text = "Helen W wants the numbers; HW to ask Mark. ward visits ok",
              .author = "Helen Ward"},
             {.id = "n2", .section = "key_issues", .text = "mark it done; call 020 7946 0018 or helen.ward@castlebrook.gov.uk"},
             {.id = "n3", .section = "key_issues", .text = "NHS 943 476 5919, NI QQ 12 34 56 C, at SW1A 1AA in CASTLEBROOK"},
             {.id = "n4", .section = "key_issues", .text = std::string("broken \xff\xfe bytes with HELEN WARD")}};
  d.notes[0].extra["taxonomy_id"] = "\"recording-quality\"";
  d.notes[0].extra["votes"] = "3";
  d.actions = {{.id = "A1", .text = "Ask Mark for the list", .owner = "Mark Osei"}};
  d.actions[0].updates = {{"2026-03-01", "done", "Helen signed it off", "Helen Ward"}};
  d.narrative["dcs_view"] = "Helen says the numbers disagree.";
  return d;
}

}  // namespace

TEST_CASE("the regional profile: people, contact details and numbers go, the council stays") {
  auto d = redact("regional").analyse(workshop());
  CHECK(d.notes[0].text == "[PERSON] wants the numbers; [PERSON] to ask [PERSON]. ward visits ok");
  CHECK(d.notes[0].author == "[PERSON]");
  CHECK(d.notes[1].text == "mark it done; call [PHONE] or [EMAIL]");  // "mark" the verb stays
  CHECK(d.notes[2].text == "NHS [NHS NUMBER], NI [NI NUMBER], at [POSTCODE] in CASTLEBROOK");
  CHECK(d.notes[3].text.find("HELEN") == std::string::npos);  // invalid UTF-8 around it changes nothing
  CHECK(d.meta.organisation == "Castlebrook Borough Council");
  CHECK(d.meta.sources[0].path == "/home/castlebrook/board.json");
  CHECK(d.meta.facilitator == "[PERSON]");
  CHECK(d.people[0].name.empty());
  CHECK(d.people[0].short_forms.empty());
  CHECK(d.people[0].role == "DCS");
  CHECK(d.notes[0].extra.count("taxonomy_id") == 1);
  CHECK(d.notes[0].extra.count("votes") == 0);
  CHECK(d.actions[0].owner == "[PERSON]");
  CHECK(d.actions[0].updates[0].comment == "[PERSON] signed it off");
  CHECK(d.narrative.at("dcs_view") == "[PERSON] says the numbers disagree.");
  const auto record = nlohmann::json::parse(d.meta.extra.at("redaction"));
  CHECK(record["profile"] == "regional");
  CHECK(record["counts"]["email"] == 1);
  CHECK(record["counts"]["phone"] == 1);
  CHECK(record["counts"]["nhs-number"] == 1);
  CHECK(record["counts"]["ni-number"] == 1);
  CHECK(record["counts"]["postcode"] == 1);
  CHECK(record["counts"]["person"].get<int>() >= 10);
}

TEST_CASE("the national profile: the council becomes its label, paths and the narrative go") {
  auto d = redact("national").analyse(workshop());
  CHECK(d.meta.organisation == "Council C");
  CHECK(d.meta.title == "Council C data service diagnostic");
  CHECK(d.notes[2].text.find("CASTLEBROOK") == std::string::npos);
  CHECK(redact("national").analyse([] {
          auto w = workshop();
          w.notes[0].text = "see castlebrook.gov.uk/data; the Borough Council agreed";
          return w;
        }()).notes[0].text == "see Council C.gov.uk/data; the Borough Council agreed");
  CHECK(d.meta.sources[0].path.empty());
  CHECK(d.meta.sources[0].sha256 == "abc");
  CHECK(d.narrative.empty());
  CHECK(d.actions[0].updates[0].comment.empty());
  CHECK(d.actions[0].text == "Ask [PERSON] for the list");
}

TEST_CASE("the other councils compared are hidden by their labels; a word two of them share, by [COUNCIL]") {
  auto w = workshop();
  w.notes[0].text = "Kelbourne and North Harrowfield showed us theirs; the north of the county too";
  auto d = redact("national")
               .set("other-councils", "Castlebrook Borough Council=Council C;Kelbourne County Council=Council A;"
                                      "North Harrowfield Council=Council B;Harrowfield Vale Council=Council D")
               .analyse(w);
  // "North" and "county" are nobody's words; "Harrowfield" alone could be either of two councils.
  CHECK(d.notes[0].text == "Council A and Council B showed us theirs; the north of the county too");
  w.notes[0].text = "harrowfield.gov.uk has the template";
  CHECK(redact("national").set("other-councils", "North Harrowfield Council=Council B;Harrowfield Vale Council=Council D")
            .analyse(w).notes[0].text == "[COUNCIL].gov.uk has the template");
  CHECK_THROWS_WITH(redact("national").set("other-councils", "Kelbourne").analyse(workshop()),
                    doctest::Contains("NAME=LABEL"));
}

TEST_CASE("the statistics profile leaves every free text out") {
  auto d = redact("statistics").analyse(workshop());
  for (const auto& n : d.notes) CHECK(n.text.empty());
  CHECK(d.actions[0].text.empty());
  CHECK(d.notes[0].extra.count("taxonomy_id") == 1);
}

TEST_CASE("a profile that cannot be used stops the redaction") {
  const auto dir = std::filesystem::temp_directory_path() / "sdiag-redact-test";
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  CHECK_THROWS_WITH(redact(write("bad-regex.json", R"({"name": "x", "council": "keep", "patterns": [
      {"kind": "k", "token": "[K]", "pattern": "(unclosed"}]})")).analyse(workshop()),
                    doctest::Contains("not valid"));
  CHECK_THROWS_WITH(redact(write("bad-omit.json", R"({"name": "x", "council": "keep", "omit": ["everything"],
      "patterns": []})")).analyse(workshop()),
                    doctest::Contains("omit"));
  CHECK_THROWS_WITH(redact(write("not-json.json", "{")).analyse(workshop()), doctest::Contains("not valid JSON"));
  CHECK_THROWS(redact("no-such-profile").analyse(workshop()));
  std::filesystem::remove_all(dir);
}
