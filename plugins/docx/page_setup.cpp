#include "page_setup.hpp"

#include <algorithm>
#include <charconv>

namespace sdiag::docx {

namespace {

int value(const AttrList& attrs, const std::string& name, int fallback) {
  for (const auto& [n, v] : attrs) {
    if (n != name) continue;
    int out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec == std::errc() && end == v.data() + v.size()) return out;
  }
  return fallback;
}

}  // namespace

int PageSetup::text_width() const {
  int w = value(size, "w:w", 11906) - value(margins, "w:left", 1304) - value(margins, "w:right", 1304) -
          value(margins, "w:gutter", 0);
  return std::max(w, 1440);  // never narrower than an inch, whatever a reference says
}

int PageSetup::text_height() const {
  int h = value(size, "w:h", 16838) - std::abs(value(margins, "w:top", 1418)) - std::abs(value(margins, "w:bottom", 1418));
  return std::max(h, 1440);
}

PageSetup PageSetup::turned() const {
  const int w = value(size, "w:w", 11906), h = value(size, "w:h", 16838);
  if (w > h) return *this;
  PageSetup out = *this;
  out.size.clear();
  for (const auto& [n, v] : size) {
    if (n == "w:w") out.size.emplace_back(n, std::to_string(h));
    else if (n == "w:h") out.size.emplace_back(n, std::to_string(w));
    else if (n != "w:orient") out.size.emplace_back(n, v);
  }
  out.size.emplace_back("w:orient", "landscape");
  if (!turned_headers_footers.empty()) out.headers_footers = turned_headers_footers;
  return out;
}

void PageSetup::write(XmlPart& x) const {
  x.start("w:sectPr");
  // Schema order: header references, then footer references, then the page.
  for (bool header : {true, false})
    for (const auto& r : headers_footers)
      if (r.header == header)
        x.empty(header ? "w:headerReference" : "w:footerReference", {{"w:type", r.type}, {"r:id", r.relationship}});
  x.empty_with("w:pgSz", size);
  x.empty_with("w:pgMar", margins);
  x.empty("w:cols", {{"w:space", "708"}});
  if (title_page) x.empty("w:titlePg");
  x.empty("w:docGrid", {{"w:linePitch", "360"}});
  x.end("w:sectPr");
}

}  // namespace sdiag::docx
