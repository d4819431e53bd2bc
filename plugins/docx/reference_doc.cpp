#include "reference_doc.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include <Poco/DOM/NamedNodeMap.h>

#include <sdiag/ooxml/dom.hpp>
#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "reference_merge.hpp"

namespace sdiag::docx {

namespace {

using Poco::XML::Element;
using namespace sdiag::ooxml;

/// The reference's parts as written: qualified names ("w:body").
Poco::AutoPtr<Poco::XML::Document> parse(const std::string& bytes, const std::string& part) {
  return parse_xml(bytes, part, Names::qualified);
}

/// Whether a part is XML (its content type says so, or its name does).
bool is_xml(const std::string& part, const std::string& content_type) {
  auto ends_with = [](const std::string& s, std::string_view tail) { return s.ends_with(tail); };
  return ends_with(content_type, "+xml") || ends_with(content_type, "/xml") || ends_with(part, ".xml") ||
         ends_with(part, ".rels");
}

constexpr int max_copy_depth = 4;

/// Whether `part` is one the report writes itself (docx_writer.cpp and
/// body_part.cpp name them), so that a copy from the reference would clash
/// with it: the package's own parts, the main part and those it relates to,
/// the figures, and our header and footer unless `root` says the copy is
/// the reference's own header or footer, which then replaces ours. A
/// relationship part is never the target of a relationship (OPC).
bool written_by_the_report(const std::string& part, const std::string& root) {
  static const std::set<std::string> own = {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                            "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                                            "word/numbering.xml", "word/settings.xml"};
  static const std::set<std::string> header_footer = {"word/header1.xml", "word/footer1.xml", "word/footer2.xml"};
  return own.count(part) || part.starts_with("word/media/figure") || part.ends_with(".rels") ||
         (root.empty() && header_footer.count(part));
}

/// The content types the reference declares, to give copied parts the same.
class ContentTypes {
 public:
  explicit ContentTypes(const std::string& bytes) {
    auto doc = parse(bytes, "[Content_Types].xml");
    for (auto* e : children(doc->documentElement(), "Default"))
      defaults_[lower(e->getAttribute("Extension"))] = e->getAttribute("ContentType");
    for (auto* e : children(doc->documentElement(), "Override")) {
      auto name = e->getAttribute("PartName");
      overrides_[name.empty() || name[0] != '/' ? name : name.substr(1)] = e->getAttribute("ContentType");
    }
  }
  std::string override_for(const std::string& part) const {
    auto it = overrides_.find(part);
    return it == overrides_.end() ? std::string() : it->second;
  }
  std::string default_for(const std::string& extension) const {
    auto it = defaults_.find(lower(extension));
    return it == defaults_.end() ? "application/octet-stream" : it->second;
  }

 private:
  static std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }
  std::map<std::string, std::string> defaults_, overrides_;
};

class Copier {
 public:
  Copier(const Package& ref, const ContentTypes& types, PackageWriter& package)
      : ref_(ref), types_(types), package_(package) {}

  /// Copies `part`, its relationships and the parts they point to. Returns
  /// false when the part is missing or unusable. An XML part goes through
  /// the one hardened parse first, so the report never carries a DOCTYPE,
  /// a part nested past the limit or one that is not well-formed; `root`,
  /// when given, is the WordprocessingML root element it must have ("hdr").
  /// @throws sdiag::InputError for such a part, a part the report writes
  /// itself, a chain of relationships deeper than max_copy_depth, or a
  /// relationship to a part the file lacks.
  bool copy(const std::string& part, const std::string& root = {}, int depth = 0) {
    if (copied_.count(part)) return true;
    if (written_by_the_report(part, root))
      throw sdiag::InputError("a relationship in it leads to " + part + ", a part the report writes itself", part);
    if (depth > max_copy_depth)
      throw sdiag::InputError(part + " is reached through more than " + std::to_string(max_copy_depth) +
                                  " relationships in a row, more than a header, footer or theme needs",
                              part);
    auto bytes = ref_.read(part);
    if (!bytes) return false;
    copied_.insert(part);
    const auto dot = part.rfind('.');
    const auto extension = dot == std::string::npos ? std::string("bin") : part.substr(dot + 1);
    auto type = types_.override_for(part);
    if (is_xml(part, type.empty() ? types_.default_for(extension) : type)) {
      auto doc = parse(*bytes, part);
      if (!root.empty()) root_element(doc, part, root, wordprocessingml);
    }
    if (!type.empty()) {
      package_.add(part, std::move(*bytes), type);
    } else {
      package_.add_default(extension, types_.default_for(extension));
      package_.add(part, std::move(*bytes));
    }
    const auto rels = rels_name(part);
    if (auto rels_bytes = ref_.read(rels)) {
      for (const auto& r : relationships(*rels_bytes, rels))
        if (!r.external)
          if (auto target = resolve(part, r.target))
            if (!copy(*target, {}, depth + 1))
              throw sdiag::InputError(part + " refers to " + r.target + ", which the file does not hold", part);
      package_.add(rels, std::move(*rels_bytes));
    }
    return true;
  }

 private:
  const Package& ref_;
  const ContentTypes& types_;
  PackageWriter& package_;
  std::set<std::string> copied_;
};

/// A target for document.xml.rels (whose part is word/document.xml).
std::string target_from_word(const std::string& part) {
  return part.rfind("word/", 0) == 0 ? part.substr(5) : "/" + part;
}

AttrList attributes(Element* e) {
  AttrList out;
  if (!e) return out;
  auto* map = e->attributes();
  for (unsigned long i = 0; i < map->length(); ++i) out.emplace_back(map->item(i)->nodeName(), map->item(i)->nodeValue());
  map->release();
  return out;
}

ReferenceStyle read_reference(const std::filesystem::path& path, const std::string& default_styles,
                              PackageWriter& package, Relationships& document_rels, PageSetup& page, StyleIds& ids) {
  const auto ref = Package::from_file(path, "DOCX");
  const ContentTypes types(ref.require("[Content_Types].xml"));
  std::string main;
  for (const auto& r : relationships(ref.require("_rels/.rels"), "_rels/.rels"))
    if (r.type == part::document.relationship && !r.external)
      if (auto target = resolve("", r.target)) main = *target;
  if (main.empty()) throw sdiag::InputError("this is not a DOCX file: it has no main document");
  if (types.override_for(main) != part::document.content_type)
    throw sdiag::InputError("this is not a DOCX file: its main part " + main + " is not declared a Word document", main);
  // What the main part holds, before anything is taken from the file.
  auto document = parse(ref.require(main), main);
  auto* body = child(root_element(document, main, "document", wordprocessingml), "w:body");
  const auto main_rels = rels_name(main);
  const auto main_relationships = relationships(ref.require(main_rels), main_rels);
  std::map<std::string, std::string> target_by_id;
  for (const auto& r : main_relationships)
    if (!r.external)
      if (auto target = resolve(main, r.target)) target_by_id[r.id] = *target;

  ReferenceStyle out;
  Copier copier(ref, types, package);
  for (const auto& r : main_relationships) {
    if (r.external || !target_by_id.count(r.id)) continue;
    const auto& name = target_by_id[r.id];
    if (r.type == part::styles.relationship) {
      out.styles = merge_styles(ref.require(name), name, default_styles, ids);
    } else if (r.type == part::numbering.relationship) {
      out.numbering = ref.read(name);
      if (out.numbering) out.numbering_bases = numbering_id_bases(*out.numbering, name);
    } else if (r.type == part::theme.relationship || r.type == part::font_table.relationship) {
      if (copier.copy(name)) document_rels.add(r.type, target_from_word(name));
    }
  }
  if (out.styles.empty()) throw sdiag::InputError("it has no styles part");

  // The page and its header and footer: the body's last section properties.
  auto* section = child(body, "w:sectPr");
  if (!section) return out;
  if (auto size = attributes(child(section, "w:pgSz")); !size.empty()) page.size = size;
  if (auto margins = attributes(child(section, "w:pgMar")); !margins.empty()) page.margins = margins;
  std::vector<HeaderFooterRef> refs;
  for (auto* e : children(section)) {
    bool header = e->nodeName() == "w:headerReference";
    if (!header && e->nodeName() != "w:footerReference") continue;
    auto it = target_by_id.find(e->getAttribute("r:id"));
    if (it == target_by_id.end() || !copier.copy(it->second, header ? "hdr" : "ftr")) continue;
    auto type = e->getAttribute("w:type");
    refs.push_back({header, type.empty() ? "default" : type,
                    document_rels.add(header ? part::header.relationship : part::footer.relationship,
                                      target_from_word(it->second))});
  }
  if (!refs.empty()) {
    page.headers_footers = refs;
    page.title_page = child(section, "w:titlePg") != nullptr;
    out.headers_footers = true;
  }
  return out;
}

}  // namespace

ReferenceStyle apply_reference(const std::filesystem::path& path, const std::string& default_styles,
                               PackageWriter& package, Relationships& document_rels, PageSetup& page, StyleIds& ids) {
  try {
    return read_reference(path, default_styles, package, document_rels, page, ids);
  } catch (const sdiag::InputError& e) {
    // What is wrong speaks of the package; the user needs to know which file, and what to do.
    throw std::runtime_error(sdiag::text::display_path(path) + " cannot give the report its styles: " + e.what() +
                             ". Give docx.reference a DOCX saved by Word or LibreOffice, or leave the option out "
                             "for sdiag's own styles");
  }
}

}  // namespace sdiag::docx
