// The ms-whiteboard input, loaded as the real plugin, on the sample export
// (samples/whiteboard, made by tests/integration/whiteboard_export.py) and on
// pages cut down to one rule each.
#include <doctest/doctest.h>

#include <fstream>

#include <sdiag/testing.hpp>

#include "../export_page.hpp"

namespace {

std::string sample() { return std::string(SDIAG_TEST_SOURCE_DIR) + "/samples/whiteboard/castlebrook-whiteboard.zip"; }

sdiag::testing::Harness harness() {
  sdiag::testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/ms-whiteboard.so");
  h.data_dir(SDIAG_TEST_DATA_DIR);
  return h;
}

const sdiag::Note* find(const sdiag::Diagnostic& d, const std::string& start) {
  for (const auto& n : d.notes)
    if (n.text.rfind(start, 0) == 0) return &n;
  return nullptr;
}

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
  auto p = std::filesystem::temp_directory_path() / ("sdiag-wb-test-" + name);
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

std::string anchor(const std::string& type, const std::string& style, const std::string& body) {
  return "<div class=\"anchor\" data-whiteboard-type=\"" + type + "\" style=\"" + style + "\">" + body + "</div>";
}

std::string draft(const std::string& line) {
  return "<div data-block=\"true\"><div><span><span data-text=\"true\">" + line + "</span></span></div></div>";
}

}  // namespace

TEST_CASE("the export's zip and its page are recognised, other zips and pages are not") {
  auto h = harness();
  CHECK(h.sniff(sample()) >= 90);
  CHECK(h.sniff(write_temp("other.zip", std::string("PK\3\4") + "word/document.xml")) == 0);
  CHECK(h.sniff(write_temp("page.html", "<html><body><p>hello</p></body></html>")) == 0);
}

TEST_CASE("every note of the sample is kept, in the section and prompt it sits in") {
  auto h = harness();
  auto d = h.read(sample());
  CHECK(d.notes.size() == 15);
  auto placed = [&](const std::string& start, const std::string& section, const std::string& prompt) {
    const auto* n = find(d, start);
    REQUIRE_MESSAGE(n, start);
    CHECK_MESSAGE(n->section == section, start);
    CHECK_MESSAGE(n->prompt == prompt, start);
  };
  placed("We cannot see how long", "dcs_view", "");          // under a heading
  placed("Front door team", "key_issues", "best_things");     // in a titled rectangle, under a prompt heading
  placed("Re-keying CIN data", "key_issues", "pain_points");  // turned a little
  placed("Nobody owns data quality", "key_issues", "pain_points");  // scaled
  placed("One agreed definition", "key_issues", "problems");
  placed("Power BI licences?", "ideas", "");                  // in a note grid titled with the section
  placed("Sam to map the CIN extract", "actions", "");        // on a shape titled by its own text
  placed("Is the room free", "unsorted", "");                 // on nothing
  placed("Remember: no children's names", "unsorted", "");    // a text box that names nothing is a note too
  const auto* multi = find(d, "Nobody owns");
  CHECK(multi->text == "Nobody owns data quality\nin CaseLink");
  CHECK(multi->colour == "#f18992");
  CHECK(multi->source.ref == "n6");
  REQUIRE(multi->position);
  CHECK(multi->position->frame == "Pain points");
  CHECK(d.meta.title == "Castlebrook diagnostic - 24 June");
  bool unsorted = false, not_read = false, comments = false;
  for (const auto& f : h.findings()) {
    unsorted = unsorted || f.message.find("2 of 15 notes") != std::string::npos;
    not_read = not_read || (f.message.find("1 ink drawings") != std::string::npos &&
                            f.message.find("1 pictures") != std::string::npos && f.message.find("1 connectors") != std::string::npos);
    comments = comments || f.message.find("1 comment(s)") != std::string::npos;
  }
  CHECK(unsorted);
  CHECK(not_read);
  CHECK(comments);
}

TEST_CASE("an anchor's matrix moves, scales and turns its note") {
  const std::string page = "<html><body><div id=\"canvasContent\">" +
                           anchor("Note", "left: 100px; top: 50px; transform: matrix(0.5, 0, 0, 0.5, 10, 20);",
                                  "<div class=\"stickyNote\" style=\"width: 200px; height: 160px\">" + draft("a") + "</div>") +
                           anchor("Note", "left: 0px; top: 0px; transform: matrix(0, 1, -1, 0, 0, 0);",
                                  "<div class=\"stickyNote\" style=\"width: 100px; height: 60px\">" + draft("b") + "</div>") +
                           "</div></body></html>";
  auto p = sdiag::ms_whiteboard::read_export_page(page);
  REQUIRE(p.objects.size() == 2);
  CHECK(p.objects[0].box.left == doctest::Approx(110));
  CHECK(p.objects[0].box.top == doctest::Approx(70));
  CHECK(p.objects[0].box.right == doctest::Approx(210));
  CHECK(p.objects[0].box.bottom == doctest::Approx(170));  // 160 + the 40 px author bar, halved
  CHECK(p.objects[1].box.left == doctest::Approx(-100));  // a quarter turn: x runs down, y runs left
  CHECK(p.objects[1].box.bottom == doctest::Approx(100));
}

TEST_CASE("a page that is not a Whiteboard canvas, or a damaged zip, is refused with a reason") {
  auto h = harness();
  CHECK_THROWS_WITH(h.read(write_temp("not.html", "<html><body><div data-whiteboard-type=\"Note\"></div></body></html>")),
                    doctest::Contains("canvasContent"));
  CHECK_THROWS(h.read(write_temp("broken.zip", std::string("PK\3\4") + std::string(40, '\0'))));
  // Text that is not UTF-8 or holds markup stays text.
  const std::string page = "<html><body><div id=\"canvasContent\">" +
                           anchor("Note", "left: 0px; top: 0px;", draft("&lt;script&gt;x&lt;/script&gt; caf\xe9")) +
                           "</div></body></html>";
  auto d = h.read(write_temp("odd.html", page));
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].text.find("<script>x</script>") == 0);
}
