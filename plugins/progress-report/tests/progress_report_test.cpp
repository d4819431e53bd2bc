#include <doctest/doctest.h>

#include <sdiag/testing.hpp>

using namespace sdiag;

namespace {


Diagnostic plan_read_back() {
  Diagnostic d;
  d.meta.organisation = "Castlebrook";
  d.meta.sources = {{"out/diagnostic.json", "json", "", "json"}, {"plans/action-plan (edited).xlsx", "action-plan", "", "xlsx"}};
  d.themes = {{.id = "t1", .label = "Definitions differ between teams"}};
  Action done{.id = "a1", .text = "Agree one definition of a referral", .owner = "Priya Shah", .due = "2026-03-31",
              .status = "done", .theme_ids = {"t1"}};
  done.updates = {{"2026-01-01", "done", "Agreed at the March board", "Priya Shah"}};
  Action late{.id = "a2", .text = "Map the feeds", .owner = "", .due = "2025-11-30", .status = "in progress"};
  Action blocked{.id = "a3", .text = "Buy a BI tool", .owner = "Tom Bell", .due = "2026-06-30", .status = "blocked"};
  Action gone{.id = "a4", .text = "Old idea", .status = "dropped"};
  gone.extra["removed_from_plan"] = "true";
  gone.updates = {{"2026-01-01", "dropped", "", ""}};
  d.actions = {done, late, blocked, gone};
  return d;
}

}  // namespace

TEST_CASE("the progress report counts the plan as of today and names the plan read back") {
  testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/progress-report.so");
  auto doc = h.layout(plan_read_back());  // SOURCE_DATE_EPOCH is 2026-01-01 in the tests
  CHECK(doc.meta.title == "Progress on the action plan");
  CHECK(doc.meta.date == "2026-01-01");
  auto text = testing::text_of(doc);
  CHECK(text.find("Read back from action-plan (edited).xlsx on 01/01/2026: 3 actions in the plan, 1 done, 1 overdue "
                  "and 1 blocked. 1 actions changed in this return and 1 were removed from the plan.") != std::string::npos);
  CHECK(text.find("a1 Agree one definition of a referral: Done. Agreed at the March board") != std::string::npos);
  CHECK(text.find("a4 Old idea: removed from the plan (kept in the record).") != std::string::npos);
  CHECK(text.find("(no owner yet)") != std::string::npos);           // a2 under "By owner"
  CHECK(text.find("Definitions differ between teams") != std::string::npos);  // a1 under "By theme"
  CHECK(text.find("30/11/2025") != std::string::npos);                // a2's due date, overdue
}

TEST_CASE("an empty plan says so rather than showing empty tables") {
  testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/progress-report.so");
  auto text = testing::text_of(h.layout(Diagnostic{}));
  CHECK(text.find("Read back from the action plan on 01/01/2026: 0 actions in the plan") != std::string::npos);
  CHECK(text.find("No action is done yet.") != std::string::npos);
  CHECK(text.find("The plan has no actions.") != std::string::npos);
}
