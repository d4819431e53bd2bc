#include "form_writer.hpp"

#include <sdiag/render/word_styles.hpp>

#include "../docx/namespaces.hpp"
#include "../docx/package.hpp"
#include "../docx/properties_part.hpp"
#include "../docx/xml_part.hpp"
#include "docx_reader.hpp"
#include "form_body.hpp"

namespace docx_form {

namespace {

std::string settings_xml() {
  docx::XmlPart x("w:settings", {{"w", docx::ns::w}});
  x.empty("w:defaultTabStop", {{"w:val", "720"}});
  x.empty("w:characterSpacingControl", {{"w:val", "doNotCompress"}});
  x.start("w:compat");
  x.empty("w:compatSetting", {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"},
                              {"w:val", "15"}});
  x.end("w:compat");
  x.empty("w:themeFontLang", {{"w:val", "en-GB"}});
  return x.finish();
}

}  // namespace

std::string capture_form_docx(const sdiag::Template& tmpl, std::time_t now) {
  sdiag::doc::DocumentMeta meta;
  meta.title = form_title;
  meta.subject = tmpl.title.empty() ? "Data service diagnostic" : tmpl.title;
  meta.author = "sdiag";
  meta.keywords = {"data service diagnostic", "capture form", tmpl.id};
  meta.language = "en-GB";

  docx::Package pkg;
  docx::Relationships package_rels, document_rels;
  package_rels.add(docx::rel::office_document, "word/document.xml");
  package_rels.add(docx::rel::core_properties, "docProps/core.xml");
  package_rels.add(docx::rel::extended_properties, "docProps/app.xml");
  document_rels.add(docx::rel::styles, "styles.xml");
  document_rels.add(docx::rel::settings, "settings.xml");

  pkg.add("_rels/.rels", package_rels.xml());
  pkg.add("word/document.xml", form_document_xml(tmpl), docx::content_type::document);
  pkg.add("word/_rels/document.xml.rels", document_rels.xml());
  pkg.add("word/styles.xml", sdiag::render::styles_xml(sdiag::render::form_styles(sdiag::render::report_theme)),
          docx::content_type::styles);
  pkg.add("word/settings.xml", settings_xml(), docx::content_type::settings);
  pkg.add("docProps/core.xml", docx::core_properties_xml(meta, now), docx::content_type::core);
  pkg.add("docProps/app.xml", docx::app_properties_xml(meta), docx::content_type::app);
  return pkg.zip();
}

}  // namespace docx_form
