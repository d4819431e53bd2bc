// The cluster plugin through the real shared library, as the host runs it.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <sdiag/json.hpp>
#include <sdiag/testing.hpp>

namespace {

std::string plugin_path() { return std::string(SDIAG_TEST_PLUGIN_DIR) + "/cluster.so"; }

sdiag::Diagnostic castlebrook() {
  std::ifstream in(std::string(SDIAG_TEST_SOURCE_DIR) + "/samples/castlebrook/diagnostic.json");
  std::stringstream s;
  s << in.rdbuf();
  std::vector<sdiag::Finding> w;
  return sdiag::diagnostic_from_json(s.str(), w);
}

const sdiag::Theme* theme_of(const sdiag::Diagnostic& d, const std::string& note) {
  for (const auto& t : d.themes)
    if (std::find(t.note_ids.begin(), t.note_ids.end(), note) != t.note_ids.end()) return &t;
  return nullptr;
}

sdiag::Note note(std::string id, std::string section, std::string prompt, std::string text) {
  sdiag::Note n;
  n.id = std::move(id);
  n.section = std::move(section);
  n.prompt = std::move(prompt);
  n.text = std::move(text);
  return n;
}

}  // namespace

TEST_CASE("golden: the Castlebrook sample's themes") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto d = h.analyse(castlebrook());
  // Only the default sections are grouped: pain points, problems, ideas.
  CHECK(theme_of(d, "n001") == nullptr);
  CHECK(theme_of(d, "n054") == nullptr);
  for (const char* id : {"n005", "n013", "n020", "n031"}) CHECK(theme_of(d, id) != nullptr);
  // The pairs a facilitator would put together.
  auto same = [&](const std::string& a, const std::string& b) {
    INFO(a << " and " << b);
    REQUIRE(theme_of(d, a));
    CHECK(theme_of(d, a) == theme_of(d, b));
  };
  same("n013", "n014");  // warehouse load fails
  same("n024", "n025");  // 903 knowledge with one or two people
  same("n025", "n031");
  same("n020", "n021");  // early help data quality
  same("n015", "n016");  // IT tickets for Liquidlogic report changes
  same("n018", "n019");  // Power BI and spreadsheets disagree
  CHECK(theme_of(d, "n013") != theme_of(d, "n020"));
  CHECK(theme_of(d, "n024") != theme_of(d, "n015"));
  for (const auto& t : d.themes) {
    CHECK(t.origin == "cluster");
    // Named after its most central note, or after the taxonomy theme it matches (kept in extra).
    if (t.extra.count("taxonomy_id")) CHECK(t.extra.at("taxonomy_id") == "\"" + t.id + "\"");
    else if (t.label == "Other points") CHECK(t.id == "t-other");
    else CHECK(t.id == "t-" + t.example_note_id);
    CHECK(t.label.find(',') == std::string::npos);
    CHECK(std::find(t.note_ids.begin(), t.note_ids.end(), t.example_note_id) != t.note_ids.end());
    CHECK_FALSE(t.label.empty());
    CHECK(t.confidence >= 0.0);
    CHECK(t.confidence <= 1.0);
  }
  // Labels show words, not stems, and the vocabulary's terms as written.
  const auto* w = theme_of(d, "n013");
  CHECK(std::find(w->keywords.begin(), w->keywords.end(), "data warehouse") != w->keywords.end());
  const auto* r = theme_of(d, "n024");
  CHECK(std::find(r->keywords.begin(), r->keywords.end(), "SSDA903") != r->keywords.end());
}

TEST_CASE("same input, same themes and ids") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto a = h.analyse(castlebrook());
  auto b = h.analyse(castlebrook());
  CHECK(a.themes == b.themes);
}

TEST_CASE("manual themes win: tags, theme frames and edited themes are kept") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto d = castlebrook();
  // A re-run on an edited diagnostic: the facilitator's theme and a stale cluster theme.
  sdiag::Theme edited;
  edited.id = "t-n013";
  edited.label = "Overnight load";
  edited.origin = "manual";
  edited.note_ids = {"n013", "n026"};
  d.themes.push_back(edited);
  sdiag::Theme stale;
  stale.id = "t-old";
  stale.origin = "cluster";
  stale.note_ids = {"n017"};
  d.themes.push_back(stale);
  for (auto& n : d.notes) {
    if (n.id == "n017") n.tags = {"Local spreadsheets"};
    if (n.id == "n018") n.position = sdiag::Position{0, 0, "Theme: Local spreadsheets"};
  }
  auto out = h.analyse(d);
  REQUIRE(!out.themes.empty());
  CHECK(out.themes[0] == edited);
  CHECK(theme_of(out, "n026")->id == "t-n013");
  const auto* tagged = theme_of(out, "n017");
  REQUIRE(tagged);
  CHECK(tagged->origin == "manual");
  CHECK(tagged->label == "Local spreadsheets");
  CHECK(tagged->note_ids == std::vector<std::string>{"n017", "n018"});
  CHECK(std::none_of(out.themes.begin(), out.themes.end(), [](const auto& t) { return t.id == "t-old"; }));
  // The edited theme's notes are not clustered again.
  int seen = 0;
  for (const auto& t : out.themes) seen += std::count(t.note_ids.begin(), t.note_ids.end(), "n013");
  CHECK(seen == 1);
}

TEST_CASE("the frame of a note sdiag could not place names no theme") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto d = castlebrook();
  for (auto& n : d.notes)
    if (n.id == "n017") {
      n.section = sdiag::unsorted_section;
      n.position = sdiag::Position{0, 0, "Morning"};
    }
  h.set("sections", "key_issues,unsorted");
  auto out = h.analyse(d);
  CHECK(std::none_of(out.themes.begin(), out.themes.end(), [](const auto& t) { return t.label == "Morning"; }));
}

TEST_CASE("a sticky that heads a column joins no theme") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto d = castlebrook();
  for (auto& n : d.notes)
    if (n.id == "n017") n.extra["heading"] = "true";
  auto out = h.analyse(d);
  CHECK(theme_of(out, "n017") == nullptr);
  CHECK(theme_of(out, "n018") != nullptr);
}

TEST_CASE("a note marked as not an issue joins no theme, even one it was in") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto d = castlebrook();
  sdiag::Theme kept;
  kept.id = "m-kept";
  kept.label = "Kept";
  kept.origin = "manual";
  kept.note_ids = {"n018", "n017"};
  d.themes.push_back(kept);
  for (auto& n : d.notes) {
    if (n.id == "n017") n.extra["not_an_issue"] = "true";
    if (n.id == "n013") n.extra["not_an_issue"] = "false";
  }
  auto out = h.analyse(d);
  CHECK(theme_of(out, "n017") == nullptr);
  CHECK(theme_of(out, "n013") != nullptr);
  CHECK(theme_of(out, "n018")->id == "m-kept");
  CHECK(theme_of(out, "n018")->note_ids == std::vector<std::string>{"n018"});
  CHECK(std::any_of(h.findings().begin(), h.findings().end(),
                    [](const auto& f) { return f.message.find("marked as not an issue") != std::string::npos; }));
}

TEST_CASE("sections option: section, section/prompt and unknown entries") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  h.set("sections", "key_issues/best_things,actions,nowhere");
  auto d = h.analyse(castlebrook());
  CHECK(theme_of(d, "n009") != nullptr);
  CHECK(theme_of(d, "n054") != nullptr);
  CHECK(theme_of(d, "n013") == nullptr);
  CHECK(std::any_of(h.findings().begin(), h.findings().end(), [](const auto& f) {
    return f.severity == sdiag::Severity::warning && f.message.find("'nowhere'") != std::string::npos;
  }));
}

TEST_CASE("odd notes never crash and nothing is dropped") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  sdiag::Diagnostic empty;
  CHECK(h.analyse(empty).themes.empty());
  sdiag::Diagnostic d;
  d.notes.push_back(note("a", "unsorted", "", ""));
  d.notes.push_back(note("b", "unsorted", "", "🙂🙂"));
  d.notes.push_back(note("c", "unsorted", "", "Données manquantes über alles"));
  d.notes.push_back(note("d", "unsorted", "", std::string(200000, 'x')));
  auto out = h.analyse(d);
  for (const char* id : {"a", "b", "c", "d"}) CHECK(theme_of(out, id) != nullptr);
  CHECK(theme_of(out, "a")->label == "Unsorted");
}

TEST_CASE("a missing vocabulary is a finding, not a failure") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  h.set("vocabulary", "vocabulary/does-not-exist.json");
  auto d = h.analyse(castlebrook());
  CHECK_FALSE(d.themes.empty());
  CHECK(std::any_of(h.findings().begin(), h.findings().end(),
                    [](const auto& f) { return f.message.find("vocabulary not used") != std::string::npos; }));
}

TEST_CASE("markers make no theme; topic tags still do; a 'test' sticky is noise") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto d = castlebrook();
  for (auto& n : d.notes) {
    if (n.id == "n013") n.tags = {"Parked", "3 votes"};
    if (n.id == "n017") n.tags = {"Quick win", "Local spreadsheets"};
  }
  d.notes.push_back(note("n900", "key_issues", "pain_points", "test"));
  auto out = h.analyse(d);
  for (const auto& t : out.themes) {
    CHECK(t.label != "Parked");
    CHECK(t.label != "Quick win");
    CHECK(t.label != "3 votes");
  }
  REQUIRE(theme_of(out, "n017"));
  CHECK(theme_of(out, "n017")->label == "Local spreadsheets");
  REQUIRE(theme_of(out, "n013"));
  CHECK(theme_of(out, "n013")->origin == "cluster");
  const auto& marked = *std::find_if(out.notes.begin(), out.notes.end(), [](const auto& n) { return n.id == "n013"; });
  CHECK(marked.extra.at("markers") == R"(["Parked","3 votes"])");
  CHECK(theme_of(out, "n900") == nullptr);
  CHECK(std::any_of(h.findings().begin(), h.findings().end(),
                    [](const auto& f) { return f.message.find("not workshop content") != std::string::npos; }));
}

TEST_CASE("a note about the day's arrangements joins no theme, unless it speaks of data") {
  sdiag::testing::Harness h(plugin_path());
  h.data_dir(SDIAG_TEST_DATA_DIR);
  auto d = castlebrook();
  d.notes.push_back(note("n901", "unsorted", "", "wifi = KCC-Guest, pw on the door"));
  d.notes.push_back(note("n902", "ideas", "", "lunch order by 11!! \xF0\x9F\xA5\xAA"));
  d.notes.push_back(note("n903", "key_issues", "pain_points", "no wifi in the family hubs so recording is done days late"));
  auto out = h.analyse(d);
  CHECK(theme_of(out, "n901") == nullptr);
  CHECK(theme_of(out, "n902") == nullptr);
  CHECK(theme_of(out, "n903") != nullptr);
  CHECK(out.notes.size() == d.notes.size());  // kept in the record and the appendix
  CHECK(std::any_of(h.findings().begin(), h.findings().end(), [](const auto& f) {
    return f.message.find("day's arrangements") != std::string::npos && f.location.find("n901") != std::string::npos;
  }));
}
