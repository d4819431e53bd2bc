#include "reference_merge.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include <sdiag/ooxml/dom.hpp>
#include <sdiag/ooxml/xml.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

namespace sdiag::docx {

namespace {

using Poco::XML::Element;
using sdiag::ooxml::child;
using sdiag::ooxml::children;

/// The reference's parts are changed and written back: qualified names keep every namespace declaration.
Poco::AutoPtr<Poco::XML::Document> parse(const std::string& bytes, const std::string& part) {
  return sdiag::ooxml::parse_xml(bytes, part, sdiag::ooxml::Names::qualified);
}

std::string style_name(Element* style) {
  auto* name = child(style, "w:name");
  return name ? sdiag::text::lower(name->getAttribute("w:val")) : std::string();
}

/// The part's root, `local` of WordprocessingML written with the w: prefix that the merge's names use.
Element* word_root(Poco::XML::Document* doc, const std::string& local, const std::string& part) {
  auto* root = sdiag::ooxml::root_element(doc, part, local, sdiag::ooxml::wordprocessingml);
  if (root->nodeName() != "w:" + local)
    throw sdiag::InputError(part + " writes WordprocessingML with another prefix than the usual w: (<" +
                                root->nodeName() + ">), which sdiag cannot merge into",
                            part);
  return root;
}

int max_attribute(Element* root, const std::string& element, const std::string& attribute) {
  int best = 0;
  for (auto* e : children(root, element)) {
    try {
      best = std::max(best, std::stoi(e->getAttribute(attribute)));
    } catch (const std::exception&) {
      // not a number: Word would reject the part, but it cannot collide with ours either
    }
  }
  return best;
}

}  // namespace

std::string merge_styles(const std::string& reference, const std::string& part, const std::string& defaults,
                         StyleIds& ids) {
  auto theirs = parse(reference, part);
  auto ours = parse(defaults, "default styles.xml");
  auto* their_root = word_root(theirs, "styles", part);

  std::map<std::string, std::string> id_by_name;
  std::set<std::string> their_ids;
  for (auto* s : children(their_root, "w:style")) {
    their_ids.insert(s->getAttribute("w:styleId"));
    id_by_name.emplace(style_name(s), s->getAttribute("w:styleId"));
  }

  std::vector<Element*> missing;
  for (auto* s : children(ours->documentElement(), "w:style")) {
    const auto id = s->getAttribute("w:styleId");
    if (auto it = id_by_name.find(style_name(s)); it != id_by_name.end()) ids.set(id, it->second);
    else if (!their_ids.count(id)) missing.push_back(s);
  }
  for (auto* s : missing) {
    auto* copy = static_cast<Element*>(theirs->importNode(s, true));
    // A missing style may build on one the reference names otherwise.
    for (const char* link : {"w:basedOn", "w:next", "w:link"})
      if (auto* e = child(copy, link)) e->setAttribute("w:val", ids(e->getAttribute("w:val")));
    // A default style of ours must not take over from the reference's default.
    copy->removeAttribute("w:default");
    their_root->appendChild(copy)->release();
  }
  return sdiag::ooxml::serialise(theirs);
}

std::pair<int, int> numbering_id_bases(const std::string& reference, const std::string& part) {
  auto doc = parse(reference, part);
  auto* root = word_root(doc, "numbering", part);
  return {max_attribute(root, "w:abstractNum", "w:abstractNumId"), max_attribute(root, "w:num", "w:numId")};
}

std::string merge_numbering(const std::string& reference, const std::string& ours) {
  auto theirs = parse(reference, "the reference numbering part");
  auto mine = parse(ours, "numbering.xml");
  auto* root = word_root(theirs, "numbering", "the reference numbering part");
  // Schema order: every abstractNum, then every num, then numIdMacAtCleanup.
  auto* first_num = child(root, "w:num");
  auto* cleanup = child(root, "w:numIdMacAtCleanup");
  for (auto* a : children(mine->documentElement(), "w:abstractNum"))
    root->insertBefore(theirs->importNode(a, true), first_num ? first_num : cleanup)->release();
  for (auto* n : children(mine->documentElement(), "w:num"))
    root->insertBefore(theirs->importNode(n, true), cleanup)->release();
  return sdiag::ooxml::serialise(theirs);
}

}  // namespace sdiag::docx
