// Taking a council's house style from a reference DOCX, as pandoc's
// --reference-doc does: styles (plus theme, fonts and numbering), the page
// (size, margins) and the header and footer with their pictures.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include <sdiag/ooxml/package_writer.hpp>

#include "page_setup.hpp"
#include "styles_part.hpp"

namespace sdiag::docx {

struct ReferenceStyle {
  std::string styles;                     ///< the reference styles.xml with ours merged in
  std::optional<std::string> numbering;   ///< the reference numbering.xml, to merge ours into
  std::pair<int, int> numbering_bases;    ///< its largest abstractNumId and numId (numbering_id_bases)
  bool headers_footers = false;           ///< the reference's header/footer parts are in the package
};

/// Reads `path` and copies what it gives into `package` (theme, font table,
/// headers, footers and everything they refer to) with relationships from
/// the main document in `document_rels`; sets `page` and `ids`.
/// @throws std::runtime_error naming `path`, what is wrong with it (not a
/// DOCX, a main part that is not WordprocessingML, over a limit of
/// sdiag::ooxml::Package or parse_xml()) and what to do.
ReferenceStyle apply_reference(const std::filesystem::path& path, const std::string& default_styles,
                               sdiag::ooxml::PackageWriter& package, sdiag::ooxml::Relationships& document_rels, PageSetup& page, StyleIds& ids);

}  // namespace sdiag::docx
