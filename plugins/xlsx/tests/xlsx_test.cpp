// The xlsx plugin loaded as the host loads it: write a plan, read it back.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/testing.hpp>

namespace fs = std::filesystem;

namespace {

const std::string plugin = std::string(SDIAG_TEST_PLUGIN_DIR) + "/xlsx.so";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

sdiag::Diagnostic fixture() {
  std::vector<sdiag::Finding> warnings;
  return sdiag::diagnostic_from_json(
      slurp(fs::path(SDIAG_TEST_SOURCE_DIR) / "plugins/xlsx/tests/fixtures/plan-diagnostic.json"), warnings);
}

// Folders the tests write into, removed when the test program ends.
struct Scratch {
  std::vector<fs::path> dirs;
  ~Scratch() {
    std::error_code ec;
    for (const auto& d : dirs) fs::remove_all(d, ec);
  }
} scratch;

fs::path fresh_dir(const std::string& name) {
  auto d = fs::temp_directory_path() / ("sdiag-xlsx-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  scratch.dirs.push_back(d);
  return d;
}

fs::path write_plan(const sdiag::Diagnostic& d, const std::string& name) {
  sdiag::testing::Harness h(plugin);
  h.output_dir(fresh_dir(name));
  auto written = h.write(d, nullptr);
  REQUIRE(written.size() == 1);
  CHECK(written[0].filename() == "action-plan.xlsx");
  return written[0];
}

const sdiag::Action* find(const sdiag::Diagnostic& d, const std::string& id) {
  for (const auto& a : d.actions)
    if (a.id == id) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("the plugin declares itself as input and output") {
  sdiag::testing::Harness h(plugin);
  CHECK(h.info().name == "xlsx");
  CHECK(h.info().kinds == std::vector<sdiag::Kind>{sdiag::Kind::input, sdiag::Kind::output});
}

TEST_CASE("the same diagnostic gives a byte-identical workbook") {
  auto d = fixture();
  auto one = slurp(write_plan(d, "same1"));
  auto two = slurp(write_plan(d, "same2"));
  CHECK(one.size() > 5000);
  CHECK(one == two);
}

TEST_CASE("a plan read back unchanged changes nothing") {
  auto before = fixture();
  auto path = write_plan(before, "unchanged");
  sdiag::testing::Harness h(plugin);
  CHECK(h.sniff(path) >= 90);
  auto after = h.read(path, before);
  CHECK(after.actions == before.actions);
  bool summary = false;
  for (const auto& f : h.findings()) {
    CHECK(f.severity == sdiag::Severity::info);
    if (f.message.find("0 actions updated, 0 added, 0 removed, 5 unchanged") != std::string::npos) summary = true;
  }
  CHECK(summary);
}

TEST_CASE("a Latest update as sdiag wrote it is not taken for typed words, whatever its spaces and line ends") {
  auto before = fixture();
  REQUIRE(before.actions.size() >= 2);
  // A carriage return (stored as _x000D_) inside the cell, and spaces ending it, which the reader trims.
  before.actions[0].updates.push_back({"2026-03-01", "in progress", "Chased the supplier;\r\nwaiting for the reply.", "Sam Lee"});
  before.actions[1].updates.push_back({"2026-03-02", "in progress", "Asked again.  \n", ""});
  auto path = write_plan(before, "latest-spaces");
  sdiag::testing::Harness h(plugin);
  auto after = h.read(path, before);
  CHECK(after.actions == before.actions);
  for (const auto& f : h.findings()) CHECK(f.severity == sdiag::Severity::info);
}

TEST_CASE("a plan read without a diagnostic gives back its actions") {
  auto before = fixture();
  auto path = write_plan(before, "alone");
  sdiag::testing::Harness h(plugin);
  auto after = h.read(path, sdiag::Diagnostic{});
  REQUIRE(after.actions.size() == 5);
  for (const auto& a : before.actions) {
    const auto* b = find(after, a.id);
    REQUIRE(b);
    CHECK(b->text == a.text);
    CHECK(b->owner == a.owner);
    CHECK(b->status == a.status);
    CHECK(b->due == a.due);
    // The Latest update cell gives back the last update of each action's history.
    if (a.updates.empty()) {
      CHECK(b->updates.empty());
    } else {
      REQUIRE(b->updates.size() == 1);
      CHECK(b->updates[0].date == a.updates.back().date);
      CHECK(b->updates[0].status == a.updates.back().status);
      CHECK(b->updates[0].comment == a.updates.back().comment);
      CHECK(b->updates[0].by == a.updates.back().by);
    }
  }
  CHECK(find(after, "a4")->due_text == "end of Q1");
  CHECK(find(after, "a4")->extra.at("plan_comments") == "\"+44 1234 567890 is the helpdesk\"");
}

TEST_CASE("an action missing from the plan is kept, marked and reported") {
  auto d = fixture();
  auto path = write_plan(d, "removed");
  auto with_more = d;
  with_more.actions.push_back({.id = "a9", .text = "Deleted by an officer", .status = "in progress"});
  sdiag::testing::Harness h(plugin);
  auto after = h.read(path, with_more);
  const auto* a9 = find(after, "a9");
  REQUIRE(a9);
  CHECK(a9->status == "in progress");
  REQUIRE(a9->updates.size() == 1);
  CHECK(a9->updates[0].comment == "Removed from the action plan.");
  CHECK(a9->updates[0].date == "2026-01-01");
  CHECK(a9->extra.count("removed_from_plan") == 1);
  bool warned = false;
  for (const auto& f : h.findings())
    if (f.severity == sdiag::Severity::warning && f.message.find("a9") != std::string::npos) warned = true;
  CHECK(warned);

  // The refreshed plan leaves it out; reading that back does not report it again.
  auto refreshed = write_plan(after, "removed2");
  sdiag::testing::Harness h2(plugin);
  auto again = h2.read(refreshed, after);
  CHECK(again.actions == after.actions);
}

TEST_CASE("files that are not workbooks give clear errors") {
  auto dir = fresh_dir("hostile");
  auto text = dir / "plan.xlsx";
  std::ofstream(text) << "ID,Action\n1,Do it\n";
  sdiag::testing::Harness h(plugin);
  CHECK(h.sniff(text) == 0);
  CHECK_THROWS_WITH_AS(h.read(text, sdiag::Diagnostic{}), doctest::Contains("not a zip file"), sdiag::InputError);
}

TEST_CASE("the Action column shows the action's title; words agreed for a date live in the Due cell's note") {
  auto d = fixture();
  sdiag::Action a;
  a.id = "a9";
  a.text = "Agree the KPI list\nOwner: Head of Quality\nWhen: TBC";
  a.extra["title"] = "\"Agree the KPI list\"";
  a.owner = "Dana Wells";
  a.due_text = "TBC";
  d.actions.push_back(a);
  auto path = write_plan(d, "title");

  sdiag::testing::Harness h(plugin);
  auto after = h.read(path, d);  // read back over the record: nothing changed
  const auto* back = find(after, "a9");
  REQUIRE(back);
  CHECK(back->text == a.text);  // the full text stays in the record
  CHECK(back->due.empty());
  CHECK(back->due_text == "TBC");
  CHECK(back->updates.empty());

  sdiag::testing::Harness alone(plugin);
  auto plan_only = alone.read(path, sdiag::Diagnostic{});  // the plan on its own
  REQUIRE(find(plan_only, "a9"));
  CHECK(find(plan_only, "a9")->text == "Agree the KPI list");
  CHECK(find(plan_only, "a9")->due_text == "TBC");  // from the cell's note
}

TEST_CASE("numbers of the plan's own columns that Excel cannot hold are written as text, never fail the plan") {
  auto d = fixture();
  REQUIRE(!d.actions.empty());
  // A hand-edited diagnostic.json: a number too small for a double's full
  // precision (std::stod refused it and the plan was lost), and an ordinary one.
  d.extra["action_plan_columns"] = R"(["Tiny","Budget"])";
  d.actions[0].extra["plan_columns"] = R"({"Tiny": 1e-320, "Budget": 1250.5})";
  auto path = write_plan(d, "odd-numbers");
  sdiag::testing::Harness h(plugin);
  auto after = h.read(path, d);
  const auto* a = find(after, d.actions[0].id);
  REQUIRE(a);
  CHECK(a->extra.at("plan_columns").find("1250.5") != std::string::npos);
}
