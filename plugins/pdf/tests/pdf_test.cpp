// The pdf plugin through the real shared library, checked by reading the
// file back with qpdf's library (pdf_reader.cpp) and poppler's pdftotext.
#include <doctest/doctest.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

#include <unistd.h>

#include <sdiag/json.hpp>
#include <sdiag/render/theme.hpp>
#include <sdiag/testing.hpp>

#include "accessibility_fixup.hpp"
#include "pdf_reader.hpp"

namespace fs = std::filesystem;
namespace doc = sdiag::doc;

namespace {

std::string plugin(const char* name) { return std::string(SDIAG_TEST_PLUGIN_DIR) + "/" + name + ".so"; }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// What a command prints.
std::string output_of(const std::string& cmd) {
  std::string out;
  if (FILE* f = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
    pclose(f);
  }
  return out;
}

std::string pdftotext(const fs::path& p) { return output_of("pdftotext -raw '" + p.string() + "' -"); }

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string small_png() {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 120, 60);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.2, 0.4, 0.8);
  cairo_paint(cr);
  cairo_destroy(cr);
  std::string bytes;
  cairo_surface_write_to_png_stream(s, append, &bytes);
  cairo_surface_destroy(s);
  return bytes;
}

doc::Document sample_document() {
  doc::Document d;
  d.meta.title = "Test report <b>&amp;";
  d.meta.author = "Tester";
  d.meta.language = "en-GB";
  d.blocks.push_back(doc::Paragraph::plain("Test report <b>&amp;", doc::style::title));
  d.blocks.push_back(doc::Paragraph::plain("A subtitle", doc::style::subtitle));
  d.blocks.push_back(doc::Contents{});
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(doc::Heading{1, "First section", "first"});
  doc::Paragraph p;
  p.runs = {{"Plain, ", false, false, {}}, {"bold", true, false, {}}, {" and ", false, false, {}},
            {"italic <i>not markup</i>", false, true, {}}, {" with a ", false, false, {}},
            {"web link", false, false, "https://example.org/a?b=1&c='2'"}, {", a ", false, false, {}},
            {"jump", false, false, "#second"}, {", a ", false, false, {}},
            {"script", false, false, "javascript:alert(1)"}, {" and a dead ", false, false, {}},
            {"anchor", false, false, "#nowhere"}, {".", false, false, {}}};
  d.blocks.push_back(p);
  doc::List l;
  l.numbered = true;
  l.items = {{doc::Paragraph::plain("One"), 0}, {doc::Paragraph::plain("One a"), 1}, {doc::Paragraph::plain("Two"), 0}};
  d.blocks.push_back(l);
  doc::Figure drawn;
  drawn.alt = "A blue box joined to a red circle";
  drawn.caption = "Figure one";
  drawn.drawing.width = 300;
  drawn.drawing.height = 100;
  doc::DrawOp box;
  box.kind = doc::DrawOp::Kind::rect;
  box.points = {{10, 10}, {110, 60}};
  box.fill = "#a8d8f5";
  box.stroke = "#000000";
  doc::DrawOp label;
  label.kind = doc::DrawOp::Kind::text;
  label.points = {{60, 35}};
  label.text = "Boxed words";
  doc::DrawOp line;
  line.kind = doc::DrawOp::Kind::bezier;
  line.points = {{110, 35}, {150, 35}, {180, 35}, {220, 35}};
  line.stroke = "#c0162b";
  line.dashed = true;
  line.arrow_end = true;
  drawn.drawing.ops = {box, label, line};
  d.blocks.push_back(drawn);
  d.blocks.push_back(doc::Heading{2, "Second part", "second"});
  doc::Table t;
  t.caption = "A long table";
  t.header = {doc::Paragraph::plain("Number"), doc::Paragraph::plain("Words")};
  t.widths = {1, 4};
  for (int i = 1; i <= 120; ++i)
    t.rows.push_back({doc::Paragraph::plain(std::to_string(i)), doc::Paragraph::plain("Row words " + std::to_string(i))});
  d.blocks.push_back(t);
  doc::Figure png;
  png.png = small_png();
  png.alt = "A plain blue picture";
  d.blocks.push_back(png);
  doc::Figure empty;
  empty.alt = "Nothing to draw";
  d.blocks.push_back(empty);
  d.blocks.push_back(doc::Heading{1, "Last section", "last"});
  d.blocks.push_back(doc::Paragraph::plain("The end.", doc::style::note));
  return d;
}

fs::path write(const doc::Document& d, const fs::path& dir) {
  sdiag::testing::Harness h(plugin("pdf"));
  h.output_dir(dir);
  sdiag::Diagnostic diag;
  auto paths = h.write(diag, &d);
  REQUIRE(paths.size() == 1);
  CHECK(h.findings().empty());
  return paths.front();
}

}  // namespace

TEST_CASE("a document with every kind of block becomes a tagged, bookmarked PDF") {
  auto dir = fs::temp_directory_path() / "sdiag-pdf-test";
  fs::remove_all(dir);
  auto path = write(sample_document(), dir / "a");
  CHECK(path.filename() == "report.pdf");
  std::string bytes = slurp(path);
  REQUIRE(bytes.rfind("%PDF-", 0) == 0);

  const auto facts = pdf_test::read_pdf(path.string());
  CHECK(facts.warnings.empty());
  CHECK(facts.pages >= 5);  // cover, contents, and a 120-row table that breaks across pages
  CHECK(facts.lang == "en-GB");
  CHECK(facts.display_doc_title);
  CHECK(facts.marked);
  CHECK(facts.outline == std::vector<std::string>{"First section", "Second part", "Last section"});

  // Two drawn figures; the empty one is a note paragraph, not a Figure.
  CHECK(facts.alts == std::vector<std::string>{"A blue box joined to a red circle", "A plain blue picture"});
  const auto& kinds = facts.kinds;
  REQUIRE(!kinds.empty());
  CHECK(kinds.front() == "/Document");
  for (const char* k : {"/H1", "/H2", "/P", "/L", "/LI", "/Lbl", "/LBody", "/Table", "/TR", "/TH", "/TD", "/TOC",
                        "/TOCI", "/Caption"})
    CHECK_MESSAGE(std::find(kinds.begin(), kinds.end(), k) != kinds.end(), k);

  // Web links are kept, scripts and dead anchors are not.
  CHECK(facts.uri_links == std::vector<std::string>{"https://example.org/a?b=1&c='2'"});
  CHECK(facts.dest_links >= 4);  // the jump, and the contents entries

  std::string text = pdftotext(path);
  CHECK(text.find("Test report <b>&amp;") != std::string::npos);  // markup shown, not obeyed
  CHECK(text.find("italic <i>not markup</i>") != std::string::npos);
  CHECK(text.find("Boxed words") != std::string::npos);
  CHECK(text.find("Row words 120") != std::string::npos);
  CHECK(text.find("[Figure: Nothing to draw]") != std::string::npos);
  CHECK(text.find("Page 2 of " + std::to_string(facts.pages)) != std::string::npos);
  // The header row is repeated on the pages the table runs onto.
  std::size_t headers = 0;
  for (auto at = text.find("Number Words"); at != std::string::npos; at = text.find("Number Words", at + 1)) ++headers;
  CHECK(headers >= 2);

  // Same document, same bytes.
  auto again = write(sample_document(), dir / "b");
  CHECK(slurp(again) == bytes);
  fs::remove_all(dir);
}

TEST_CASE("the system map is drawn from the model, with pain points standing out") {
  std::vector<sdiag::Finding> w;
  auto diag = sdiag::diagnostic_from_json(slurp(fs::path(SDIAG_TEST_SOURCE_DIR) / "samples/castlebrook/diagnostic.json"), w);
  sdiag::testing::Harness layout(plugin("d2i-report"));
  auto d = layout.layout(diag);
  const doc::Figure* map = nullptr;
  for (const auto& b : d.blocks)
    if (const auto* f = std::get_if<doc::Figure>(&b)) map = f;
  REQUIRE(map != nullptr);
  CHECK(map->alt.find("7 resources") != std::string::npos);
  CHECK(map->drawing.width > 100);
  CHECK(map->drawing.height > 100);
  std::size_t pain = 0, plain = 0, texts = 0;
  for (const auto& op : map->drawing.ops) {
    if (op.kind == doc::DrawOp::Kind::bezier && op.arrow_end && op.points.size() >= 4) (op.dashed ? pain : plain)++;
    if (op.kind == doc::DrawOp::Kind::text) ++texts;
    for (const auto& p : op.points) {
      CHECK(p.x >= -1);
      CHECK(p.y >= -1);
      CHECK(p.x <= map->drawing.width + 1);
      CHECK(p.y <= map->drawing.height + 1);
    }
  }
  CHECK(pain == 2 + 1);   // two pain-point connections, and the legend's sample line
  CHECK(plain == 5 + 1);
  std::string all;
  for (const auto& op : map->drawing.ops) all += op.text + "|";
  for (const char* s : {"Liquidlogic LCS/EHM", "nightly extract", "External suppliers", "Corporate teams",
                        "Internal CSC teams", "Connection marked as a pain point"})
    CHECK_MESSAGE(all.find(s) != std::string::npos, s);

  diag.system_map = {};
  auto empty = layout.layout(diag);
  for (const auto& b : empty.blocks) CHECK_FALSE(std::holds_alternative<doc::Figure>(b));
}

namespace {

// A tagged PDF straight from cairo, before any fix-up: `figures` Figure
// elements, each after `paragraphs` P elements.
std::string figure_pdf(int figures = 2, int paragraphs = 1) {
  std::string bytes;
  cairo_surface_t* s = cairo_pdf_surface_create_for_stream(append, &bytes, 200, 200);
  cairo_t* cr = cairo_create(s);
  cairo_tag_begin(cr, "Document", "");
  for (int i = 0; i < figures; ++i) {
    for (int p = 0; p < paragraphs; ++p) {
      cairo_tag_begin(cr, "P", "");
      cairo_tag_end(cr, "P");
    }
    cairo_tag_begin(cr, "Figure", "");
    cairo_rectangle(cr, 10, 10 + 20 * i, 50, 10);
    cairo_fill(cr);
    cairo_tag_end(cr, "Figure");
  }
  cairo_tag_end(cr, "Document");
  cairo_destroy(cr);
  cairo_surface_finish(s);
  cairo_surface_destroy(s);
  return bytes;
}

}  // namespace

TEST_CASE("alt text goes on the Figure elements in reading order, however the file spells them") {
  auto dir = fs::temp_directory_path() / "sdiag-pdf-fixup-test";
  fs::create_directories(dir);
  const std::vector<std::string> alts{"first picture", "second picture"};
  const std::string raw = figure_pdf();
  REQUIRE(raw.find("/S /Figure") != std::string::npos);

  auto fixed = [&](const std::string& bytes, const fs::path& file) {
    std::ofstream(file, std::ios::binary) << bytes;
    return sdiag::pdf::add_accessibility_update(file, "en-GB", alts);
  };
  SUBCASE("found by their bytes, as cairo writes them") {
    auto result = fixed(raw, dir / "scan.pdf");
    CHECK(result.figures_found == 2);
    CHECK(pdf_test::read_pdf((dir / "scan.pdf").string()).alts == alts);
  }
  SUBCASE("found through the structure tree when the bytes differ") {
    std::string other = raw;  // same length, so the cross-reference table still holds
    for (auto at = other.find("/S /Figure"); at != std::string::npos; at = other.find("/S /Figure", at)) other[at + 2] = '\n';
    auto result = fixed(other, dir / "walk.pdf");
    CHECK(result.figures_found == 2);
    const auto facts = pdf_test::read_pdf((dir / "walk.pdf").string());
    CHECK(facts.warnings.empty());
    CHECK(facts.alts == alts);
  }
  SUBCASE("in a file larger than the pieces it is read in") {
    const std::string big = figure_pdf(5, 6000);  // about 2.5 MB of structure elements
    REQUIRE(big.size() > 2u << 20);
    const std::vector<std::string> five{"one", "two", "three", "four", "five"};
    std::ofstream(dir / "big.pdf", std::ios::binary) << big;
    auto result = sdiag::pdf::add_accessibility_update(dir / "big.pdf", "en-GB", five);
    CHECK(result.figures_found == 5);
    const auto facts = pdf_test::read_pdf((dir / "big.pdf").string());
    CHECK(facts.warnings.empty());
    CHECK(facts.alts == five);
  }
  fs::remove_all(dir);
}

TEST_CASE("headings are drawn in the report theme's heading colour") {
  auto dir = fs::temp_directory_path() / "sdiag-pdf-heading-colour";
  fs::remove_all(dir);
  fs::create_directories(dir);
  doc::Document d;
  d.blocks = {doc::Heading{1, "A heading in the theme's blue", "blue"}};
  auto pdf = write(d, dir);
  // Drawn at 100 dpi: the inside of the bold strokes is exactly the heading colour.
  REQUIRE(std::system(("pdftoppm -r 100 -f 1 -l 1 '" + pdf.string() + "' '" + (dir / "page").string() + "'").c_str()) == 0);
  std::string ppm;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".ppm") ppm = slurp(e.path());
  REQUIRE(ppm.rfind("P6", 0) == 0);
  std::istringstream header(ppm);
  std::string magic;
  int w = 0, h = 0, max = 0;
  header >> magic >> w >> h >> max;
  const std::size_t start = ppm.size() - std::size_t(w) * h * 3;
  const auto& c = sdiag::render::report_theme.heading;
  auto byte = [](double v) { return static_cast<unsigned char>(std::lround(v * 255)); };
  const unsigned char want[3] = {byte(c.r), byte(c.g), byte(c.b)};
  int heading_pixels = 0;
  for (std::size_t i = start; i + 2 < ppm.size(); i += 3)
    heading_pixels += static_cast<unsigned char>(ppm[i]) == want[0] && static_cast<unsigned char>(ppm[i + 1]) == want[1] &&
                      static_cast<unsigned char>(ppm[i + 2]) == want[2];
  CHECK(heading_pixels > 50);
}

TEST_CASE("a landscape page break turns the pages until the next break; header, footer and text follow the page") {
  auto dir = fs::temp_directory_path() / "sdiag-pdf-landscape";
  fs::remove_all(dir);
  fs::create_directories(dir);
  doc::Document d;
  d.meta.title = "Running title";
  d.blocks.push_back(doc::Heading{1, "Upright", "upright"});
  d.blocks.push_back(doc::PageBreak{});  // breaks in a row make one: no blank page
  d.blocks.push_back(doc::PageBreak{.landscape = true});
  d.blocks.push_back(doc::Heading{1, "Turned", "turned"});
  d.blocks.push_back(doc::Paragraph::plain("A line long enough to run well past the width of an upright page's "
                                           "text, so that where it wraps shows the page it is on."));
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(doc::Heading{1, "Upright again", "again"});
  auto pdf = write(d, dir);
  // pdfinfo: each page's size; pdftotext -bbox: where the words end.
  const std::string info = output_of("pdfinfo -f 1 -l 3 '" + pdf.string() + "'");
  CHECK(info.find("Pages:           3") != std::string::npos);
  CHECK(info.find("Page    1 size:  595.276 x 841.89 pts") != std::string::npos);
  CHECK(info.find("Page    2 size:  841.89 x 595.276 pts") != std::string::npos);
  CHECK(info.find("Page    3 size:  595.276 x 841.89 pts") != std::string::npos);
  const std::string turned = output_of("pdftotext -bbox -f 2 -l 2 '" + pdf.string() + "' -");
  // "Page 2 of 3" ends at the right margin of the turned page (842 - 72), and the paragraph runs on one line
  // well past the upright page's margin (523).
  std::smatch m;
  REQUIRE(std::regex_search(turned, m, std::regex(R"re(xMax="([\d.]+)" yMax="([\d.]+)">3<)re")));
  CHECK(std::stod(m[1]) == doctest::Approx(770).epsilon(0.005));
  CHECK(std::stod(m[2]) > 550);  // at the foot of the turned page, not of an upright one
  REQUIRE(std::regex_search(turned, m, std::regex(R"re(xMax="([\d.]+)" yMax="[\d.]+">on\.<)re")));
  CHECK(std::stod(m[1]) > 600);
  fs::remove_all(dir);
}

TEST_CASE("a long report says every word in order, the same every time") {
  auto dir = fs::temp_directory_path() / ("sdiag-pdf-long-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  doc::Document d;
  d.meta.title = "Long report";
  d.blocks.push_back(doc::Contents{});
  for (int section = 1; section <= 12; ++section) {
    d.blocks.push_back(doc::Heading{1, "Section " + std::to_string(section), "s" + std::to_string(section)});
    doc::List l;
    for (int i = 1; i <= 160; ++i) {
      const std::string n = std::to_string(section) + "." + std::to_string(i);
      doc::Paragraph p;
      // Links and a glyph no font has among plain notes.
      if (i % 10 == 0) p.runs = {{"Item " + n + " with a ", false, false, {}}, {"link", false, false, "#s1"}};
      else if (i == 33) p.runs = {{"Item " + n + " with \U0010FFFD in it", false, false, {}}};
      else p.runs = {{"Item " + n + " says what a note says, long enough to wrap onto a second line of the page", false, false, {}}};
      l.items.push_back({p, 0});
    }
    d.blocks.push_back(l);
  }
  const auto first = write(d, dir / "1"), second = write(d, dir / "2");
  const std::string pages = output_of("pdfinfo '" + first.string() + "'");
  REQUIRE(pages.find("Pages:") != std::string::npos);
  CHECK(std::stoi(pages.substr(pages.find("Pages:") + 6)) >= 40);  // past the text cache's first part
  CHECK(slurp(first) == slurp(second));
  const std::string text = pdftotext(first);
  std::size_t at = 0;
  for (int section = 1; section <= 12; ++section)
    for (int i = 1; i <= 160; ++i) {
      const auto found = text.find("Item " + std::to_string(section) + "." + std::to_string(i) + " ", at);
      REQUIRE_MESSAGE(found != std::string::npos, "item " << section << "." << i << " is missing or out of order");
      at = found;
    }
  CHECK(text.find("Page 40 of ") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a noncharacter in any text costs that letter, not the rest of the PDF") {
  // cairo refuses a text holding U+FFFE, U+FFFF or U+FDD0-U+FDEF (GLib and pango
  // take them), and a refusal stops all drawing: the file ended at that page.
  auto dir = fs::temp_directory_path() / ("sdiag-pdf-nonchar-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  doc::Document d;
  d.meta.title = "Title \xEF\xBF\xBE";
  d.blocks.push_back(doc::Heading{1, "Heading \xEF\xBF\xBF", "h"});
  d.blocks.push_back(doc::Paragraph::plain("A note with \xEF\xBF\xBE in it, and \xEF\xB7\x90 and \xF4\x8F\xBF\xBF."));
  doc::List l;
  for (int i = 1; i <= 150; ++i)
    l.items.push_back({doc::Paragraph::plain("Item " + std::to_string(i) + " \xEF\xBF\xBE long enough to fill the pages"), 0});
  d.blocks.push_back(l);
  doc::Table t;
  t.header = {doc::Paragraph::plain("Cell \xEF\xBF\xBE")};
  t.rows = {{doc::Paragraph::plain("Row \xEF\xB7\xAF")}};
  d.blocks.push_back(t);
  d.blocks.push_back(doc::Paragraph::plain("The last words."));
  const auto pdf = write(d, dir);
  const auto facts = pdf_test::read_pdf(pdf.string());
  CHECK(facts.pages >= 4);
  const std::string text = pdftotext(pdf);
  CHECK(text.find("Item 150") != std::string::npos);
  CHECK(text.find("The last words.") != std::string::npos);
  CHECK(text.find("Page " + std::to_string(facts.pages) + " of " + std::to_string(facts.pages)) != std::string::npos);
  fs::remove_all(dir);
}
