#include "reference_merge.hpp"

#include <map>
#include <set>
#include <stdexcept>

#include <sdiag/text.hpp>

#include "ooxml_dom.hpp"

namespace docx {

namespace {

using Poco::XML::Element;

std::string style_name(Element* style) {
  auto* name = dom::first_child(style, "w:name");
  return name ? sdiag::text::lower(name->getAttribute("w:val")) : std::string();
}

Element* root_named(Poco::XML::Document* doc, const std::string& qname, const std::string& part) {
  auto* root = doc->documentElement();
  if (!root || root->nodeName() != qname)
    throw std::runtime_error(part + ": expected a " + qname + " root element (with the usual w: prefix)");
  return root;
}

int max_attribute(Element* root, const std::string& element, const std::string& attribute) {
  int best = 0;
  for (auto* e : dom::children(root, element)) {
    try {
      best = std::max(best, std::stoi(e->getAttribute(attribute)));
    } catch (const std::exception&) {
      // not a number: Word would reject the part, but it cannot collide with ours either
    }
  }
  return best;
}

}  // namespace

std::string merge_styles(const std::string& reference, const std::string& defaults, StyleIds& ids) {
  auto theirs = dom::parse(reference, "reference styles.xml");
  auto ours = dom::parse(defaults, "default styles.xml");
  auto* their_root = root_named(theirs, "w:styles", "reference styles.xml");

  std::map<std::string, std::string> id_by_name;
  std::set<std::string> their_ids;
  for (auto* s : dom::children(their_root, "w:style")) {
    their_ids.insert(s->getAttribute("w:styleId"));
    id_by_name.emplace(style_name(s), s->getAttribute("w:styleId"));
  }

  std::vector<Element*> missing;
  for (auto* s : dom::children(ours->documentElement(), "w:style")) {
    const auto id = s->getAttribute("w:styleId");
    if (auto it = id_by_name.find(style_name(s)); it != id_by_name.end()) ids.set(id, it->second);
    else if (!their_ids.count(id)) missing.push_back(s);
  }
  for (auto* s : missing) {
    auto* copy = static_cast<Element*>(theirs->importNode(s, true));
    // A missing style may build on one the reference names otherwise.
    for (const char* link : {"w:basedOn", "w:next", "w:link"})
      if (auto* e = dom::first_child(copy, link)) e->setAttribute("w:val", ids(e->getAttribute("w:val")));
    // A default style of ours must not take over from the reference's default.
    copy->removeAttribute("w:default");
    their_root->appendChild(copy)->release();
  }
  return dom::serialise(theirs);
}

std::pair<int, int> numbering_id_bases(const std::string& reference) {
  auto doc = dom::parse(reference, "reference numbering.xml");
  auto* root = root_named(doc, "w:numbering", "reference numbering.xml");
  return {max_attribute(root, "w:abstractNum", "w:abstractNumId"), max_attribute(root, "w:num", "w:numId")};
}

std::string merge_numbering(const std::string& reference, const std::string& ours) {
  auto theirs = dom::parse(reference, "reference numbering.xml");
  auto mine = dom::parse(ours, "numbering.xml");
  auto* root = root_named(theirs, "w:numbering", "reference numbering.xml");
  // Schema order: every abstractNum, then every num, then numIdMacAtCleanup.
  auto* first_num = dom::first_child(root, "w:num");
  auto* cleanup = dom::first_child(root, "w:numIdMacAtCleanup");
  for (auto* a : dom::children(mine->documentElement(), "w:abstractNum"))
    root->insertBefore(theirs->importNode(a, true), first_num ? first_num : cleanup)->release();
  for (auto* n : dom::children(mine->documentElement(), "w:num"))
    root->insertBefore(theirs->importNode(n, true), cleanup)->release();
  return dom::serialise(theirs);
}

}  // namespace docx
