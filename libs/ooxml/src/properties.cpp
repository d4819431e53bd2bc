#include <sdiag/ooxml/properties.hpp>

#include <sdiag/context.hpp>

#include <sdiag/ooxml/xml_part.hpp>

#include <regex>

#include <sdiag/atomic_file.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/ooxml/package_writer.hpp>

namespace sdiag::ooxml {

std::string core_properties_xml(const sdiag::doc::DocumentMeta& meta, std::time_t now) {
  XmlPart x("cp:coreProperties",
            {{"cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
             {"dc", "http://purl.org/dc/elements/1.1/"},
             {"dcterms", "http://purl.org/dc/terms/"},
             {"dcmitype", "http://purl.org/dc/dcmitype/"},
             {"xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
  x.element("dc:title", meta.title);
  if (!meta.subject.empty()) x.element("dc:subject", meta.subject);
  x.element("dc:creator", meta.author.empty() ? meta.organisation : meta.author);
  std::string keywords;
  for (const auto& k : meta.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
  if (!keywords.empty()) x.element("cp:keywords", keywords);
  if (!meta.subtitle.empty()) x.element("dc:description", meta.subtitle);
  x.element("dc:language", meta.language.empty() ? "en-GB" : meta.language);
  const auto when = sdiag::iso_utc(now);  // W3CDTF, as core.xml wants
  x.element("dcterms:created", when, {{"xsi:type", "dcterms:W3CDTF"}});
  x.element("dcterms:modified", when, {{"xsi:type", "dcterms:W3CDTF"}});
  return x.finish();
}

std::string app_properties_xml(const sdiag::doc::DocumentMeta& meta) {
  XmlPart x("Properties", {{"", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
                           {"vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}});
  x.element("Application", "sdiag");
  if (!meta.organisation.empty()) x.element("Company", meta.organisation);
  return x.finish();
}

void record_epoch_zero(const std::filesystem::path& xlsx) {
  static const std::regex date(R"((<dcterms:(created|modified)[^>]*>)[^<]*<)");
  const auto package = Package::from_file(xlsx, "XLSX");
  const auto core = std::regex_replace(package.require("docProps/core.xml"), date, "$011970-01-01T00:00:00Z<");
  sdiag::write_file_atomically(xlsx, repack(package, {{"docProps/core.xml", core}}));
}

}  // namespace sdiag::ooxml
