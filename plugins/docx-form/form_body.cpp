#include "form_body.hpp"

#include <cctype>

#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/xml_part.hpp>
#include <sdiag/render/word_styles.hpp>

#include "docx_reader.hpp"

namespace sdiag::docx_form {

namespace {

using sdiag::ooxml::XmlPart;
namespace form_style = sdiag::render::form_style;

// A4 portrait with 2.54 cm margins, in twentieths of a point.
constexpr int page_width = 11906, page_height = 16838, margin = 1440;
constexpr int text_width = page_width - 2 * margin;
constexpr int contributor_rows = 6;

std::string phase_words(const std::string& phase) {
  if (phase.empty()) return {};
  if (phase == "before") return "Before the workshop";
  std::string p = phase;
  p[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
  return "Workshop: " + p;
}

class BodyWriter {
 public:
  explicit BodyWriter(XmlPart& x) : x_(x) {}

  void paragraph(const char* style, const std::string& text) {
    x_.start("w:p");
    x_.start("w:pPr");
    x_.empty("w:pStyle", {{"w:val", style}});
    x_.end("w:pPr");
    run(text, nullptr);
    x_.end("w:p");
  }

  /// A block-level rich text control showing the reader's placeholder text:
  /// Word and LibreOffice select it all on the first click, so typing replaces it.
  void control(const std::string& tag, const std::string& alias) {
    x_.start("w:sdt");
    x_.start("w:sdtPr");
    x_.empty("w:alias", {{"w:val", alias}});
    x_.empty("w:tag", {{"w:val", tag}});
    x_.empty("w:id", {{"w:val", std::to_string(++controls_)}});
    x_.empty("w:showingPlcHdr");
    x_.end("w:sdtPr");
    x_.start("w:sdtContent");
    x_.start("w:p");
    x_.start("w:pPr");
    x_.empty("w:pStyle", {{"w:val", form_style::answer.id}});
    x_.end("w:pPr");
    run(placeholder_text, form_style::placeholder.id);
    x_.end("w:p");
    x_.end("w:sdtContent");
    x_.end("w:sdt");
  }

  void contributors_table() {
    static constexpr const char* columns[] = {"Name", "Role", "Team", "Present"};
    static constexpr int widths[] = {2708, 2708, 2256, 1354};  // sums to the text width
    x_.start("w:tbl");
    x_.start("w:tblPr");
    x_.empty("w:tblStyle", {{"w:val", form_style::table.id}});
    x_.empty("w:tblW", {{"w:w", std::to_string(text_width)}, {"w:type", "dxa"}});
    x_.empty("w:tblLayout", {{"w:type", "fixed"}});
    x_.empty("w:tblLook", {{"w:val", "0420"}, {"w:firstRow", "1"}, {"w:lastRow", "0"}, {"w:firstColumn", "0"},
                           {"w:lastColumn", "0"}, {"w:noHBand", "1"}, {"w:noVBand", "1"}});
    x_.empty("w:tblCaption", {{"w:val", "Contributors"}});
    x_.empty("w:tblDescription", {{"w:val", "Name, role, team and whether each person was present"}});
    x_.end("w:tblPr");
    x_.start("w:tblGrid");
    for (int w : widths) x_.empty("w:gridCol", {{"w:w", std::to_string(w)}});
    x_.end("w:tblGrid");
    for (int r = 0; r <= contributor_rows; ++r) {
      x_.start("w:tr");
      if (r == 0) {  // a header row, repeated on every page and read out as such
        x_.start("w:trPr");
        x_.empty("w:tblHeader");
        x_.end("w:trPr");
      }
      for (int c = 0; c < 4; ++c) {
        x_.start("w:tc");
        x_.start("w:tcPr");
        x_.empty("w:tcW", {{"w:w", std::to_string(widths[c])}, {"w:type", "dxa"}});
        if (r == 0) x_.empty("w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", "DCE4F2"}});
        x_.end("w:tcPr");
        x_.start("w:p");
        if (r == 0) {
          x_.start("w:r");
          x_.start("w:rPr");
          x_.empty("w:b");
          x_.end("w:rPr");
          x_.element("w:t", columns[c]);
          x_.end("w:r");
        }
        x_.end("w:p");
        x_.end("w:tc");
      }
      x_.end("w:tr");
    }
    x_.end("w:tbl");
  }

  void section_properties() {
    x_.start("w:sectPr");
    x_.empty("w:pgSz", {{"w:w", std::to_string(page_width)}, {"w:h", std::to_string(page_height)}});
    const auto m = std::to_string(margin);
    x_.empty("w:pgMar", {{"w:top", m}, {"w:right", m}, {"w:bottom", m}, {"w:left", m}, {"w:header", "708"},
                         {"w:footer", "708"}, {"w:gutter", "0"}});
    x_.end("w:sectPr");
  }

 private:
  void run(const std::string& text, const char* char_style) {
    x_.start("w:r");
    if (char_style) {
      x_.start("w:rPr");
      x_.empty("w:rStyle", {{"w:val", char_style}});
      x_.end("w:rPr");
    }
    // Template titles are data: keep any spaces at their ends.
    x_.element("w:t", text, {{"xml:space", "preserve"}});
    x_.end("w:r");
  }

  XmlPart& x_;
  int controls_ = 0;
};

// The reader files a table under this section (or under a "Contributors" heading) as people.
constexpr const char* contributors_section = "involvement";

void contributors(BodyWriter& b, const char* heading_style) {
  b.paragraph(heading_style, "Contributors");
  b.paragraph(form_style::guidance.id, "Present: yes or no. A role alone is enough when the name is not known.");
  b.contributors_table();
}

}  // namespace

std::string control_tag(const std::string& section, const std::string& prompt) {
  return prompt.empty() ? section : section + "/" + prompt;
}

std::string form_document_xml(const sdiag::Template& tmpl) {
  XmlPart x("w:document", {{"w", sdiag::ooxml::ns.w}, {"r", sdiag::ooxml::ns.r}});
  x.start("w:body");
  BodyWriter b(x);
  b.paragraph(form_style::title.id, form_title);
  if (!tmpl.title.empty()) b.paragraph(form_style::guidance.id, "Workshop template: " + tmpl.title + ".");
  b.paragraph(form_style::guidance.id,
              "Type what was said under each heading, in the box below it: one note per paragraph, pressing Enter "
              "between notes. Leave a box as it is when there is nothing to add; it is ignored.");
  b.paragraph(form_style::guidance.id,
              "List the people involved in the contributors table, adding rows as needed. Then save the form as a "
              "Word document (.docx) and give it to sdiag: sdiag run capture-form.docx");
  for (const auto& s : tmpl.sections) {
    b.paragraph(form_style::heading1.id, s.title);
    if (auto phase = phase_words(s.phase); !phase.empty()) b.paragraph(form_style::guidance.id, phase);
    if (s.prompts.empty()) b.control(control_tag(s.id, ""), s.title);
    for (const auto& p : s.prompts) {
      b.paragraph(form_style::heading2.id, p.title);
      b.control(control_tag(s.id, p.id), p.title);
    }
    if (s.id == contributors_section) contributors(b, form_style::heading2.id);
  }
  if (!tmpl.find_section(contributors_section)) contributors(b, form_style::heading1.id);  // a template without it
  b.section_properties();
  x.end("w:body");
  return x.finish();
}

}  // namespace sdiag::docx_form
