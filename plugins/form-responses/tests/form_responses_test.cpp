// form-responses, loaded as the real plugin, on the Castlebrook samples.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include <sdiag/testing.hpp>

namespace {

std::string sample(const char* name) { return std::string(SDIAG_TEST_SOURCE_DIR) + "/samples/forms/" + name; }

sdiag::testing::Harness harness() {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/form-responses.so");
  h.data_dir(SDIAG_TEST_DATA_DIR);
  return h;
}

std::vector<const sdiag::Note*> notes_with(const sdiag::Diagnostic& d, const std::string& fragment) {
  std::vector<const sdiag::Note*> out;
  for (const auto& n : d.notes)
    if (n.text.find(fragment) != std::string::npos) out.push_back(&n);
  return out;
}

bool finding_mentions(const sdiag::testing::Harness& h, const std::string& fragment) {
  return std::any_of(h.findings().begin(), h.findings().end(),
                     [&](const sdiag::Finding& f) { return f.message.find(fragment) != std::string::npos; });
}

bool mentions_email(const sdiag::Diagnostic& d) {
  for (const auto& n : d.notes)
    if (n.text.find('@') != std::string::npos || n.author.find('@') != std::string::npos) return true;
  for (const auto& p : d.people)
    if (p.name.find('@') != std::string::npos) return true;
  return false;
}

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("sdiag-form-test-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

}  // namespace

TEST_CASE("sniffing: Google and Microsoft Forms exports, not other CSVs") {
  auto h = harness();
  CHECK(h.sniff(sample("castlebrook-google-forms.csv")) == 90);
  CHECK(h.sniff(sample("castlebrook-ms-forms.xlsx")) == 90);
  auto other = write_temp("other.csv", "text,colour\nhello,yellow\n");
  CHECK(h.sniff(other) == 0);
  std::filesystem::remove(other);
}

TEST_CASE("a Google Forms CSV (BOM, CRLF, multi-line answers, checkboxes)") {
  auto h = harness();
  h.set("map", "What should change first?=actions");
  auto d = h.read(sample("castlebrook-google-forms.csv"));

  auto refresh = notes_with(d, "Month-end reports take three days to refresh.");
  REQUIRE(refresh.size() == 1);
  CHECK(refresh[0]->text == "Month-end reports take three days to refresh. Managers stop trusting them by then.");
  CHECK(refresh[0]->section == "key_issues");
  CHECK(refresh[0]->prompt == "pain_points");
  CHECK(refresh[0]->author == "Tom Okafor");
  CHECK(refresh[0]->source.ref == "row 2, Where are the big pain points?");
  CHECK(refresh[0]->extra.at("submitted") == "\"2025-03-10T09:14:02+00:00\"");

  auto best = notes_with(d, "MASH triage");
  REQUIRE(best.size() == 1);
  CHECK(best[0]->prompt == "best_things");

  // A free-text answer with "; " stays whole; checkbox answers are split.
  CHECK(notes_with(d, "Ethnicity recording is blank for one child in seven; nobody owns fixing it").size() == 1);
  auto bi = notes_with(d, "Power BI");
  CHECK(bi.size() == 2);
  for (auto* n : bi) CHECK(n->text == "Power BI");

  // The mapping option puts a question the template does not name.
  auto owner = notes_with(d, "One owner for the month-end refresh");
  REQUIRE(owner.size() == 1);
  CHECK(owner[0]->section == "actions");

  // A question that maps to nothing: a finding, answers kept as unsorted.
  CHECK(finding_mentions(h, "Which tools do you use for reporting?"));
  CHECK(bi[0]->section == "unsorted");

  // People from Name and Role; a respondent with a role only is still a person.
  REQUIRE(d.people.size() == 4);
  CHECK(d.people[0].name == "Tom Okafor");
  CHECK(d.people[2].role == "Team manager, fostering");
  CHECK(notes_with(d, "fill the gaps")[0]->author == "Team manager, fostering");

  // E-mail addresses never reach notes or people, even inside an answer.
  CHECK_FALSE(mentions_email(d));
  CHECK(notes_with(d, "[e-mail removed]").size() == 1);
  CHECK(finding_mentions(h, "Email address"));

  // An unreadable time is a finding, the answers are still kept.
  CHECK(finding_mentions(h, "not recorded"));
  CHECK(notes_with(d, "Fewer duplicate fields").size() == 1);
}

TEST_CASE("a Windows-1252 CSV re-saved by Excel") {
  auto h = harness();
  auto d = h.read(sample("castlebrook-excel-1252.csv"));
  auto n = notes_with(d, "Children\xE2\x80\x99s records are copied into three spreadsheets \xE2\x80\x93 every week");
  REQUIRE(n.size() == 1);
  CHECK(n[0]->prompt == "problems");
  CHECK(n[0]->author == "Si\xC3\xA2n O\xE2\x80\x99Neill");
  CHECK(n[0]->extra.at("submitted") == "\"2025-03-14T10:02:11\"");
  CHECK(notes_with(d, "\xC2\xA3" "40k").size() == 1);
  CHECK(finding_mentions(h, "Windows-1252"));
}

TEST_CASE("an anonymous Microsoft Forms XLSX") {
  auto h = harness();
  auto d = h.read(sample("castlebrook-ms-forms.xlsx"));
  CHECK(d.people.empty());
  auto works = notes_with(d, "The nightly extract into the warehouse");
  REQUIRE(works.size() == 1);
  CHECK(works[0]->section == "key_issues");
  CHECK(works[0]->prompt == "best_things");
  CHECK(works[0]->author.empty());
  CHECK(works[0]->extra.at("submitted") == "\"2025-03-12T09:47:00\"");
  CHECK(works[0]->extra.at("respondent") == "\"1\"");
  auto goal = notes_with(d, "A single view of each child");
  REQUIRE(goal.size() == 1);
  CHECK(goal[0]->section == "target_outputs");
  // "Liquidlogic;ContrOCC;Capita One;" -> three notes, the trailing ';' ignored.
  CHECK(notes_with(d, "ContrOCC").size() == 1);
  CHECK(notes_with(d, "Liquidlogic").size() == 2);
  CHECK_FALSE(mentions_email(d));
}

TEST_CASE("a stray quote costs no response: a warning at its line, every row still a response") {
  struct Case {
    const char* name;
    const char* csv;
    std::vector<std::string> answers;
    const char* finding;  // words of the warning at `line`
    const char* line;
  };
  const Case cases[] = {
      {"never closed", "\"Timestamp\",\"Where are the big pain points?\"\r\n"
                       "\"2025/03/10 9:14:02 AM GMT\",\"never closed\r\n2025/03/11 9:14:02 AM GMT,not swallowed\r\n",
       {"\"never closed", "not swallowed"}, "never closed", "line 2"},
      {"in the header", "\"Timestamp\",\"Where are the big pain points?\r\n2025/03/10 9:14:02 AM GMT,Duplicate entry\r\n"
                        "2025/03/11 9:14:02 AM GMT,\"Late returns\"\r\n",
       {"Duplicate entry", "Late returns"}, "closed on line 3", "line 1"},
      {"closed rows later", "Timestamp,Where are the big pain points?\r\n2025/03/10 9:14:02 AM GMT,\"Manual returns\r\n"
                            "2025/03/11 9:14:02 AM GMT,Two \"systems\"\r\n",
       {"\"Manual returns", "Two \"systems\""}, "closed on line 3", "line 2"},
  };
  for (const auto& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    auto h = harness();
    auto path = write_temp("stray-quote.csv", c.csv);
    auto d = h.read(path);
    std::vector<std::string> answers;
    for (const auto& n : d.notes) answers.push_back(n.text);
    CHECK(answers == c.answers);
    auto warning = std::find_if(h.findings().begin(), h.findings().end(),
                                [&](const sdiag::Finding& f) { return f.message.find(c.finding) != std::string::npos; });
    REQUIRE(warning != h.findings().end());
    CHECK(warning->location == c.line);
    CHECK(warning->severity == sdiag::Severity::warning);
    std::filesystem::remove(path);
  }
}

TEST_CASE("broken and hostile response files get clear errors") {
  auto h = harness();
  auto fake = write_temp("fake.xlsx", "Timestamp,Name\n1,2\n");
  CHECK_THROWS_WITH_AS(h.read(fake), doctest::Contains("not an XLSX file"), sdiag::InputError);
  auto bad_map = write_temp("map.csv", "\"Timestamp\",\"Odd question\"\r\n\"2025/03/10 9:14:02 AM GMT\",\"x\"\r\n");
  h.set("map", "Q1=nowhere/at_all;Q9=actions");
  auto d = h.read(bad_map);
  CHECK(d.notes.size() == 1);
  CHECK(d.notes[0].section == "unsorted");
  CHECK(finding_mentions(h, "nowhere/at_all"));
  CHECK(finding_mentions(h, "Q9"));
  for (auto& p : {fake, bad_map}) std::filesystem::remove(p);
}

TEST_CASE("a huge Timestamp cell is an unreadable time, not a crash") {
  auto h = harness();
  // Over a million characters that start like a time: too long to be one.
  auto huge = write_temp("huge-time.csv", "\"Timestamp\",\"Where are the big pain points?\"\r\n\"2025/03/10 9:14:02 GMT" +
                                              std::string(1'000'000, '1') + "\",\"Slow reports\"\r\n");
  auto d = h.read(huge);
  auto n = notes_with(d, "Slow reports");
  REQUIRE(n.size() == 1);
  CHECK(n[0]->extra.count("submitted") == 0);
  CHECK(finding_mentions(h, "could not be read"));
  std::filesystem::remove(huge);
}
