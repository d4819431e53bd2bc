#include "settings_part.hpp"

#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/xml_part.hpp>

namespace sdiag::docx {

using namespace sdiag::ooxml;

namespace {

void run(XmlPart& x, const std::string& text) {
  x.start("w:r");
  x.element("w:t", text, {{"xml:space", "preserve"}});
  x.end("w:r");
}

/// A simple field (PAGE, NUMPAGES) as begin/instr/separate/result/end runs.
void field(XmlPart& x, const char* instruction, const char* placeholder) {
  x.start("w:r");
  x.empty("w:fldChar", {{"w:fldCharType", "begin"}});
  x.end("w:r");
  x.start("w:r");
  x.element("w:instrText", instruction, {{"xml:space", "preserve"}});
  x.end("w:r");
  x.start("w:r");
  x.empty("w:fldChar", {{"w:fldCharType", "separate"}});
  x.end("w:r");
  run(x, placeholder);
  x.start("w:r");
  x.empty("w:fldChar", {{"w:fldCharType", "end"}});
  x.end("w:r");
}

}  // namespace

std::string settings_xml(const std::string& language) {
  XmlPart x("w:settings", {{"w", ns.w}});
  x.empty("w:zoom", {{"w:percent", "100"}});
  x.empty("w:defaultTabStop", {{"w:val", "720"}});
  x.empty("w:characterSpacingControl", {{"w:val", "doNotCompress"}});
  x.empty("w:updateFields", {{"w:val", "true"}});
  x.start("w:compat");
  x.empty("w:compatSetting", {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"},
                              {"w:val", "15"}});
  x.end("w:compat");
  x.empty("w:themeFontLang", {{"w:val", language}});
  x.empty("w:decimalSymbol", {{"w:val", "."}});
  x.empty("w:listSeparator", {{"w:val", ","}});
  return x.finish();
}

std::string header_xml(const std::string& title, const std::string& style_id) {
  XmlPart x("w:hdr", {{"w", ns.w}, {"r", ns.r}});
  x.start("w:p");
  x.start("w:pPr");
  x.empty("w:pStyle", {{"w:val", style_id}});
  x.empty("w:jc", {{"w:val", "right"}});
  x.end("w:pPr");
  run(x, title);
  x.end("w:p");
  return x.finish();
}

std::string footer_xml(const std::string& organisation, const std::string& style_id, std::optional<FooterTabs> tabs) {
  XmlPart x("w:ftr", {{"w", ns.w}, {"r", ns.r}});
  x.start("w:p");
  x.start("w:pPr");
  x.empty("w:pStyle", {{"w:val", style_id}});
  if (tabs) {
    // The style's stops cleared, and the page's own in their place.
    x.start("w:tabs");
    for (int at : {tabs->style_width / 2, tabs->style_width})
      x.empty("w:tab", {{"w:val", "clear"}, {"w:pos", std::to_string(at)}});
    x.empty("w:tab", {{"w:val", "center"}, {"w:pos", std::to_string(tabs->text_width / 2)}});
    x.empty("w:tab", {{"w:val", "right"}, {"w:pos", std::to_string(tabs->text_width)}});
    x.end("w:tabs");
  }
  x.end("w:pPr");
  run(x, organisation);
  x.start("w:r");
  x.empty("w:tab");
  x.empty("w:tab");
  x.end("w:r");
  run(x, "Page ");
  field(x, " PAGE ", "1");
  run(x, " of ");
  field(x, " NUMPAGES ", "1");
  x.end("w:p");
  return x.finish();
}

}  // namespace sdiag::docx
