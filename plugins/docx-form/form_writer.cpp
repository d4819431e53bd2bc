#include "form_writer.hpp"

#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/package_writer.hpp>
#include <sdiag/ooxml/properties.hpp>
#include <sdiag/ooxml/xml_part.hpp>
#include <sdiag/render/word_styles.hpp>

#include "docx_reader.hpp"
#include "form_body.hpp"

namespace sdiag::docx_form {

namespace ooxml = sdiag::ooxml;

namespace {

std::string settings_xml() {
  ooxml::XmlPart x("w:settings", {{"w", ooxml::ns.w}});
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

  ooxml::PackageWriter pkg;
  ooxml::Relationships package_rels, document_rels;
  package_rels.add(ooxml::part::document.relationship, "word/document.xml");
  package_rels.add(ooxml::part::core_properties.relationship, "docProps/core.xml");
  package_rels.add(ooxml::part::app_properties.relationship, "docProps/app.xml");
  document_rels.add(ooxml::part::styles.relationship, "styles.xml");
  document_rels.add(ooxml::part::settings.relationship, "settings.xml");

  pkg.add("_rels/.rels", package_rels.xml());
  pkg.add("word/document.xml", form_document_xml(tmpl), ooxml::part::document.content_type);
  pkg.add("word/_rels/document.xml.rels", document_rels.xml());
  pkg.add("word/styles.xml", sdiag::render::styles_xml(sdiag::render::form_styles(sdiag::render::report_theme)),
          ooxml::part::styles.content_type);
  pkg.add("word/settings.xml", settings_xml(), ooxml::part::settings.content_type);
  pkg.add("docProps/core.xml", ooxml::core_properties_xml(meta, now), ooxml::part::core_properties.content_type);
  pkg.add("docProps/app.xml", ooxml::app_properties_xml(meta), ooxml::part::app_properties.content_type);
  return pkg.zip();
}

}  // namespace sdiag::docx_form
