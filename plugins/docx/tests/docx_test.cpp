// The docx plugin loaded as the host loads it, writing Documents built here.
#include <doctest/doctest.h>

#include <cairo.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <regex>

#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/ooxml/package_writer.hpp>
#include <sdiag/ooxml/xml.hpp>
#include <sdiag/render/theme.hpp>
#include <sdiag/testing.hpp>

namespace {

using namespace sdiag::doc;

/// Every part of a written .docx, by name, read back with the one package reader.
std::map<std::string, std::string> read_package(const std::filesystem::path& path) {
  auto package = sdiag::ooxml::Package::from_file(path, "DOCX");
  std::map<std::string, std::string> parts;
  for (const auto& name : package.names()) parts[name] = *package.read(name);
  return parts;
}

/// How many times `needle` occurs in `haystack`.
std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + needle.size())) ++n;
  return n;
}

std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("sdiag-docx-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string plugin() { return std::string(SDIAG_TEST_PLUGIN_DIR) + "/docx.so"; }

/// Writes `doc` with the real plugin and returns the package's parts.
std::map<std::string, std::string> write(const Document& doc, const std::string& name,
                                         std::vector<sdiag::Finding>* findings = nullptr) {
  sdiag::testing::Harness h(plugin());
  auto dir = fresh_dir(name);
  h.output_dir(dir);
  sdiag::Diagnostic diag;
  auto written = h.write(diag, &doc);
  REQUIRE(written.size() == 1);
  CHECK(written[0] == dir / "report.docx");
  if (findings) *findings = h.findings();
  return read_package(written[0]);
}

/// Parses a part as a real XML reader would: throws when it is not well-formed.
void require_well_formed(const std::string& xml) {
  auto doc = sdiag::ooxml::parse_xml(xml, "part");
  REQUIRE(doc->documentElement() != nullptr);
}

std::string png_bytes(int w, int h) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.2, 0.4, 0.8);
  cairo_paint(cr);
  cairo_destroy(cr);
  std::string out;
  cairo_surface_write_to_png_stream(
      s,
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &out);
  cairo_surface_destroy(s);
  return out;
}

Document small_document() {
  Document d;
  d.meta.title = "Data service diagnostic: Testshire";
  d.meta.organisation = "Testshire County Council";
  d.meta.author = "A Facilitator";
  d.blocks.push_back(Paragraph::plain(d.meta.title, style::title));
  d.blocks.push_back(Contents{});
  d.blocks.push_back(PageBreak{});
  d.blocks.push_back(Heading{1, "What the DCS sees now", "dcs-view"});
  d.blocks.push_back(Paragraph{{Run{"See ", false, false, {}}, Run{"the actions", false, false, "#immediate-actions"},
                                Run{" and ", false, false, {}}, Run{"D2I", true, false, "https://www.datatoinsight.org/?a=1&b=2"}},
                               ""});
  d.blocks.push_back(Heading{2, "Sub-section", "sub"});
  d.blocks.push_back(Heading{3, "Detail", "detail"});
  d.blocks.push_back(Heading{1, "Immediate actions", "immediate-actions"});
  d.blocks.push_back(List{false, {ListItem{Paragraph::plain("Agree an owner"), 0}}});
  return d;
}

}  // namespace

TEST_CASE("hostile text is escaped, and characters XML cannot carry are removed") {
  Document d;
  d.meta.title = "Report <b>\x01";
  const std::string hostile = "<script>alert('x')</script> & \"quoted\" \x01\x08\x0B\x1F end \xFF\xFE";
  d.blocks.push_back(Heading{1, hostile, "h\"1<"});
  d.blocks.push_back(Paragraph::plain(hostile));
  d.blocks.push_back(Paragraph{{Run{"click", false, false, "javascript:alert(1)"}, Run{"mail", false, false, "mailto:a@b.org"}}, ""});
  Table t;
  t.header = {Paragraph::plain("A & B"), Paragraph::plain("<C>")};
  t.rows = {{Paragraph::plain(hostile), Paragraph::plain("ok")}};
  t.caption = "caption \"with\" <tags>";
  d.blocks.push_back(t);
  Figure f;
  f.drawing = Drawing{100, 50, {DrawOp{DrawOp::Kind::text, {{50, 25}}, "#000000", "", 1, false, false, hostile}}};
  f.alt = hostile;
  d.blocks.push_back(f);

  auto parts = write(d, "hostile");
  const auto& body = parts.at("word/document.xml");
  for (const auto& part : parts) {
    const std::string& name = part.first;  // not a structured binding: clang 14 cannot capture one
    if (name.ends_with(".xml") || name.ends_with(".rels")) {
      CAPTURE(name);
      require_well_formed(part.second);
    }
  }
  CHECK(body.find("<script>") == std::string::npos);
  CHECK(body.find("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quoted&quot;") != std::string::npos);
  for (char c : {'\x01', '\x08', '\x0B', '\x1F'}) CHECK(body.find(c) == std::string::npos);
  CHECK(body.find("\xFF") == std::string::npos);
  CHECK(body.find("end \xEF\xBF\xBD\xEF\xBF\xBD") != std::string::npos);  // bad bytes become U+FFFD
  CHECK(parts.at("docProps/core.xml").find("<dc:title>Report &lt;b&gt;</dc:title>") != std::string::npos);
  const auto& rels = parts.at("word/_rels/document.xml.rels");
  CHECK(rels.find("javascript") == std::string::npos);  // only http(s) and mailto become links
  CHECK(rels.find("Target=\"mailto:a@b.org\"") != std::string::npos);
  CHECK(count(body, "<w:hyperlink") == 1);
  // Bookmark names are letters, digits and underscores only.
  CHECK(body.find("w:name=\"h_1_\"") != std::string::npos);
}

TEST_CASE("an empty Document is still a complete, valid package") {
  auto parts = write(Document{}, "empty");
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                           "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
                           "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"}) {
    CAPTURE(name);
    REQUIRE(parts.count(name));
    require_well_formed(parts.at(name));
  }
  const auto& body = parts.at("word/document.xml");
  CHECK(body.find("<w:body><w:sectPr>") != std::string::npos);
  CHECK(body.find("<w:pgSz w:h=\"16838\" w:w=\"11906\"/>") != std::string::npos);  // A4
  CHECK(parts.at("docProps/core.xml").find("<dc:language>en-GB</dc:language>") != std::string::npos);
  CHECK(parts.at("word/settings.xml").find("<w:updateFields w:val=\"true\"/>") != std::string::npos);
}

TEST_CASE("headings, bookmarks, links, contents field and properties") {
  auto parts = write(small_document(), "small");
  const auto& body = parts.at("word/document.xml");
  CHECK(count(body, "<w:pStyle w:val=\"Heading1\"/>") == 2);
  CHECK(count(body, "<w:pStyle w:val=\"Heading2\"/>") == 1);
  CHECK(count(body, "<w:pStyle w:val=\"Heading3\"/>") == 1);
  CHECK(body.find("w:name=\"dcs_view\"") != std::string::npos);
  CHECK(body.find("<w:hyperlink w:anchor=\"immediate_actions\"") != std::string::npos);
  CHECK(body.find("TOC \\o &quot;1-3&quot; \\h \\z \\u") != std::string::npos);
  CHECK(count(body, "w:fldCharType=\"begin\"") == count(body, "w:fldCharType=\"end\""));
  const auto& rels = parts.at("word/_rels/document.xml.rels");
  CHECK(rels.find("Target=\"https://www.datatoinsight.org/?a=1&amp;b=2\" TargetMode=\"External\"") != std::string::npos);
  const auto& styles = parts.at("word/styles.xml");
  for (const char* id : {"Title", "Subtitle", "Heading1", "Heading2", "Heading3", "ListBullet", "ListNumber", "Caption",
                         "Quote", "Note", "ReportTable", "TOC1", "Header", "Footer", "Hyperlink"})
    CHECK(styles.find(std::string("w:styleId=\"") + id + "\"") != std::string::npos);
  CHECK(count(styles, "<w:outlineLvl") >= 3);
  const auto& core = parts.at("docProps/core.xml");
  CHECK(core.find("<dc:creator>A Facilitator</dc:creator>") != std::string::npos);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && std::string(epoch) == "1767225600")
    CHECK(core.find(">2026-01-01T00:00:00Z</dcterms:created>") != std::string::npos);
}

TEST_CASE("two runs give byte-identical files") {
  auto doc = small_document();
  sdiag::testing::Harness h(plugin());
  auto a = fresh_dir("same-a"), b = fresh_dir("same-b");
  h.output_dir(a);
  h.write(sdiag::Diagnostic{}, &doc);
  h.output_dir(b);
  h.write(sdiag::Diagnostic{}, &doc);
  auto slurp = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto first = slurp(a / "report.docx");
  CHECK(first.size() > 1000);
  CHECK(first == slurp(b / "report.docx"));
}

TEST_CASE("lists: bullets share a definition, every numbered list restarts") {
  Document d;
  List bullets{false, {ListItem{Paragraph::plain("one"), 0}, ListItem{Paragraph::plain("nested"), 1}}};
  List numbered{true, {ListItem{Paragraph::plain("first"), 0}, ListItem{Paragraph::plain("second"), 0}}};
  d.blocks = {bullets, numbered, bullets, numbered};
  auto parts = write(d, "lists");
  const auto& body = parts.at("word/document.xml");
  CHECK(count(body, "<w:numId w:val=\"1\"/>") == 4);
  CHECK(count(body, "<w:numId w:val=\"2\"/>") == 2);
  CHECK(count(body, "<w:numId w:val=\"3\"/>") == 2);
  CHECK(count(body, "<w:ilvl w:val=\"1\"/>") == 2);
  const auto& numbering = parts.at("word/numbering.xml");
  CHECK(count(numbering, "<w:num w:numId=") == 3);
  CHECK(count(numbering, "<w:startOverride w:val=\"1\"/>") == 2 * 9);
}

TEST_CASE("a huge table: one repeated header row, rows kept whole, widths fill the page") {
  Document d;
  Table t;
  t.header = {Paragraph::plain("No."), Paragraph::plain("Action"), Paragraph::plain("Owner")};
  t.widths = {1, 6, 2};
  const int rows = 20000;
  for (int i = 0; i < rows; ++i)
    t.rows.push_back({Paragraph::plain(std::to_string(i + 1)), Paragraph::plain("Action number " + std::to_string(i)),
                      Paragraph::plain("Owner")});
  t.rows.push_back({Paragraph::plain("short row")});
  d.blocks.push_back(t);
  auto parts = write(d, "huge");
  const auto& body = parts.at("word/document.xml");
  CHECK(count(body, "<w:tr>") == rows + 2);
  CHECK(count(body, "<w:tblHeader/>") == 1);
  CHECK(count(body, "<w:cantSplit/>") == rows + 2);
  CHECK(count(body, "<w:tc>") == 3 * (rows + 2));  // the short row is padded
  std::regex grid("<w:gridCol w:w=\"(\\d+)\"/>");
  int total = 0;
  std::vector<int> widths;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), grid); it != std::sregex_iterator(); ++it)
    widths.push_back(std::stoi((*it)[1])), total += widths.back();
  REQUIRE(widths.size() == 3);
  CHECK(total == 11906 - 2 * 1304);
  CHECK(widths[1] == 6 * widths[0]);
}

TEST_CASE("figures: PNG and drawings embedded inline with alt text, caption kept separate") {
  Document d;
  Figure png_figure;
  png_figure.png = png_bytes(400, 200);
  png_figure.alt = "A blue rectangle standing in for a chart.";
  png_figure.caption = "Figure 1: a chart";
  Figure drawn;
  drawn.drawing.width = 300;
  drawn.drawing.height = 120;
  drawn.drawing.ops = {
      DrawOp{DrawOp::Kind::rounded_rect, {{10, 10}, {120, 60}}, "#DCE4F2", "#1F3864", 1, false, false, ""},
      DrawOp{DrawOp::Kind::bezier, {{120, 35}, {160, 35}, {200, 35}, {240, 35}}, "", "#C00000", 1.5, true, true, ""},
      DrawOp{DrawOp::Kind::text, {{65, 35}}, "#000000", "", 1, false, false, "Case system", 9, true}};
  drawn.alt = "Data system map: the case system sends data onwards.";
  drawn.caption = "The data system";
  Figure broken;
  broken.png = "not a png";
  broken.alt = "Broken picture";
  d.blocks = {png_figure, drawn, broken};
  std::vector<sdiag::Finding> findings;
  auto parts = write(d, "figures", &findings);
  const auto& body = parts.at("word/document.xml");
  CHECK(count(body, "<wp:inline") == 2);
  CHECK(body.find("descr=\"A blue rectangle standing in for a chart.\"") != std::string::npos);
  CHECK(body.find("descr=\"Data system map: the case system sends data onwards.\"") != std::string::npos);
  CHECK(body.find("title=\"The data system\"") != std::string::npos);
  CHECK(count(body, "<w:pStyle w:val=\"Caption\"/>") == 2);
  REQUIRE(parts.count("word/media/figure1.png"));
  REQUIRE(parts.count("word/media/figure2.png"));
  CHECK(parts.at("word/media/figure1.png") == png_figure.png);
  CHECK(parts.at("word/media/figure2.png").substr(1, 3) == "PNG");
  // 400 px at 96 dpi = 300 pt = 3810000 EMU wide.
  CHECK(body.find("<wp:extent cx=\"3810000\" cy=\"1905000\"/>") != std::string::npos);
  CHECK(parts.at("[Content_Types].xml").find("Extension=\"png\"") != std::string::npos);
  // The broken one is reported, and its alt text stands in for it.
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("not a valid PNG") != std::string::npos);
  CHECK(body.find("[Figure not available] Broken picture") != std::string::npos);
}

TEST_CASE("a reference that is not a DOCX is refused with a clear error") {
  auto dir = fresh_dir("bad-reference");
  {
    std::ofstream(dir / "notes.docx") << "just some text, not a zip";
  }
  sdiag::testing::Harness h(plugin());
  h.output_dir(dir / "out");
  h.set("reference", (dir / "notes.docx").string());
  Document d = small_document();
  CHECK_THROWS_WITH_AS(h.write(sdiag::Diagnostic{}, &d), doctest::Contains("is not a DOCX file"), std::runtime_error);
  CHECK_FALSE(std::filesystem::exists(dir / "out" / "report.docx"));
}

/// A report of our own, written into a fresh folder `name`: a good reference.
std::filesystem::path own_report(const Document& d, const std::string& name) {
  sdiag::testing::Harness h(plugin());
  h.output_dir(fresh_dir(name));
  return h.write(sdiag::Diagnostic{}, &d).at(0);
}

/// Writing `d` with `reference` fails, saying `words`, naming the file and what to do, and writes no report.
void check_reference_refused(const Document& d, const std::filesystem::path& reference, const std::string& out_name,
                             const std::string& words) {
  sdiag::testing::Harness h(plugin());
  auto out = fresh_dir(out_name);
  h.output_dir(out);
  h.set("reference", reference.string());
  try {
    h.write(sdiag::Diagnostic{}, &d);
    FAIL("the reference was taken");
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    CHECK(message.find(reference.string()) != std::string::npos);
    CHECK(message.find(words) != std::string::npos);
    CHECK(message.find("Give docx.reference a DOCX saved by Word or LibreOffice") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists(out / "report.docx"));
}

TEST_CASE("a DOCX of our own works as a reference: its styles and page are kept") {
  Document d = small_document();
  const auto reference = own_report(d, "ref-source");
  sdiag::testing::Harness h(plugin());
  auto out = fresh_dir("ref-out");
  h.output_dir(out);
  h.set("reference", reference.string());
  h.write(sdiag::Diagnostic{}, &d);
  auto parts = read_package(out / "report.docx");
  for (const auto& [name, xml] : parts)
    if (name.ends_with(".xml") || name.ends_with(".rels")) require_well_formed(xml);
  const auto& styles = parts.at("word/styles.xml");
  CHECK(count(styles, "w:styleId=\"Heading1\"") == 1);  // nothing added twice
  CHECK(count(parts.at("word/numbering.xml"), "<w:abstractNum ") == 4);  // the reference's and ours
  // Our bullets follow the reference's own list instance (numId 1).
  CHECK(parts.at("word/document.xml").find("<w:numId w:val=\"2\"/>") != std::string::npos);
}

TEST_CASE("a reference whose main or styles part is not WordprocessingML is refused, naming the part and its root") {
  Document d = small_document();
  const auto first = own_report(d, "ref-xhtml-source");
  const auto own = sdiag::ooxml::Package::from_file(first, "DOCX");
  const std::string page =
      "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Styles</p></body></html>";
  struct Case {
    std::string part, replacement, words;
  };
  const Case cases[] = {
      {"word/document.xml", page, "word/document.xml is not WordprocessingML: its root element is <html>"},
      {"word/styles.xml", page, "word/styles.xml is not WordprocessingML: its root element is <html>"},
      // The usual prefix, bound to XHTML.
      {"word/document.xml", "<w:document xmlns:w=\"http://www.w3.org/1999/xhtml\"><w:body/></w:document>",
       "its root element is <w:document> in the namespace http://www.w3.org/1999/xhtml"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.words);
    const auto reference = first.parent_path() / "reference.docx";
    std::ofstream(reference, std::ios::binary) << sdiag::ooxml::repack(own, {{c.part, c.replacement}});
    check_reference_refused(d, reference, "ref-xhtml-out", c.words);
  }
}

TEST_CASE("a reference relating a theme to a part the report writes itself is refused, not copied over it") {
  Document d = small_document();
  const auto first = own_report(d, "ref-clash-source");
  const auto own = sdiag::ooxml::Package::from_file(first, "DOCX");
  const auto rels = own.require("word/_rels/document.xml.rels");
  for (const std::string target : {"settings.xml", "/[Content_Types].xml", "_rels/document.xml.rels", "header1.xml"}) {
    CAPTURE(target);
    auto with_theme = rels;
    with_theme.insert(with_theme.rfind("</Relationships>"),
                      "<Relationship Id=\"rId99\" Target=\"" + target +
                          "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\"/>");
    const auto reference = first.parent_path() / "reference.docx";
    std::ofstream(reference, std::ios::binary) << sdiag::ooxml::repack(own, {{"word/_rels/document.xml.rels", with_theme}});
    check_reference_refused(d, reference, "ref-clash-out", "a part the report writes itself");
  }
}

TEST_CASE("a reference's header may lead through four relationships in a row, not more, and the error says so") {
  Document d = small_document();
  const auto first = own_report(d, "ref-chain-source");
  const auto own = sdiag::ooxml::Package::from_file(first, "DOCX");
  const std::string rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
  auto reference_with_chain = [&](int links) {
    // header1.xml -> c1.xml -> c2.xml ... -> c<links>.xml
    sdiag::ooxml::PackageWriter w;
    for (const auto& name : own.names())
      if (name != "[Content_Types].xml")
        w.add(name, own.require(name), name == "word/document.xml" ? std::string(sdiag::ooxml::part::document.content_type) : std::string());
    w.add_default("xml", "application/xml");
    for (int k = 1; k <= links; ++k) {
      const std::string from = k == 1 ? "header1.xml" : "c" + std::to_string(k - 1) + ".xml";
      sdiag::ooxml::Relationships rels;
      rels.add(rel_type, "c" + std::to_string(k) + ".xml");
      w.add("word/_rels/" + from + ".rels", rels.xml());
      w.add("word/c" + std::to_string(k) + ".xml", "<x/>");
    }
    const auto path = first.parent_path() / ("chain-" + std::to_string(links) + ".docx");
    std::ofstream(path, std::ios::binary) << w.zip();
    return path;
  };
  sdiag::testing::Harness h(plugin());
  auto out = fresh_dir("ref-chain-out");
  h.output_dir(out);
  h.set("reference", reference_with_chain(4).string());
  h.write(sdiag::Diagnostic{}, &d);
  CHECK(read_package(out / "report.docx").count("word/c4.xml") == 1);

  sdiag::testing::Harness deeper(plugin());
  auto out2 = fresh_dir("ref-chain-out2");
  deeper.output_dir(out2);
  deeper.set("reference", reference_with_chain(5).string());
  CHECK_THROWS_WITH_AS(deeper.write(sdiag::Diagnostic{}, &d), doctest::Contains("word/c5.xml is reached through more than 4 relationships"),
                       std::runtime_error);
  CHECK_FALSE(std::filesystem::exists(out2 / "report.docx"));
}

TEST_CASE("a drawing is rasterised without stray lines between shapes") {
  // Text leaves cairo with a current point; an ellipse drawn next must not be joined to it.
  Figure f;
  f.drawing.width = 200;
  f.drawing.height = 100;
  f.drawing.ops = {DrawOp{DrawOp::Kind::text, {{20, 10}}, "#000000", "", 1, false, false, "Key", 8},
                   DrawOp{DrawOp::Kind::ellipse, {{150, 70}, {190, 90}}, "#F5C26B", "#000000", 1, false, false, ""}};
  f.alt = "A key";
  Document d;
  d.blocks = {f};
  auto parts = write(d, "stray");
  const auto& png = parts.at("word/media/figure1.png");
  struct Reader {
    const std::string& bytes;
    std::size_t at = 0;
  } reader{png};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(
      [](void* closure, unsigned char* data, unsigned int length) {
        auto* r = static_cast<Reader*>(closure);
        if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
        std::copy_n(r->bytes.data() + r->at, length, data);
        r->at += length;
        return CAIRO_STATUS_SUCCESS;
      },
      &reader);
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  const int w = cairo_image_surface_get_width(s), stride = cairo_image_surface_get_stride(s);
  CHECK(w == static_cast<int>(std::ceil(200 * 200 / 72.0)));
  const double scale = w / 200.0;
  auto pixel = [&](double x, double y) {
    const auto* row = cairo_image_surface_get_data(s) + static_cast<int>(y * scale) * stride;
    return reinterpret_cast<const std::uint32_t*>(row)[static_cast<int>(x * scale)] & 0xFFFFFF;
  };
  CHECK(pixel(170, 80) == 0xF5C26B);  // inside the ellipse
  // Between the text (x < 35) and the ellipse (x > 150) the picture is blank.
  int marked = 0;
  for (double x = 40; x < 140; x += 0.25)
    for (double y = 0; y < 99; y += 0.25) marked += pixel(x, y) != 0xFFFFFF;
  CHECK(marked == 0);
  cairo_surface_destroy(s);
}

TEST_CASE("headings are in the report theme's heading colour and font") {
  Document d;
  d.blocks = {Heading{1, "Coloured", "coloured"}};
  const auto parts = write(d, "theme");
  const auto& styles = parts.at("word/styles.xml");
  const auto& theme = sdiag::render::report_theme;
  const auto heading1 = styles.substr(styles.find("w:styleId=\"Heading1\""));
  CHECK(heading1.substr(0, heading1.find("</w:style>")).find("<w:color w:val=\"" + sdiag::render::ooxml_hex(theme.heading) + "\"/>") !=
        std::string::npos);
  CHECK(styles.find("<w:rFonts w:ascii=\"" + std::string(theme.office_font) + "\"") != std::string::npos);
}

TEST_CASE("a landscape page break turns the pages until the next break, each way up a section of its own") {
  Document d = small_document();
  // Upright, turned for a heading and a figure, upright again: breaks in a row make one.
  Figure wide;
  wide.drawing.width = 1400;
  wide.drawing.height = 500;
  wide.drawing.ops = {DrawOp{DrawOp::Kind::rect, {{10, 10}, {1390, 490}}, "#DCE4F2", "#1F3864", 1, false, false, ""}};
  wide.alt = "A wide picture";
  d.blocks.insert(d.blocks.begin() + 4, {PageBreak{}, PageBreak{.landscape = true}, Heading{1, "Wide", "wide"}, wide,
                                         PageBreak{}});
  auto parts = write(d, "landscape");
  const auto& body = parts.at("word/document.xml");
  require_well_formed(body);
  std::vector<std::string> sections;
  for (auto at = body.find("<w:sectPr>"); at != std::string::npos; at = body.find("<w:sectPr>", at + 1))
    sections.push_back(body.substr(at, body.find("</w:sectPr>", at) - at));
  REQUIRE(sections.size() == 3);
  // The cover's section keeps its own first page; the others do not, so their first page has the header and footer.
  CHECK(sections[0].find("<w:pgSz w:h=\"16838\" w:w=\"11906\"/>") != std::string::npos);
  CHECK(sections[0].find("<w:titlePg/>") != std::string::npos);
  CHECK(sections[1].find("<w:pgSz w:h=\"11906\" w:orient=\"landscape\" w:w=\"16838\"/>") != std::string::npos);
  CHECK(sections[1].find("<w:titlePg/>") == std::string::npos);
  CHECK(sections[2].find("<w:pgSz w:h=\"16838\" w:w=\"11906\"/>") != std::string::npos);
  CHECK(sections[2].find("<w:titlePg/>") == std::string::npos);
  CHECK(count(body, "w:type=\"page\"") == 1);  // only the break after the contents is a plain page break
  // The turned section has its own footer, its right tab at the turned page's margin.
  REQUIRE(parts.count("word/footer2.xml"));
  CHECK(parts.at("word/footer2.xml").find("w:pos=\"14230\" w:val=\"right\"") != std::string::npos);
  const auto& rels = parts.at("word/_rels/document.xml.rels");
  const std::regex footer2("Id=\"(rId\\d+)\"[^>]*Target=\"footer2.xml\"");
  std::smatch m;
  REQUIRE(std::regex_search(rels, m, footer2));
  CHECK(sections[1].find("r:id=\"" + m[1].str() + "\"") != std::string::npos);
  CHECK(sections[2].find("r:id=\"" + m[1].str() + "\"") == std::string::npos);
  // The picture is fitted to the turned page's text width: 16838 - 2 x 1304 twips = 711.5 pt.
  const auto extent = body.find("<wp:extent cx=\"");
  REQUIRE(extent != std::string::npos);
  CHECK(std::stod(body.substr(extent + 15, 12)) == doctest::Approx(711.5 * 12700).epsilon(0.002));

  // Without a turned page: one section and no second footer, as before.
  auto upright = write(small_document(), "upright");
  CHECK(count(upright.at("word/document.xml"), "<w:sectPr>") == 1);
  CHECK(upright.count("word/footer2.xml") == 0);
}
