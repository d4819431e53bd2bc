#include "docx_writer.hpp"

#include <algorithm>
#include <optional>

#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/package_writer.hpp>
#include <sdiag/ooxml/properties.hpp>

#include "body_part.hpp"
#include "numbering_part.hpp"
#include "page_setup.hpp"
#include "reference_doc.hpp"
#include "reference_merge.hpp"
#include "settings_part.hpp"
#include "styles_part.hpp"

namespace sdiag::docx {

using namespace sdiag::ooxml;

namespace {

bool has_landscape_page(const sdiag::doc::Document& d) {
  return std::any_of(d.blocks.begin(), d.blocks.end(), [](const sdiag::doc::Block& b) {
    const auto* page_break = std::get_if<sdiag::doc::PageBreak>(&b);
    return page_break && page_break->landscape;
  });
}

}  // namespace

WriteResult write_docx(const sdiag::doc::Document& document, const WriteOptions& options) {
  PackageWriter package;
  Relationships document_rels;
  StyleIds styles;
  PageSetup page;
  const auto& meta = document.meta;
  const std::string language = meta.language.empty() ? "en-GB" : meta.language;

  // The house style: the reference's (its parts are copied into the
  // package first), or ours.
  std::string styles_xml = default_styles_xml();
  std::optional<std::string> reference_numbering;
  std::pair<int, int> numbering_bases{0, 0};
  bool reference_headers = false;
  if (!options.reference.empty()) {
    auto ref = apply_reference(options.reference, styles_xml, package, document_rels, page, styles);
    styles_xml = std::move(ref.styles);
    reference_numbering = std::move(ref.numbering);
    numbering_bases = ref.numbering_bases;
    reference_headers = ref.headers_footers;
  }
  document_rels.add(part::styles.relationship, "styles.xml");
  document_rels.add(part::numbering.relationship, "numbering.xml");
  document_rels.add(part::settings.relationship, "settings.xml");
  if (!reference_headers) {
    package.add("word/header1.xml", header_xml(meta.title, styles("Header")), part::header.content_type);
    package.add("word/footer1.xml", footer_xml(meta.organisation, styles("Footer")), part::footer.content_type);
    page.headers_footers = {{true, "default", document_rels.add(part::header.relationship, "header1.xml")},
                            {false, "default", document_rels.add(part::footer.relationship, "footer1.xml")}};
    if (has_landscape_page(document)) {
      // The footer's right tab stop is set for an upright page: a turned one has its own footer.
      const FooterTabs tabs{PageSetup{}.text_width(), page.turned().text_width()};
      package.add("word/footer2.xml", footer_xml(meta.organisation, styles("Footer"), tabs), part::footer.content_type);
      page.turned_headers_footers = {page.headers_footers[0],
                                     {false, "default", document_rels.add(part::footer.relationship, "footer2.xml")}};
    }
  }

  Numbering numbering(numbering_bases.first, numbering_bases.second);
  BodyContext body{styles, numbering, document_rels, package, page, options.figure_dpi, {}};
  package.add_default("png", part::image.content_type);
  package.add("word/document.xml", document_xml(document, body), part::document.content_type);
  package.add("word/styles.xml", std::move(styles_xml), part::styles.content_type);
  package.add("word/numbering.xml",
              reference_numbering ? merge_numbering(*reference_numbering, numbering.xml()) : numbering.xml(),
              part::numbering.content_type);
  package.add("word/settings.xml", settings_xml(language), part::settings.content_type);
  package.add("word/_rels/document.xml.rels", document_rels.xml());

  package.add("docProps/core.xml", core_properties_xml(meta, options.now), part::core_properties.content_type);
  package.add("docProps/app.xml", app_properties_xml(meta), part::app_properties.content_type);
  Relationships package_rels;
  package_rels.add(part::document.relationship, "word/document.xml");
  package_rels.add(part::core_properties.relationship, "docProps/core.xml");
  package_rels.add(part::app_properties.relationship, "docProps/app.xml");
  package.add("_rels/.rels", package_rels.xml());

  return {package.zip(), std::move(body.problems)};
}

}  // namespace sdiag::docx
