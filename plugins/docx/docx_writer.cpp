#include "docx_writer.hpp"

#include <optional>

#include "body_part.hpp"
#include "namespaces.hpp"
#include "numbering_part.hpp"
#include "package.hpp"
#include "page_setup.hpp"
#include "properties_part.hpp"
#include "reference_doc.hpp"
#include "reference_merge.hpp"
#include "settings_part.hpp"
#include "styles_part.hpp"

namespace docx {

WriteResult write_docx(const sdiag::doc::Document& document, const WriteOptions& options) {
  Package package;
  Relationships document_rels;
  StyleIds styles;
  PageSetup page;
  const auto& meta = document.meta;
  const std::string language = meta.language.empty() ? "en-GB" : meta.language;

  // The house style: the reference's (its parts are copied into the
  // package first), or ours.
  std::string styles_xml = default_styles_xml();
  std::optional<std::string> reference_numbering;
  bool reference_headers = false;
  if (!options.reference.empty()) {
    auto ref = apply_reference(options.reference, styles_xml, package, document_rels, page, styles);
    styles_xml = std::move(ref.styles);
    reference_numbering = std::move(ref.numbering);
    reference_headers = ref.headers_footers;
  }
  document_rels.add(rel::styles, "styles.xml");
  document_rels.add(rel::numbering, "numbering.xml");
  document_rels.add(rel::settings, "settings.xml");
  if (!reference_headers) {
    package.add("word/header1.xml", header_xml(meta.title, styles("Header")), content_type::header);
    package.add("word/footer1.xml", footer_xml(meta.organisation, styles("Footer")), content_type::footer);
    page.headers_footers = {{true, "default", document_rels.add(rel::header, "header1.xml")},
                            {false, "default", document_rels.add(rel::footer, "footer1.xml")}};
  }

  auto [abstract_base, num_base] = reference_numbering ? numbering_id_bases(*reference_numbering) : std::pair{0, 0};
  Numbering numbering(abstract_base, num_base);
  BodyContext body{styles, numbering, document_rels, package, page, options.figure_dpi, {}};
  package.add_default("png", content_type::png);
  package.add("word/document.xml", document_xml(document, body), content_type::document);
  package.add("word/styles.xml", std::move(styles_xml), content_type::styles);
  package.add("word/numbering.xml",
              reference_numbering ? merge_numbering(*reference_numbering, numbering.xml()) : numbering.xml(),
              content_type::numbering);
  package.add("word/settings.xml", settings_xml(language), content_type::settings);
  package.add("word/_rels/document.xml.rels", document_rels.xml());

  package.add("docProps/core.xml", core_properties_xml(meta, options.now), content_type::core);
  package.add("docProps/app.xml", app_properties_xml(meta), content_type::app);
  Relationships package_rels;
  package_rels.add(rel::office_document, "word/document.xml");
  package_rels.add(rel::core_properties, "docProps/core.xml");
  package_rels.add(rel::extended_properties, "docProps/app.xml");
  package.add("_rels/.rels", package_rels.xml());

  return {package.zip(), std::move(body.problems)};
}

}  // namespace docx
