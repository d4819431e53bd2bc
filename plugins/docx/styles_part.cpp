#include "styles_part.hpp"

#include "namespaces.hpp"
#include "xml_part.hpp"

namespace docx {

namespace {

// The house palette: one restrained dark blue for headings, greys for
// secondary text, a pale blue for table headers and rules.
constexpr const char* heading_blue = "1F3864";
constexpr const char* accent_blue = "2E5496";
constexpr const char* rule_blue = "8EAADB";
constexpr const char* header_fill = "DCE4F2";
constexpr const char* muted_grey = "595959";
constexpr const char* font = "Arial";  // Liberation Sans where Arial is not installed (same metrics)

struct StyleWriter {
  XmlPart& x;

  void begin(const char* type, const char* id, const char* name, const char* based_on = nullptr,
             const char* next = nullptr, bool is_default = false, const char* priority = nullptr) {
    if (is_default) x.start("w:style", {{"w:type", type}, {"w:default", "1"}, {"w:styleId", id}});
    else x.start("w:style", {{"w:type", type}, {"w:styleId", id}});
    x.empty("w:name", {{"w:val", name}});
    if (based_on) x.empty("w:basedOn", {{"w:val", based_on}});
    if (next) x.empty("w:next", {{"w:val", next}});
    if (priority) x.empty("w:uiPriority", {{"w:val", priority}});
    x.empty("w:qFormat");
  }
  void finish() { x.end("w:style"); }

  void spacing(const char* before, const char* after, const char* line = nullptr) {
    if (line) x.empty("w:spacing", {{"w:before", before}, {"w:after", after}, {"w:line", line}, {"w:lineRule", "auto"}});
    else x.empty("w:spacing", {{"w:before", before}, {"w:after", after}});
  }
  void size(const char* half_points) {
    x.empty("w:sz", {{"w:val", half_points}});
    x.empty("w:szCs", {{"w:val", half_points}});
  }
  void colour(const char* rgb) { x.empty("w:color", {{"w:val", rgb}}); }
  void bold() {
    x.empty("w:b");
    x.empty("w:bCs");
  }
  void italic() {
    x.empty("w:i");
    x.empty("w:iCs");
  }

  void heading(const char* id, const char* name, int level, const char* sz, const char* before, const char* after,
               const char* rgb, bool rule) {
    begin("paragraph", id, name, "Normal", "Normal", false, "9");
    x.start("w:pPr");
    x.empty("w:keepNext");
    x.empty("w:keepLines");
    if (rule) {
      x.start("w:pBdr");
      x.empty("w:bottom", {{"w:val", "single"}, {"w:sz", "6"}, {"w:space", "4"}, {"w:color", rule_blue}});
      x.end("w:pBdr");
    }
    spacing(before, after);
    x.empty("w:outlineLvl", {{"w:val", std::to_string(level - 1)}});
    x.end("w:pPr");
    x.start("w:rPr");
    bold();
    colour(rgb);
    size(sz);
    x.end("w:rPr");
    finish();
  }

  void toc(const char* id, const char* name, const char* indent) {
    begin("paragraph", id, name, "Normal", "Normal", false, "39");
    x.start("w:pPr");
    x.start("w:tabs");
    x.empty("w:tab", {{"w:val", "right"}, {"w:leader", "dot"}, {"w:pos", std::to_string(default_text_width)}});
    x.end("w:tabs");
    spacing("0", "60");
    x.empty("w:ind", {{"w:left", indent}});
    x.end("w:pPr");
    finish();
  }
};

void doc_defaults(XmlPart& x) {
  x.start("w:docDefaults");
  x.start("w:rPrDefault");
  x.start("w:rPr");
  x.empty("w:rFonts", {{"w:ascii", font}, {"w:hAnsi", font}, {"w:eastAsia", font}, {"w:cs", font}});
  x.empty("w:sz", {{"w:val", "22"}});
  x.empty("w:szCs", {{"w:val", "22"}});
  x.empty("w:lang", {{"w:val", "en-GB"}, {"w:eastAsia", "en-GB"}, {"w:bidi", "ar-SA"}});
  x.end("w:rPr");
  x.end("w:rPrDefault");
  x.start("w:pPrDefault");
  x.start("w:pPr");
  x.empty("w:spacing", {{"w:after", "160"}, {"w:line", "276"}, {"w:lineRule", "auto"}});
  x.end("w:pPr");
  x.end("w:pPrDefault");
  x.end("w:docDefaults");
}

void table_style(StyleWriter& s) {
  auto& x = s.x;
  s.begin("table", "ReportTable", "Report Table", "TableNormal");
  x.start("w:pPr");
  s.spacing("0", "0", "240");
  x.end("w:pPr");
  x.start("w:tblPr");
  x.start("w:tblBorders");
  x.empty("w:top", {{"w:val", "single"}, {"w:sz", "8"}, {"w:space", "0"}, {"w:color", accent_blue}});
  x.empty("w:bottom", {{"w:val", "single"}, {"w:sz", "8"}, {"w:space", "0"}, {"w:color", accent_blue}});
  x.empty("w:insideH", {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "BFBFBF"}});
  x.end("w:tblBorders");
  x.start("w:tblCellMar");
  x.empty("w:top", {{"w:w", "57"}, {"w:type", "dxa"}});
  x.empty("w:left", {{"w:w", "85"}, {"w:type", "dxa"}});
  x.empty("w:bottom", {{"w:w", "57"}, {"w:type", "dxa"}});
  x.empty("w:right", {{"w:w", "85"}, {"w:type", "dxa"}});
  x.end("w:tblCellMar");
  x.end("w:tblPr");
  x.start("w:tblStylePr", {{"w:type", "firstRow"}});
  x.start("w:rPr");
  s.bold();
  s.colour(heading_blue);
  x.end("w:rPr");
  x.start("w:tcPr");
  x.empty("w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", header_fill}});
  x.end("w:tcPr");
  x.end("w:tblStylePr");
  s.finish();
}

}  // namespace

std::string default_styles_xml() {
  XmlPart x("w:styles", {{"w", ns::w}});
  doc_defaults(x);
  StyleWriter s{x};

  s.begin("paragraph", "Normal", "Normal", nullptr, nullptr, true);
  s.finish();
  x.start("w:style", {{"w:type", "character"}, {"w:default", "1"}, {"w:styleId", "DefaultParagraphFont"}});
  x.empty("w:name", {{"w:val", "Default Paragraph Font"}});
  x.empty("w:uiPriority", {{"w:val", "1"}});
  x.empty("w:semiHidden");
  x.end("w:style");
  x.start("w:style", {{"w:type", "table"}, {"w:default", "1"}, {"w:styleId", "TableNormal"}});
  x.empty("w:name", {{"w:val", "Normal Table"}});
  x.empty("w:semiHidden");
  x.start("w:tblPr");
  x.empty("w:tblInd", {{"w:w", "0"}, {"w:type", "dxa"}});
  x.start("w:tblCellMar");
  x.empty("w:top", {{"w:w", "0"}, {"w:type", "dxa"}});
  x.empty("w:left", {{"w:w", "108"}, {"w:type", "dxa"}});
  x.empty("w:bottom", {{"w:w", "0"}, {"w:type", "dxa"}});
  x.empty("w:right", {{"w:w", "108"}, {"w:type", "dxa"}});
  x.end("w:tblCellMar");
  x.end("w:tblPr");
  x.end("w:style");
  x.start("w:style", {{"w:type", "numbering"}, {"w:default", "1"}, {"w:styleId", "NoList"}});
  x.empty("w:name", {{"w:val", "No List"}});
  x.empty("w:semiHidden");
  x.end("w:style");

  s.begin("paragraph", "Title", "Title", "Normal", "Subtitle");
  x.start("w:pPr");
  s.spacing("2400", "240", "240");
  x.empty("w:contextualSpacing");
  x.end("w:pPr");
  x.start("w:rPr");
  s.bold();
  s.colour(heading_blue);
  x.empty("w:kern", {{"w:val", "28"}});
  s.size("56");
  x.end("w:rPr");
  s.finish();

  s.begin("paragraph", "Subtitle", "Subtitle", "Normal", "Normal");
  x.start("w:pPr");
  x.start("w:pBdr");
  x.empty("w:bottom", {{"w:val", "single"}, {"w:sz", "12"}, {"w:space", "12"}, {"w:color", rule_blue}});
  x.end("w:pBdr");
  s.spacing("0", "720");
  x.end("w:pPr");
  x.start("w:rPr");
  s.colour(accent_blue);
  s.size("32");
  x.end("w:rPr");
  s.finish();

  s.heading("Heading1", "heading 1", 1, "32", "480", "160", heading_blue, true);
  s.heading("Heading2", "heading 2", 2, "26", "320", "120", heading_blue, false);
  s.heading("Heading3", "heading 3", 3, "23", "240", "80", accent_blue, false);

  for (auto [id, name] : {std::pair{"ListBullet", "List Bullet"}, std::pair{"ListNumber", "List Number"}}) {
    s.begin("paragraph", id, name, "Normal");
    x.start("w:pPr");
    s.spacing("0", "80");
    x.end("w:pPr");
    s.finish();
  }

  s.begin("paragraph", "Caption", "caption", "Normal", "Normal");
  x.start("w:pPr");
  s.spacing("80", "240");
  x.end("w:pPr");
  x.start("w:rPr");
  s.italic();
  s.colour(muted_grey);
  s.size("18");
  x.end("w:rPr");
  s.finish();

  s.begin("paragraph", "TableCaption", "Table Caption", "Caption", "Normal");
  x.start("w:pPr");
  x.empty("w:keepNext");
  s.spacing("200", "80");
  x.end("w:pPr");
  s.finish();

  s.begin("paragraph", "Figure", "Figure", "Normal", "Caption");
  x.start("w:pPr");
  x.empty("w:keepNext");
  s.spacing("200", "0");
  x.empty("w:jc", {{"w:val", "center"}});
  x.end("w:pPr");
  s.finish();

  s.begin("paragraph", "Quote", "Quote", "Normal", "Normal");
  x.start("w:pPr");
  x.start("w:pBdr");
  x.empty("w:left", {{"w:val", "single"}, {"w:sz", "18"}, {"w:space", "8"}, {"w:color", rule_blue}});
  x.end("w:pBdr");
  s.spacing("60", "120");
  x.empty("w:ind", {{"w:left", "284"}, {"w:right", "567"}});
  x.end("w:pPr");
  x.start("w:rPr");
  s.italic();
  s.colour("404040");
  x.end("w:rPr");
  s.finish();

  s.begin("paragraph", "Note", "Note", "Normal", "Normal");
  x.start("w:pPr");
  s.spacing("60", "160");
  x.end("w:pPr");
  x.start("w:rPr");
  s.italic();
  s.colour(muted_grey);
  x.end("w:rPr");
  s.finish();

  s.begin("paragraph", "TableText", "Table Text", "Normal");
  x.start("w:pPr");
  s.spacing("0", "0", "240");
  x.end("w:pPr");
  x.start("w:rPr");
  s.size("20");
  x.end("w:rPr");
  s.finish();

  s.begin("paragraph", "TOCHeading", "TOC Heading", "Heading1", "Normal", false, "39");
  x.start("w:pPr");
  x.empty("w:outlineLvl", {{"w:val", "9"}});
  x.end("w:pPr");
  s.finish();
  s.toc("TOC1", "toc 1", "0");
  s.toc("TOC2", "toc 2", "284");
  s.toc("TOC3", "toc 3", "567");

  for (auto [id, name] : {std::pair{"Header", "header"}, std::pair{"Footer", "footer"}}) {
    s.begin("paragraph", id, name, "Normal");
    x.start("w:pPr");
    x.start("w:tabs");
    x.empty("w:tab", {{"w:val", "center"}, {"w:pos", std::to_string(default_text_width / 2)}});
    x.empty("w:tab", {{"w:val", "right"}, {"w:pos", std::to_string(default_text_width)}});
    x.end("w:tabs");
    s.spacing("0", "0", "240");
    x.end("w:pPr");
    x.start("w:rPr");
    s.colour(muted_grey);
    s.size("18");
    x.end("w:rPr");
    s.finish();
  }

  x.start("w:style", {{"w:type", "character"}, {"w:styleId", "Hyperlink"}});
  x.empty("w:name", {{"w:val", "Hyperlink"}});
  x.empty("w:basedOn", {{"w:val", "DefaultParagraphFont"}});
  x.empty("w:uiPriority", {{"w:val", "99"}});
  x.start("w:rPr");
  x.empty("w:color", {{"w:val", "0563C1"}});
  x.empty("w:u", {{"w:val", "single"}});
  x.end("w:rPr");
  x.end("w:style");

  table_style(s);
  return x.finish();
}

}  // namespace docx
