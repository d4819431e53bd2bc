#include "reference_doc.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include <Poco/DOM/NamedNodeMap.h>

#include "namespaces.hpp"
#include "ooxml_dom.hpp"
#include "reference_merge.hpp"
#include "reference_package.hpp"

namespace docx {

namespace {

using Poco::XML::Element;

constexpr int max_copy_depth = 4;

/// The content types the reference declares, to give copied parts the same.
class ContentTypes {
 public:
  explicit ContentTypes(const std::string& bytes) {
    auto doc = dom::parse(bytes, "[Content_Types].xml");
    for (auto* e : dom::children(doc->documentElement(), "Default"))
      defaults_[lower(e->getAttribute("Extension"))] = e->getAttribute("ContentType");
    for (auto* e : dom::children(doc->documentElement(), "Override")) {
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
  Copier(ReferencePackage& ref, const ContentTypes& types, Package& package)
      : ref_(ref), types_(types), package_(package) {}

  /// Copies `part`, its relationships and the parts they point to. Returns
  /// false when the part is missing or unusable.
  bool copy(const std::string& part, int depth = 0) {
    if (copied_.count(part)) return true;
    if (depth > max_copy_depth || package_.has(part)) return false;
    auto bytes = ref_.read(part);
    if (!bytes) return false;
    copied_.insert(part);
    if (auto type = types_.override_for(part); !type.empty()) {
      package_.add(part, std::move(*bytes), type);
    } else {
      auto dot = part.rfind('.');
      auto extension = dot == std::string::npos ? std::string("bin") : part.substr(dot + 1);
      package_.add_default(extension, types_.default_for(extension));
      package_.add(part, std::move(*bytes));
    }
    const auto rels = dom::rels_name(part);
    if (auto rels_bytes = ref_.read(rels)) {
      for (const auto& r : dom::relationships(*rels_bytes, rels))
        if (!r.external)
          if (auto target = dom::resolve(part, r.target))
            if (!copy(*target, depth + 1))
              throw std::runtime_error(ref_.path().string() + ": " + part + " refers to " + r.target +
                                       ", which the file does not hold");
      package_.add(rels, std::move(*rels_bytes));
    }
    return true;
  }

 private:
  ReferencePackage& ref_;
  const ContentTypes& types_;
  Package& package_;
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

}  // namespace

ReferenceStyle apply_reference(const std::filesystem::path& path, const std::string& default_styles, Package& package,
                               Relationships& document_rels, PageSetup& page, StyleIds& ids) {
  ReferencePackage ref(path);
  const ContentTypes types(ref.require("[Content_Types].xml"));
  std::string main;
  for (const auto& r : dom::relationships(ref.require("_rels/.rels"), "_rels/.rels"))
    if (r.type == rel::office_document && !r.external)
      if (auto target = dom::resolve("", r.target)) main = *target;
  if (main.empty()) throw std::runtime_error(path.string() + " is not a DOCX file (it has no main document)");
  if (types.override_for(main) != content_type::document)
    throw std::runtime_error(path.string() + " is not a DOCX file (its main part is not a Word document)");
  const auto main_rels = dom::rels_name(main);
  const auto relationships = dom::relationships(ref.require(main_rels), main_rels);
  std::map<std::string, std::string> target_by_id;
  for (const auto& r : relationships)
    if (!r.external)
      if (auto target = dom::resolve(main, r.target)) target_by_id[r.id] = *target;

  ReferenceStyle out;
  Copier copier(ref, types, package);
  for (const auto& r : relationships) {
    if (r.external || !target_by_id.count(r.id)) continue;
    const auto& part = target_by_id[r.id];
    if (r.type == rel::styles) {
      out.styles = merge_styles(ref.require(part), default_styles, ids);
    } else if (r.type == rel::numbering) {
      out.numbering = ref.read(part);
    } else if (r.type == rel::theme || r.type == rel::font_table) {
      if (copier.copy(part)) document_rels.add(r.type, target_from_word(part));
    }
  }
  if (out.styles.empty()) throw std::runtime_error(path.string() + " is not a usable reference document (it has no styles)");

  // The page and its header and footer: the body's last section properties.
  auto document = dom::parse(ref.require(main), main);
  auto* body = dom::first_child(document->documentElement(), "w:body");
  auto* section = body ? dom::first_child(body, "w:sectPr") : nullptr;
  if (!section) return out;
  if (auto size = attributes(dom::first_child(section, "w:pgSz")); !size.empty()) page.size = size;
  if (auto margins = attributes(dom::first_child(section, "w:pgMar")); !margins.empty()) page.margins = margins;
  std::vector<HeaderFooterRef> refs;
  for (auto* e : dom::children(section)) {
    bool header = e->nodeName() == "w:headerReference";
    if (!header && e->nodeName() != "w:footerReference") continue;
    auto it = target_by_id.find(e->getAttribute("r:id"));
    if (it == target_by_id.end() || !copier.copy(it->second)) continue;
    auto type = e->getAttribute("w:type");
    refs.push_back({header, type.empty() ? "default" : type,
                    document_rels.add(header ? rel::header : rel::footer, target_from_word(it->second))});
  }
  if (!refs.empty()) {
    page.headers_footers = refs;
    page.title_page = dom::first_child(section, "w:titlePg") != nullptr;
    out.headers_footers = true;
  }
  return out;
}

}  // namespace docx
