#include <doctest/doctest.h>

#include <sdiag/testing.hpp>

using namespace sdiag;

TEST_CASE("themes without a taxonomy id take the one their notes point to; notes get theirs") {
  testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/taxonomy-align.so");
  h.data_dir(SDIAG_TEST_DATA_DIR);
  Diagnostic d;
  d.notes = {{.id = "n1", .text = "every new field is a chargeable change request to the supplier"},
             {.id = "n2", .text = "supplier takes months to change anything"},
             {.id = "n3", .text = "lovely cake at the away day"},
             {.id = "n4", .text = "child records duplicated across teams"}};
  d.themes = {{.id = "t1", .label = "Tickets", .note_ids = {"n1", "n2"}},
              {.id = "t2", .label = "Cake", .note_ids = {"n3"}},
              {.id = "t3", .label = "Kept", .note_ids = {"n4"}}};
  d.themes[2].extra["taxonomy_id"] = "\"data-strategy\"";
  d = h.analyse(d);
  CHECK(d.themes[0].extra.at("taxonomy_id") == "\"report-changes-wait\"");
  CHECK(d.themes[0].extra.at("taxonomy_matched") == "\"taxonomy-align\"");
  CHECK(d.themes[0].extra.count("taxonomy_dimension") == 1);
  CHECK(d.themes[1].extra.count("taxonomy_id") == 0);
  CHECK(d.themes[2].extra.at("taxonomy_id") == "\"data-strategy\"");  // a theme already named keeps its id
  CHECK(d.themes[2].extra.count("taxonomy_matched") == 0);
  CHECK(d.notes[1].extra.at("taxonomy_id") == "\"report-changes-wait\"");
  CHECK(d.notes[2].extra.count("taxonomy_id") == 0);
  CHECK(d.notes[3].extra.at("taxonomy_id") == "\"recording-quality\"");
}
