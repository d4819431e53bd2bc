// qpdf 11: opt out of the deprecated PointerHolder (std::shared_ptr is used throughout).
#define POINTERHOLDER_TRANSITION 4

#include "accessibility_fixup.hpp"

#include <boost/interprocess/file_mapping.hpp>
#include <boost/interprocess/mapped_region.hpp>
#include <qpdf/Buffer.hh>
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QUtil.hh>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <set>
#include <stdexcept>

namespace sdiag::pdf {

namespace {

// Visits structure elements depth first, in the order of their /K children:
// that is the logical reading order, so Figures come in document order. The
// renderer puts every Figure straight under the Document element, so only
// grouping elements are opened: reading the thousands of P, LI and TD
// elements of a long report would cost more than the rest of the fix-up.
void collect_figures(QPDFObjectHandle element, std::vector<QPDFObjectHandle>& figures, std::set<QPDFObjGen>& seen) {
  if (element.isIndirect() && !seen.insert(element.getObjGen()).second) return;
  if (element.isArray()) {
    for (int i = 0; i < element.getArrayNItems(); ++i) collect_figures(element.getArrayItem(i), figures, seen);
    return;
  }
  if (!element.isDictionary()) return;  // a marked-content id
  auto type = element.getKey("/S");
  const std::string name = type.isName() ? type.getName() : "";
  if (name == "/Figure") figures.push_back(element);
  const bool grouping = name.empty() || name == "/Document" || name == "/Part" || name == "/Sect" || name == "/Div";
  if (grouping && element.hasKey("/K")) collect_figures(element.getKey("/K"), figures, seen);
}

// What one read of the file cairo wrote tells: its size, where its last
// cross-reference section starts, the MD5 of its bytes so far, and the ids of
// the objects that look like Figure elements. cairo writes each structure
// element as an object of its own, "N 0 obj\n<< /Type /StructElem\n   /S
// /Figure", in the order of its walk of the tree, which is reading order. A
// byte search is far cheaper than parsing every child of the Document
// element; each hit is checked, and a count that does not match sends the
// caller back to the walk. The file is read in pieces: a long report's PDF
// is never held in memory.
struct FileScan {
  std::uintmax_t size = 0;
  std::size_t last_xref = 0;
  std::vector<int> figure_ids;
};

FileScan scan_file(const std::filesystem::path& pdf, QPDFCryptoImpl& md5) {
  static const std::string mark = "/S /Figure";
  constexpr std::size_t kPiece = 1u << 20, kCarry = 256;  // a mark and its object header fit in the carry
  std::ifstream in(pdf, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the PDF cairo wrote");
  FileScan scan;
  std::string window;  // the end of the previous piece, then this piece
  std::vector<char> piece(kPiece);
  while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    md5.MD5_update(reinterpret_cast<const unsigned char*>(piece.data()), got);
    scan.size += got;
    window.append(piece.data(), got);
    for (auto at = window.find(mark); at != std::string::npos; at = window.find(mark, at + mark.size())) {
      const auto header = window.rfind(" 0 obj", at);
      if (header == std::string::npos) continue;
      const auto line = window.rfind('\n', header);
      const auto start = line == std::string::npos ? 0 : line + 1;
      int id = 0;
      if (std::sscanf(window.c_str() + start, "%d 0 obj", &id) != 1 || id <= 0) continue;
      if (std::find(scan.figure_ids.begin(), scan.figure_ids.end(), id) == scan.figure_ids.end())
        scan.figure_ids.push_back(id);
    }
    if (window.size() > kCarry) window.erase(0, window.size() - kCarry);
  }
  // "startxref\nN" is in the last few bytes, within the carry.
  const auto at = window.rfind("startxref");
  if (at == std::string::npos) throw std::runtime_error("the PDF cairo wrote has no startxref");
  scan.last_xref = std::stoull(window.substr(at + 9, 32));
  return scan;
}

std::vector<QPDFObjectHandle> checked_figures(QPDF& q, const std::vector<int>& ids) {
  std::vector<QPDFObjectHandle> figures;
  for (int id : ids) {
    auto element = q.getObjectByID(id, 0);
    if (!element.isDictionary()) continue;
    auto type = element.getKey("/S");
    if (type.isName() && type.getName() == "/Figure") figures.push_back(element);
  }
  return figures;
}

// A direct copy of the dictionary at `key` (new when missing), changed and
// put back: the catalog is rewritten whole, so nothing it points to changes.
void set_in_dictionary(QPDFObjectHandle parent, const std::string& key, const std::string& entry,
                       QPDFObjectHandle value) {
  auto d = parent.getKey(key);
  d = d.isDictionary() ? d.shallowCopy() : QPDFObjectHandle::newDictionary();
  d.replaceKey(entry, value);
  parent.replaceKey(key, d);
}

std::string hex_digest(QPDFCryptoImpl& md5) {
  md5.MD5_finalize();
  QPDFCryptoImpl::MD5_Digest digest;
  md5.MD5_digest(digest);
  return QUtil::hex_encode(std::string(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace

FixupResult add_accessibility_update(const std::filesystem::path& pdf, const std::string& language,
                                     const std::vector<std::string>& alts) {
  FixupResult result;
  auto md5 = QPDFCryptoProvider::getImpl();
  md5->MD5_init();
  const FileScan scan = scan_file(pdf, *md5);
  // qpdf reads the file through a mapping of it: its own file reader asks
  // the C library for each of the cross-reference's lines with a seek and a
  // read, a third of a second for the 86,000 objects of a long report. Only
  // the pages qpdf touches are read: the xref, the trailer, a few objects.
  namespace bip = boost::interprocess;
  const bip::file_mapping file(pdf.c_str(), bip::read_only);
  const bip::mapped_region mapped(file, bip::read_only, 0, static_cast<std::size_t>(scan.size));
  Buffer view(static_cast<unsigned char*>(mapped.get_address()), mapped.get_size());
  QPDF q;
  q.setSuppressWarnings(true);
  // Reads the xref; objects only when asked for.
  q.processInputSource(std::make_shared<BufferInputSource>("the PDF cairo wrote", &view));
  auto root = q.getRoot();

  root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language.empty() ? "en-GB" : language));
  set_in_dictionary(root, "/ViewerPreferences", "/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  set_in_dictionary(root, "/MarkInfo", "/Marked", QPDFObjectHandle::newBool(true));
  std::vector<QPDFObjectHandle> changed{root};

  std::vector<QPDFObjectHandle> figures = checked_figures(q, scan.figure_ids);
  if (figures.size() != alts.size()) {
    figures.clear();
    std::set<QPDFObjGen> seen;
    auto tree = root.getKey("/StructTreeRoot");
    if (tree.isDictionary()) collect_figures(tree.getKey("/K"), figures, seen);
  }
  result.figures_found = figures.size();
  for (std::size_t i = 0; i < figures.size() && i < alts.size(); ++i) {
    if (!figures[i].isIndirect()) continue;  // cairo writes every element as an object of its own
    figures[i].replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[i]));
    changed.push_back(figures[i]);
  }

  // An incremental update (PDF 32000-1, 7.5.6): the changed objects, a
  // cross-reference section for them and a trailer pointing back at cairo's.
  // Rewriting the whole file would parse every object of it, which cost as
  // much as laying the report out.
  std::sort(changed.begin(), changed.end(),
            [](QPDFObjectHandle& a, QPDFObjectHandle& b) { return a.getObjectID() < b.getObjectID(); });
  std::string update = "\n";
  std::vector<std::pair<QPDFObjGen, std::uintmax_t>> offsets;
  for (auto& object : changed) {
    offsets.emplace_back(object.getObjGen(), scan.size + update.size());
    update += std::to_string(object.getObjectID()) + " " + std::to_string(object.getGeneration()) + " obj\n" +
              object.unparseResolved() + "\nendobj\n";
  }
  const auto xref_at = scan.size + update.size();
  update += "xref\n";
  for (const auto& [id, offset] : offsets) {
    char entry[40];
    std::snprintf(entry, sizeof entry, "%d 1\n%010ju %05d n \n", id.getObj(), offset, id.getGen());
    update += entry;
  }
  auto trailer = q.getTrailer().shallowCopy();
  trailer.replaceKey("/Prev", QPDFObjectHandle::newInteger(static_cast<long long>(scan.last_xref)));
  // The ID from the content: same report, same bytes.
  md5->MD5_update(reinterpret_cast<const unsigned char*>(update.data()), update.size());
  const auto id = hex_digest(*md5);
  trailer.replaceKey("/ID", QPDFObjectHandle::parse("[<" + id + "> <" + id + ">]"));
  update += "trailer\n" + trailer.unparse() + "\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";

  std::ofstream out(pdf, std::ios::binary | std::ios::app);
  out.write(update.data(), static_cast<std::streamsize>(update.size()));
  out.close();
  if (!out) throw std::runtime_error("could not add the accessibility update to the PDF");
  for (const auto& warning : q.getWarnings()) result.warnings.push_back(warning.what());
  return result;
}

}  // namespace sdiag::pdf
