// Tests {{name}}.so as the host runs it: loaded from its file by the SDK's Harness.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <sdiag/testing.hpp>

namespace {

sdiag::Diagnostic sample() {
  sdiag::Diagnostic d;
  d.meta.organisation = "Castlebrook Borough Council";
  d.people.push_back({.id = "p1", .role = "Head of service"});
  d.notes.push_back({.id = "n1", .text = "Reports take three days"});
  d.themes.push_back({.id = "t1", .label = "Slow reporting", .note_ids = {"n1"}});
  d.actions.push_back({.id = "a1", .text = "Automate the weekly return", .owner = "BI lead"});
  return d;
}

bool has_heading(const sdiag::doc::Document& doc, const std::string& text) {
  for (const auto& b : doc.blocks)
    if (auto* h = std::get_if<sdiag::doc::Heading>(&b); h && h->text == text) return true;
  return false;
}

}  // namespace

TEST_CASE("lays out themes and actions") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  auto doc = h.layout(sample());
  CHECK(doc.meta.title == "Diagnostic briefing");
  CHECK(has_heading(doc, "Themes"));
  CHECK(has_heading(doc, "Actions"));
  auto* list = std::get_if<sdiag::doc::List>(&doc.blocks.at(4));
  REQUIRE(list);
  CHECK(list->items.at(0).content.text() == "Slow reporting (1 notes)");
  auto* table = std::get_if<sdiag::doc::Table>(&doc.blocks.back());
  REQUIRE(table);
  CHECK(table->rows.at(0).at(1).text() == "BI lead");
}

TEST_CASE("the title is an option") {
  sdiag::testing::Harness h(PLUGIN_FILE);
  h.set("title", "Board briefing");
  CHECK(h.layout(sample()).meta.title == "Board briefing");
}
