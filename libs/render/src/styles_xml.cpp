// Writes a StyleSheet as word/styles.xml, each element in the order the
// WordprocessingML schema gives (Word refuses a file that breaks it).
#include <sdiag/render/word_styles.hpp>

#include <Poco/SAX/AttributesImpl.h>
#include <Poco/XML/XMLWriter.h>

#include <cmath>
#include <sstream>
#include <vector>

namespace sdiag::render {

namespace {

constexpr const char* wordprocessingml = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

using Attrs = std::vector<std::pair<std::string, std::string>>;

// Elements by qualified name ("w:style"), as OOXML parts are conventionally
// written; every value here is the sheet's own ASCII.
class Xml {
 public:
  Xml() : writer_(out_, Poco::XML::XMLWriter::WRITE_XML_DECLARATION, "UTF-8", nullptr) {
    writer_.startDocument();
    Poco::XML::AttributesImpl a;
    a.addAttribute("", "", "xmlns:w", "CDATA", wordprocessingml);
    writer_.startElement("", "", "w:styles", a);
  }
  void start(const std::string& name, const Attrs& attrs = {}) { writer_.startElement("", "", name, attributes(attrs)); }
  void end(const std::string& name) { writer_.endElement("", "", name); }
  void empty(const std::string& name, const Attrs& attrs = {}) { writer_.emptyElement("", "", name, attributes(attrs)); }
  void value(const std::string& name, std::string v) { empty(name, {{"w:val", std::move(v)}}); }
  std::string finish() {
    writer_.endElement("", "", "w:styles");
    writer_.endDocument();
    return out_.str();
  }

 private:
  static Poco::XML::AttributesImpl attributes(const Attrs& attrs) {
    Poco::XML::AttributesImpl a;
    for (const auto& [name, v] : attrs) a.addAttribute("", "", name, "CDATA", v);
    return a;
  }
  std::ostringstream out_;
  Poco::XML::XMLWriter writer_;
};

std::string half_points(double points) { return std::to_string(std::lround(points * 2)); }

void spacing(Xml& x, const Spacing& s) {
  Attrs attrs;
  if (s.before) attrs.emplace_back("w:before", std::to_string(*s.before));
  if (s.after) attrs.emplace_back("w:after", std::to_string(*s.after));
  if (s.line) {
    attrs.emplace_back("w:line", std::to_string(*s.line));
    attrs.emplace_back("w:lineRule", "auto");
  }
  x.empty("w:spacing", attrs);
}

void borders(Xml& x, const char* element, const std::vector<Border>& list) {
  if (list.empty()) return;
  x.start(element);
  for (const auto& b : list)
    x.empty(b.side, {{"w:val", "single"}, {"w:sz", std::to_string(b.eighths)}, {"w:space", std::to_string(b.space)},
                     {"w:color", ooxml_hex(b.colour)}});
  x.end(element);
}

void shading(Xml& x, Rgb fill) { x.empty("w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", ooxml_hex(fill)}}); }

void paragraph_props(Xml& x, const ParagraphProps& p) {
  const bool any = p.keep_next || p.keep_lines || !p.borders.empty() || p.shading || !p.tabs.empty() || p.spacing ||
                   p.indent_left || p.indent_right || p.contextual_spacing || p.justify || p.outline_level;
  if (!any) return;
  x.start("w:pPr");
  if (p.keep_next) x.empty("w:keepNext");
  if (p.keep_lines) x.empty("w:keepLines");
  borders(x, "w:pBdr", p.borders);
  if (p.shading) shading(x, *p.shading);
  if (!p.tabs.empty()) {
    x.start("w:tabs");
    for (const auto& t : p.tabs) {
      Attrs tab{{"w:val", t.align}};
      if (t.leader) tab.emplace_back("w:leader", t.leader);
      tab.emplace_back("w:pos", std::to_string(t.position));
      x.empty("w:tab", tab);
    }
    x.end("w:tabs");
  }
  if (p.spacing) spacing(x, *p.spacing);
  if (p.indent_left || p.indent_right) {
    Attrs ind;
    if (p.indent_left) ind.emplace_back("w:left", std::to_string(*p.indent_left));
    if (p.indent_right) ind.emplace_back("w:right", std::to_string(*p.indent_right));
    x.empty("w:ind", ind);
  }
  if (p.contextual_spacing) x.empty("w:contextualSpacing");
  if (p.justify) x.value("w:jc", p.justify);
  if (p.outline_level) x.value("w:outlineLvl", std::to_string(*p.outline_level));
  x.end("w:pPr");
}

void run_props(Xml& x, const RunProps& r) {
  if (!r.bold && !r.italic && !r.colour && !r.kern && !r.size && !r.underline) return;
  x.start("w:rPr");
  if (r.bold) {
    x.empty("w:b");
    x.empty("w:bCs");
  }
  if (r.italic) {
    x.empty("w:i");
    x.empty("w:iCs");
  }
  if (r.colour) x.value("w:color", ooxml_hex(*r.colour));
  if (r.kern) x.value("w:kern", std::to_string(*r.kern));
  if (r.size) {
    x.value("w:sz", half_points(*r.size));
    x.value("w:szCs", half_points(*r.size));
  }
  if (r.underline) x.value("w:u", "single");
  x.end("w:rPr");
}

void table_props(Xml& x, const TableProps& t) {
  x.start("w:tblPr");
  if (t.indent) x.empty("w:tblInd", {{"w:w", std::to_string(*t.indent)}, {"w:type", "dxa"}});
  borders(x, "w:tblBorders", t.borders);
  if (!t.cell_margins.empty()) {
    x.start("w:tblCellMar");
    for (const auto& [side, width] : t.cell_margins) x.empty(side, {{"w:w", std::to_string(width)}, {"w:type", "dxa"}});
    x.end("w:tblCellMar");
  }
  x.end("w:tblPr");
}

void style(Xml& x, const Style& s) {
  if (s.is_default) x.start("w:style", {{"w:type", s.type}, {"w:default", "1"}, {"w:styleId", s.id}});
  else x.start("w:style", {{"w:type", s.type}, {"w:styleId", s.id}});
  x.value("w:name", s.name);
  if (s.based_on) x.value("w:basedOn", s.based_on);
  if (s.next) x.value("w:next", s.next);
  if (s.ui_priority) x.value("w:uiPriority", std::to_string(*s.ui_priority));
  if (s.semi_hidden) x.empty("w:semiHidden");
  if (s.quick) x.empty("w:qFormat");
  paragraph_props(x, s.paragraph);
  run_props(x, s.run);
  if (s.table) table_props(x, *s.table);
  if (s.header_row) {
    x.start("w:tblStylePr", {{"w:type", "firstRow"}});
    run_props(x, s.header_row->run);
    x.start("w:tcPr");
    shading(x, s.header_row->fill);
    x.end("w:tcPr");
    x.end("w:tblStylePr");
  }
  x.end("w:style");
}

void doc_defaults(Xml& x, const DocDefaults& d) {
  x.start("w:docDefaults");
  x.start("w:rPrDefault");
  x.start("w:rPr");
  x.empty("w:rFonts", {{"w:ascii", d.font}, {"w:hAnsi", d.font}, {"w:eastAsia", d.font}, {"w:cs", d.font}});
  x.value("w:sz", half_points(d.size));
  x.value("w:szCs", half_points(d.size));
  x.empty("w:lang", {{"w:val", d.language}, {"w:eastAsia", d.language}, {"w:bidi", "ar-SA"}});
  x.end("w:rPr");
  x.end("w:rPrDefault");
  x.start("w:pPrDefault");
  x.start("w:pPr");
  spacing(x, d.spacing);
  x.end("w:pPr");
  x.end("w:pPrDefault");
  x.end("w:docDefaults");
}

}  // namespace

std::string styles_xml(const StyleSheet& sheet) {
  Xml x;
  doc_defaults(x, sheet.defaults);
  for (const auto& s : sheet.styles) style(x, s);
  return x.finish();
}

}  // namespace sdiag::render
