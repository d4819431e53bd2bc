// Theme naming as a facilitator does it: phrase headings from the notes'
// words, the taxonomy, markers that are not themes, and the number of themes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "clusterer.hpp"
#include "features.hpp"
#include "markers.hpp"
#include "phrase_label.hpp"
#include "specific_term.hpp"
#include "textmatch.hpp"

using namespace sdiag::cluster;

namespace {

std::string data(const char* file) { return std::string(SDIAG_TEST_DATA_DIR) + "/vocabulary/" + file; }

Vocabulary vocabulary() {
  Vocabulary v;
  v.load(data("abbreviations.json"));
  return v;
}

// The label a group of notes gets, weighted as the clusterer does: every
// stem the notes share counts, by the share of notes that use it.
std::string label_for(const std::vector<std::string>& notes, const Vocabulary& v) {
  Analyser a(v);
  std::map<std::string, double> weight;
  for (const auto& n : notes)
    for (const auto& t : a.analyse(n)) weight[t.stem] += 1.0 / static_cast<double>(notes.size());
  for (auto& [stem, w] : weight) w *= w;  // common across the notes counts most
  std::vector<std::string_view> views(notes.begin(), notes.end());
  return phrase_label(views, a, weight);
}

bool reads_as_heading(const std::string& label) {
  auto words = std::count(label.begin(), label.end(), ' ') + 1;
  return !label.empty() && label.find(',') == std::string::npos && words >= 2 && words <= 6 &&
         !(label[0] >= 'a' && label[0] <= 'z');
}

}  // namespace

TEST_CASE("phrase labels: a heading from the notes' own words in several voices") {
  auto v = vocabulary();
  SUBCASE("sentence case, the shared phrase wins") {
    auto l = label_for({"The data warehouse load fails most Mondays.", "Warehouse load failed again, no alert",
                        "Nobody is told when the warehouse load fails"},
                       v);
    CHECK(reads_as_heading(l));
    CHECK(l.find("load") != std::string::npos);
  }
  SUBCASE("lower case and abbreviations stay as written, first letter capitalised") {
    auto l = label_for({"dq checks r all manual", "no dq routine for dup records", "dq fixes by hand every month"}, v);
    CHECK(reads_as_heading(l));
    INFO(l);
    CHECK(l.find("DQ ") != std::string::npos);  // the vocabulary's spelling of a term ("No DQ routine")
  }
  SUBCASE("typos and emoji: the emoji ends a clause and never shows") {
    auto l = label_for({"power bi refresh fails 😩 again", "refresh failes on power bi ⚠ nobody told",
                        "Power BI refresh fails overnight"},
                       v);
    CHECK(reads_as_heading(l));
    CHECK(l.find("refresh") != std::string::npos);
    CHECK(l.find("\xF0\x9F") == std::string::npos);
    CHECK(l.find("\xE2\x9A") == std::string::npos);
  }
  SUBCASE("shouted words read in sentence case, acronyms kept") {
    auto l = label_for({"SSRS REPORTS EVERYWHERE", "too many SSRS REPORTS", "SSRS REPORTS nobody owns"}, v);
    CHECK(l.find("REPORTS") == std::string::npos);
    CHECK(l.find("SSRS") != std::string::npos);
    auto code = label_for({"SSDA903 RETURN CHECKS by hand", "SSDA903 RETURN CHECKS take a week", "the SSDA903 RETURN CHECKS"}, v);
    CHECK(code.find("SSDA903") != std::string::npos);  // a code with digits is no shouting
  }
  SUBCASE("a heading never starts or ends with a word that leans on its sentence") {
    auto ends_with = [](const std::string& l, const std::string& w) {
      return l.size() >= w.size() && l.compare(l.size() - w.size(), w.size(), w) == 0;
    };
    auto l = label_for({"we should build the 903 instead", "build it ourselves instead", "build the return instead"}, v);
    CAPTURE(l);
    CHECK_FALSE(ends_with(l, "instead"));
    auto again = label_for({"warehouse load fails again", "load fails again on monday", "the load fails again"}, v);
    CAPTURE(again);
    CHECK_FALSE(ends_with(again, "again"));
    CHECK(label_for({"still manual", "still manual every month", "returns still manual"}, v).rfind("Still", 0) != 0);
    auto doing = label_for({"build it instead of doing", "automate instead of doing", "instead of doing by hand"}, v);
    CAPTURE(doing);
    CHECK_FALSE(ends_with(doing, "doing"));
  }
  SUBCASE("a bare word is joined to another phrase, never listed with commas") {
    auto l = label_for({"ethnicity", "ethnicity blank", "ethnicity missing on referrals"}, v);
    CHECK(l.find(',') == std::string::npos);
    CHECK(l.find("thnicity") != std::string::npos);
  }
  SUBCASE("nothing to weigh: no label") { CHECK(label_for({"the and of", "🙂"}, v).empty()); }
}

TEST_CASE("phrase labels: an instruction to a person never heads a theme") {
  auto v = vocabulary();
  for (const auto& notes : std::vector<std::vector<std::string>>{
           {"what do other LAs do? ask Lorna", "ask Lorna about court data", "court data is late"},
           {"Chase the supplier", "chasing the supplier again", "supplier contract ends in May"},
           {"EMAIL SAM RE THE RETURN", "email Sam", "the return is late"}}) {
    auto l = label_for(notes, v);
    INFO(l);
    CHECK_FALSE(l.empty());
    for (const char* verb : {"Ask", "ask", "Chas", "chas", "Email", "email", "EMAIL"}) CHECK(l.rfind(verb, 0) != 0);
    CHECK(l.find("Lorna") == std::string::npos);
    CHECK(l.find("Sam") == std::string::npos);
  }
}

TEST_CASE("phrase labels: what the notes say is missing keeps its 'no'") {
  auto v = vocabulary();
  for (const auto& notes : std::vector<std::vector<std::string>>{
           {"EH on a separate system - no common child ID", "no common child ID across EH and CSC"},
           {"we work without a common child ID", "no common child ID so records never match"}}) {
    auto l = label_for(notes, v);
    INFO(l);
    CHECK(l.rfind("No ", 0) == 0);
    CHECK(l.find("child ID") != std::string::npos);
  }
  // Where no note says it is missing, the heading says what is there.
  auto plain = label_for({"common child ID across EH and CSC", "a common child ID would help"}, v);
  INFO(plain);
  CHECK(plain.rfind("No", 0) != 0);
  CHECK(plain.find("child ID") != std::string::npos);
  // "no-one" is a person, not a lack.
  CHECK(label_for({"no-one owns the dashboards", "dashboards nobody owns"}, v).rfind("No ", 0) != 0);
}

TEST_CASE("phrase labels: a one- or two-word phrase grows into a heading from shared words") {
  auto v = vocabulary();
  SUBCASE("sentence case: the run that holds the tag and more shared words") {
    auto l = label_for({"LL report changes need an IT ticket", "Tickets for LL report changes sit for months",
                        "IT tickets for LL report changes", "LL report"},
                       v);
    INFO(l);
    CHECK(l.find("LL report") != std::string::npos);
    CHECK(std::count(l.begin(), l.end(), ' ') >= 2);
    CHECK(reads_as_heading(l));
  }
  SUBCASE("a word only one note uses does not grow it") {
    auto l = label_for({"childview reports r sooo slow", "childview reports", "childview reports again"}, v);
    CHECK(l == "Childview reports");
  }
}

TEST_CASE("the system a group's notes name fills a taxonomy heading's generic slot") {
  auto v = vocabulary();
  Analyser a(v);
  auto term_of = [&](const std::vector<std::string>& notes) {
    std::vector<std::string_view> views(notes.begin(), notes.end());
    return specific_term(views, v, a, {});
  };
  // Written as product names: inner capitals, short acronyms; any case counts once one note writes it so.
  CHECK(term_of({"CaseLink reports time out", "caselink only has the reports it came with", "supplier charges"}) ==
        "CaseLink");
  CHECK(term_of({"300 SSRS reports on the server", "nobody owns the SSRS reports", "which report is right?"}) ==
        "SSRS");
  // A vocabulary term marked as a system, in a lower-case voice: shown as the vocabulary writes it.
  CHECK(term_of({"mosaic reports r slow", "cant get data out of mosaic", "servelec mosaic upgrade"}) == "Mosaic");
  CHECK(term_of({"the warehouse load fails", "DWH refresh is weekly"}) == "data warehouse");
  // Topics are not names (CIN, DQ), a person is not a system, and one note in three is not most.
  CHECK(term_of({"CIN figures differ", "CIN numbers wrong", "DQ is poor"}).empty());
  // A word one note shouts is no acronym when the others write it small.
  CHECK(term_of({"reports called CLA list NEW", "new field takes months", "a new report when one exists"}).empty());
  CHECK(term_of({"SSRS reports", "300 SSRS reports", "new reports"}) == "SSRS");
  CHECK(term_of({"ask Lorna", "Lorna knows", "Lorna again"}).empty());
  CHECK(term_of({"EarlyStart has no child id", "no shared id", "ids differ"}).empty());
  CHECK(term_of({"EH data not joined to CSC", "CSC and EH kept apart"}).empty());  // services, not systems
  CHECK(term_of({}).empty());
  // Notes that write a system in lower case name it when a note elsewhere on the board writes it as a name.
  const std::vector<std::string> lower = {"childview reports time out", "childview chronology is slow", "no ids"};
  const std::vector<std::string_view> lower_views(lower.begin(), lower.end());
  CHECK(specific_term(lower_views, v, a, {}).empty());
  CHECK(specific_term(lower_views, v, a, {}, board_names({"MIS \xE2\x80\x93 Kev (ChildView admin)"}, a)) == "ChildView");
  CHECK(specific_term(lower_views, v, a, {}, board_names({"Lorna knows the reports"}, a)).empty());  // a capital alone is no name

  // A heading shows the system as the board names it, whatever case its words used.
  CHECK(term_as_named("Childview reports", "ChildView") == "ChildView reports");
  CHECK(term_as_named("slow childview and CHILDVIEW exports", "ChildView") == "Slow ChildView and ChildView exports");
  CHECK(term_as_named("Childviews", "ChildView") == "Childviews");  // another word, left alone
  CHECK(term_as_named("Power bi refresh", "Power BI") == "Power BI refresh");
  CHECK(term_as_named("Reports", "") == "Reports");
  CHECK(term_as_named("", "SSRS").empty());

  CHECK(heading_with_term("Hard to report from {term}", "CaseLink") == "Hard to report from CaseLink");
  CHECK(heading_with_term("Fragile {term} loads and refreshes", "data warehouse") ==
        "Fragile data warehouse loads and refreshes");
  CHECK(heading_with_term("{term} dashboards nobody trusts", "data warehouse") == "Data warehouse dashboards nobody trusts");
  CHECK(heading_with_term("Early help in {term} not joined up", "early help").empty());  // said already
  CHECK(heading_with_term("Early help in {term} not joined up", "Liquidlogic early help module").empty());  // too long
  CHECK(heading_with_term("Hard to report from {term}", "").empty());
  CHECK(heading_with_term("", "CaseLink").empty());

  // A slot-less "with_term" in a council's file is an error naming the theme.
  const auto bad = std::filesystem::temp_directory_path() / "sdiag_naming_test_with_term.json";
  std::ofstream(bad) << R"({"themes": [{"id": "x", "name": "Hard to report", "dimension": "Systems and tools",
                                        "triggers": ["report"], "with_term": "Hard to report from it"}]})";
  Taxonomy broken;
  CHECK_THROWS_WITH_AS(broken.load(bad), doctest::Contains("themes[0]"), std::runtime_error);
  std::filesystem::remove(bad);

  Taxonomy t;
  t.load(data("themes.json"));
  for (const auto& th : t.themes()) {
    if (th.with_term.empty()) continue;
    INFO(th.id);
    auto filled = heading_with_term(th.with_term, "CareFirst");
    CHECK_FALSE(filled.empty());
    CHECK(filled.find(',') == std::string::npos);
    auto words = std::count(filled.begin(), filled.end(), ' ') + 1;
    CHECK(words >= 2);
    CHECK(words <= 7);
  }
}

TEST_CASE("markers: status tags and vote counts, not topics") {
  Markers m;
  m.load(data("markers.json"));
  for (const char* tag : {"Parked", "parked!", "Quick Win", "quick-win", "3 votes", "+2", "votes: 4", "x3", "⭐⭐",
                          "👍 5", "●", "P1", "TBC"})
    CHECK_MESSAGE(m.is_marker(tag), tag);
  for (const char* tag : {"Early help", "Data quality", "Workforce", "Power BI", "Quickbase"})
    CHECK_FALSE_MESSAGE(m.is_marker(tag), tag);
  CHECK(m.is_noise("test"));
  CHECK(m.is_noise("  Testing!! "));
  CHECK_FALSE(m.is_noise("🙂🙂"));  // no words: the clustering puts it under "Unsorted"
  CHECK_FALSE(m.is_noise("test data is copied into live"));
  CHECK_FALSE(m.is_noise(""));
  // The day's arrangements, in a line or two; whether such a note also speaks of data is the plugin's call.
  for (const char* note : {"wifi: HMBC-guest, password on the flipchart", "Lunch order by 11!! \xF0\x9F\xA5\xAA",
                           "Can someone photograph the flipchart before we pack up?", "WiFi password?"})
    CHECK_MESSAGE(m.is_housekeeping(note), note);
  for (const char* note : {"lunchtime returns backlog", "flipcharts", "pack of reports", "",
                           "the whole monthly pack is built from eleven Power Query workbooks and nobody but Jas can fix "
                           "it when one breaks, which happens most months, so the pack goes out late (and no lunch)"})
    CHECK_FALSE_MESSAGE(m.is_housekeeping(note), note);
  Markers own;
  own.add_marker("Ask Sam");
  CHECK(own.is_marker("ask sam"));
  CHECK_THROWS_AS(own.add_pattern("(unclosed"), std::regex_error);
}

TEST_CASE("a facilitator's number of themes: minor points fold in, lone notes pool") {
  auto v = vocabulary();
  std::vector<std::string> notes;
  const char* topics[][3] = {
      {"warehouse load fails overnight", "warehouse load late again", "the warehouse load broke"},
      {"ethnicity missing on referrals", "ethnicity blank for most children", "ethnicity not recorded"},
      {"supplier charges for every report change", "supplier change takes months", "report change via supplier"},
      {"analyst time goes on returns", "analysts stretched by returns", "returns eat analyst time"},
      {"early help system separate", "early help not linked", "early help data separate"},
      {"power bi licences too few", "power bi licence cost", "no power bi licences"},
      {"health data by email", "health visitor data by email", "health data late by email"},
      {"training on excel", "excel training needed", "excel skills training"},
  };
  for (const auto& t : topics)
    for (const char* n : t) notes.push_back(n);
  notes.push_back("the canteen closes early");
  MethodOptions o;
  o.target_clusters = 5;
  auto c = cluster_texts(notes, v, o);
  std::size_t whole = 0, others = 0;
  for (const auto& info : c.clusters) {
    whole += !info.other && info.members.size() > 1;
    others += info.other;
  }
  CHECK(whole <= 5);
  CHECK(others <= 1);
  if (others) CHECK(c.clusters.back().other);
  for (const auto& info : c.clusters)
    if (!info.other) CHECK(info.phrase.find(',') == std::string::npos);
  o.target_clusters = 0;
  CHECK(std::none_of(c.clusters.begin(), c.clusters.end(), [](const auto& i) { return i.other && i.members.empty(); }));
}
