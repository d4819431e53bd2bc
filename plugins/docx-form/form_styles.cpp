#include "form_styles.hpp"

#include "../docx/namespaces.hpp"
#include "../docx/xml_part.hpp"
#include "docx_reader.hpp"

namespace docx_form {

namespace {

using docx::XmlPart;

constexpr const char* font = "Arial";  // Liberation Sans where Arial is not installed (same metrics)
constexpr const char* heading_blue = "1F3864";
constexpr const char* muted_grey = "595959";

void begin(XmlPart& x, const char* type, const char* id, const char* name, const char* based_on = nullptr,
           const char* next = nullptr) {
  x.start("w:style", {{"w:type", type}, {"w:styleId", id}});
  x.empty("w:name", {{"w:val", name}});
  if (based_on) x.empty("w:basedOn", {{"w:val", based_on}});
  if (next) x.empty("w:next", {{"w:val", next}});
  x.empty("w:qFormat");
}

void run_props(XmlPart& x, const char* half_points, const char* colour, bool bold, bool italic = false) {
  x.start("w:rPr");
  if (bold) {
    x.empty("w:b");
    x.empty("w:bCs");
  }
  if (italic) {
    x.empty("w:i");
    x.empty("w:iCs");
  }
  if (colour) x.empty("w:color", {{"w:val", colour}});
  if (half_points) {
    x.empty("w:sz", {{"w:val", half_points}});
    x.empty("w:szCs", {{"w:val", half_points}});
  }
  x.end("w:rPr");
}

void heading(XmlPart& x, const char* id, const char* name, const char* level, const char* size, const char* before) {
  begin(x, "paragraph", id, name, "Normal", "Normal");
  x.start("w:pPr");
  x.empty("w:keepNext");
  x.empty("w:keepLines");
  x.empty("w:spacing", {{"w:before", before}, {"w:after", "80"}});
  x.empty("w:outlineLvl", {{"w:val", level}});
  x.end("w:pPr");
  run_props(x, size, heading_blue, true);
  x.end("w:style");
}

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
  x.empty("w:spacing", {{"w:after", "120"}, {"w:line", "264"}, {"w:lineRule", "auto"}});
  x.end("w:pPr");
  x.end("w:pPrDefault");
  x.end("w:docDefaults");
}

void table_grid(XmlPart& x) {
  x.start("w:style", {{"w:type", "table"}, {"w:styleId", style::table}});
  x.empty("w:name", {{"w:val", "Table Grid"}});
  x.start("w:pPr");
  x.empty("w:spacing", {{"w:before", "40"}, {"w:after", "40"}});
  x.end("w:pPr");
  x.start("w:tblPr");
  x.start("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
    x.empty(side, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "808080"}});
  x.end("w:tblBorders");
  x.start("w:tblCellMar");
  x.empty("w:left", {{"w:w", "108"}, {"w:type", "dxa"}});
  x.empty("w:right", {{"w:w", "108"}, {"w:type", "dxa"}});
  x.end("w:tblCellMar");
  x.end("w:tblPr");
  x.end("w:style");
}

}  // namespace

std::string form_styles_xml() {
  XmlPart x("w:styles", {{"w", docx::ns::w}});
  doc_defaults(x);

  x.start("w:style", {{"w:type", "paragraph"}, {"w:default", "1"}, {"w:styleId", "Normal"}});
  x.empty("w:name", {{"w:val", "Normal"}});
  x.empty("w:qFormat");
  x.end("w:style");

  begin(x, "paragraph", style::title, "Title", "Normal", "Normal");
  x.start("w:pPr");
  x.empty("w:spacing", {{"w:after", "240"}});
  x.end("w:pPr");
  run_props(x, "48", heading_blue, true);
  x.end("w:style");

  heading(x, style::heading1, "heading 1", "0", "32", "360");
  heading(x, style::heading2, "heading 2", "1", "26", "240");

  // The reader skips paragraphs in this style: instructions are never notes.
  begin(x, "paragraph", style::guidance, guidance_style_name, "Normal", "Normal");
  run_props(x, "20", muted_grey, false, true);
  x.end("w:style");

  // A pale box to type into; consecutive notes share one box (Word and LibreOffice merge equal borders).
  begin(x, "paragraph", style::answer, "Form Answer", "Normal", style::answer);
  x.start("w:pPr");
  x.start("w:pBdr");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
    x.empty(side, {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "4"}, {"w:color", "A6A6A6"}});
  x.end("w:pBdr");
  x.empty("w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", "F5F7FB"}});
  x.empty("w:spacing", {{"w:before", "60"}, {"w:after", "60"}});
  x.empty("w:ind", {{"w:left", "113"}, {"w:right", "113"}});
  x.end("w:pPr");
  x.end("w:style");

  x.start("w:style", {{"w:type", "character"}, {"w:default", "1"}, {"w:styleId", "DefaultParagraphFont"}});
  x.empty("w:name", {{"w:val", "Default Paragraph Font"}});
  x.end("w:style");

  x.start("w:style", {{"w:type", "character"}, {"w:styleId", style::placeholder}});
  x.empty("w:name", {{"w:val", "Placeholder Text"}});
  x.empty("w:basedOn", {{"w:val", "DefaultParagraphFont"}});
  run_props(x, nullptr, "808080", false);
  x.end("w:style");

  table_grid(x);
  return x.finish();
}

}  // namespace docx_form
