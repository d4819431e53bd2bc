// qpdf 11: opt out of the deprecated PointerHolder (std::shared_ptr is used throughout).
#define POINTERHOLDER_TRANSITION 4

#include "accessibility_fixup.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <set>

namespace pdf {

namespace {

// Visits structure elements depth first, in the order of their /K children:
// that is the logical reading order, so Figures come in document order.
void collect_figures(QPDFObjectHandle element, std::vector<QPDFObjectHandle>& figures, std::set<QPDFObjGen>& seen) {
  if (element.isIndirect() && !seen.insert(element.getObjGen()).second) return;
  if (element.isArray()) {
    for (int i = 0; i < element.getArrayNItems(); ++i) collect_figures(element.getArrayItem(i), figures, seen);
    return;
  }
  if (!element.isDictionary()) return;  // a marked-content id
  auto type = element.getKey("/S");
  if (type.isName() && type.getName() == "/Figure") figures.push_back(element);
  if (element.hasKey("/K")) collect_figures(element.getKey("/K"), figures, seen);
}

QPDFObjectHandle dictionary_at(QPDFObjectHandle parent, const std::string& key) {
  auto d = parent.getKey(key);
  if (!d.isDictionary()) {
    d = QPDFObjectHandle::newDictionary();
    parent.replaceKey(key, d);
  }
  return d;
}

}  // namespace

FixupResult write_accessible_pdf(const std::string& pdf, const std::string& language,
                                 const std::vector<std::string>& alts, const std::filesystem::path& target) {
  FixupResult result;
  QPDF q;
  q.setSuppressWarnings(true);
  q.processMemoryFile("report.pdf", pdf.data(), pdf.size());
  auto root = q.getRoot();

  root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language.empty() ? "en-GB" : language));
  dictionary_at(root, "/ViewerPreferences").replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  dictionary_at(root, "/MarkInfo").replaceKey("/Marked", QPDFObjectHandle::newBool(true));

  std::vector<QPDFObjectHandle> figures;
  std::set<QPDFObjGen> seen;
  auto tree = root.getKey("/StructTreeRoot");
  if (tree.isDictionary()) collect_figures(tree.getKey("/K"), figures, seen);
  result.figures_found = figures.size();
  for (std::size_t i = 0; i < figures.size() && i < alts.size(); ++i)
    figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[i]));

  QPDFWriter w(q, target.string().c_str());
  w.setDeterministicID(true);  // the ID from the content: same input, same bytes
  w.setObjectStreamMode(qpdf_o_generate);
  w.setCompressStreams(true);
  w.setDecodeLevel(qpdf_dl_none);  // cairo's streams are already compressed: copy them as they are
  w.write();
  for (const auto& warning : q.getWarnings()) result.warnings.push_back(warning.what());
  return result;
}

}  // namespace pdf
