#define POINTERHOLDER_TRANSITION 4
#include "pdf_reader.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <functional>

namespace pdf_test {

namespace {

// Structure elements depth first, as a reader meets them.
void walk(QPDFObjectHandle e, const std::function<void(QPDFObjectHandle)>& f) {
  if (e.isArray()) {
    for (auto& k : e.aitems()) walk(k, f);
    return;
  }
  if (!e.isDictionary() || !e.hasKey("/S")) return;
  f(e);
  if (e.hasKey("/K")) walk(e.getKey("/K"), f);
}

void collect_outline(const std::vector<QPDFOutlineObjectHelper>& items, std::vector<std::string>& titles) {
  for (auto o : items) {
    titles.push_back(o.getTitle());
    collect_outline(o.getKids(), titles);
  }
}

}  // namespace

PdfFacts read_pdf(const std::string& path) {
  PdfFacts facts;
  QPDF q;
  q.processFile(path.c_str());
  for (const auto& w : q.getWarnings()) facts.warnings.push_back(w.what());
  auto pages = QPDFPageDocumentHelper(q).getAllPages();
  facts.pages = pages.size();

  auto root = q.getRoot();
  if (root.getKey("/Lang").isString()) facts.lang = root.getKey("/Lang").getUTF8Value();
  auto prefs = root.getKey("/ViewerPreferences");
  facts.display_doc_title = prefs.isDictionary() && prefs.getKey("/DisplayDocTitle").isBool() &&
                            prefs.getKey("/DisplayDocTitle").getBoolValue();
  auto mark = root.getKey("/MarkInfo");
  facts.marked = mark.isDictionary() && mark.getKey("/Marked").isBool() && mark.getKey("/Marked").getBoolValue();

  QPDFOutlineDocumentHelper outline(q);
  collect_outline(outline.getTopLevelOutlines(), facts.outline);

  walk(root.getKey("/StructTreeRoot").getKey("/K"), [&](QPDFObjectHandle e) {
    facts.kinds.push_back(e.getKey("/S").getName());
    if (e.getKey("/S").getName() == "/Figure")
      facts.alts.push_back(e.getKey("/Alt").isString() ? e.getKey("/Alt").getUTF8Value() : "");
  });

  for (auto& page : pages)
    for (auto& annot : page.getAnnotations("/Link")) {
      auto a = annot.getObjectHandle();
      if (a.hasKey("/A") && a.getKey("/A").hasKey("/URI")) facts.uri_links.push_back(a.getKey("/A").getKey("/URI").getStringValue());
      if (a.hasKey("/Dest") || (a.hasKey("/A") && a.getKey("/A").hasKey("/D"))) ++facts.dest_links;
    }
  return facts;
}

}  // namespace pdf_test
