#include "body_part.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>

#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/xml_part.hpp>
#include <sdiag/text.hpp>

#include "drawing_raster.hpp"

namespace sdiag::docx {

using namespace sdiag::ooxml;

namespace {

using namespace sdiag::doc;

constexpr long emu_per_point = 12700;

bool is_external_link(const std::string& link) {
  return sdiag::text::starts_with_ci(link, "http://") || sdiag::text::starts_with_ci(link, "https://") ||
         sdiag::text::starts_with_ci(link, "mailto:");
}

class BodyWriter {
 public:
  BodyWriter(const Document& d, BodyContext& c)
      : doc_(d), c_(c), x_("w:document", {{"w", ns.w}, {"r", ns.r}, {"wp", ns.wp}, {"a", ns.a}, {"pic", ns.pic}}) {
    x_.start("w:body");
  }

  sdiag::ooxml::TextPieces write() {
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      last_block_ = i + 1 == doc_.blocks.size();
      before_page_break_ = !last_block_ && std::holds_alternative<PageBreak>(doc_.blocks[i + 1]);
      // Breaks in a row make one: the last says which way up the page is.
      if (before_page_break_ && std::holds_alternative<PageBreak>(doc_.blocks[i])) continue;
      std::visit(*this, doc_.blocks[i]);
      wrote_something_ = true;
    }
    section_page().write(x_);
    x_.end("w:body");
    return x_.finish_pieces();
  }

  void operator()(const Heading& h) {
    int level = std::clamp(h.level, 1, 3);
    begin_paragraph(c_.styles("Heading" + std::to_string(level)));
    std::string bookmark;
    if (!h.id.empty() && placed_bookmarks_.insert(bookmark_name(h.id)).second) bookmark = bookmark_name(h.id);
    if (!bookmark.empty()) x_.empty("w:bookmarkStart", {{"w:id", std::to_string(bookmark_ids_)}, {"w:name", bookmark}});
    run(Run{h.text, false, false, {}});
    if (!bookmark.empty()) x_.empty("w:bookmarkEnd", {{"w:id", std::to_string(bookmark_ids_++)}});
    x_.end("w:p");
  }

  void operator()(const Paragraph& p) {
    static const std::set<std::string> known = {style::title, style::subtitle, style::caption, style::quote,
                                                style::note};
    begin_paragraph(known.count(p.style) ? c_.styles(p.style) : std::string());
    runs(p.runs);
    x_.end("w:p");
  }

  void operator()(const List& l) {
    const int num = l.numbered ? c_.numbering.next_numbered() : c_.numbering.bullets();
    const auto style = c_.styles(l.numbered ? "ListNumber" : "ListBullet");
    for (const auto& item : l.items) {
      x_.start("w:p");
      x_.start("w:pPr");
      x_.empty("w:pStyle", {{"w:val", style}});
      x_.start("w:numPr");
      x_.empty("w:ilvl", {{"w:val", std::to_string(std::clamp(item.level, 0, 8))}});
      x_.empty("w:numId", {{"w:val", std::to_string(num)}});
      x_.end("w:numPr");
      x_.end("w:pPr");
      runs(item.content.runs);
      x_.end("w:p");
    }
  }

  void operator()(const Table& t) {
    std::size_t columns = t.header.size();
    for (const auto& row : t.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    const auto widths = column_widths(t, columns);
    if (!t.caption.empty()) {
      begin_paragraph(c_.styles("TableCaption"));
      run(Run{t.caption, false, false, {}});
      x_.end("w:p");
    }
    x_.start("w:tbl");
    x_.start("w:tblPr");
    x_.empty("w:tblStyle", {{"w:val", c_.styles("ReportTable")}});
    x_.empty("w:tblW", {{"w:w", std::to_string(section_page().text_width())}, {"w:type", "dxa"}});
    x_.empty("w:tblLayout", {{"w:type", "fixed"}});
    x_.empty("w:tblLook", {{"w:val", t.header.empty() ? "0000" : "0020"}, {"w:firstRow", t.header.empty() ? "0" : "1"},
                           {"w:lastRow", "0"}, {"w:firstColumn", "0"}, {"w:lastColumn", "0"}, {"w:noHBand", "1"},
                           {"w:noVBand", "1"}});
    if (!t.caption.empty()) x_.empty("w:tblCaption", {{"w:val", t.caption}});
    x_.end("w:tblPr");
    x_.start("w:tblGrid");
    for (int w : widths) x_.empty("w:gridCol", {{"w:w", std::to_string(w)}});
    x_.end("w:tblGrid");
    if (!t.header.empty()) row(t.header, widths, true);
    for (const auto& r : t.rows) row(r, widths, false);
    x_.end("w:tbl");
    // Word needs a paragraph between two tables, and a little air after one.
    x_.start("w:p");
    x_.start("w:pPr");
    x_.empty("w:spacing", {{"w:before", "0"}, {"w:after", "120"}});
    x_.end("w:pPr");
    x_.end("w:p");
  }

  void operator()(const Figure& f) {
    Png png;
    try {
      // A drawing wider than the text is shrunk to fit it: rasterise it at
      // figure_dpi as printed, not at its own size (a wide system map would
      // otherwise be several times the pixels, all encoded, none seen).
      png = f.png.empty() ? rasterise(f.drawing, c_.figure_dpi * fit_on_page(f.drawing.width, f.drawing.height))
                          : inspect_png(f.png);
    } catch (const std::exception& e) {
      c_.problems.push_back("figure '" + (f.caption.empty() ? f.id : f.caption) + "' left out: " + e.what());
      begin_paragraph(c_.styles(style::note));
      run(Run{"[Figure not available] " + f.alt, false, false, {}});
      x_.end("w:p");
      return;
    }
    // Size on the page: the drawing's own size, or the PNG at 96 dpi; never
    // wider than the text or taller than most of the page.
    double width_pt = f.png.empty() ? f.drawing.width : png.width * 72.0 / 96.0;
    double height_pt = f.png.empty() ? f.drawing.height : png.height * 72.0 / 96.0;
    const double fit = fit_on_page(width_pt, height_pt);
    const long cx = std::lround(width_pt * fit * emu_per_point), cy = std::lround(height_pt * fit * emu_per_point);

    const int number = ++figures_;
    const std::string media = "media/figure" + std::to_string(number) + ".png";
    c_.package.add("word/" + media, std::move(png.bytes));
    const auto rid = c_.relationships.add(part::image.relationship, media);
    const std::string title = f.caption.empty() ? "Figure " + std::to_string(number) : f.caption;
    const std::string name = "Figure " + std::to_string(number), id = std::to_string(number);

    begin_paragraph(c_.styles("Figure"));
    x_.start("w:r");
    x_.start("w:drawing");
    x_.start("wp:inline", {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
    x_.empty("wp:extent", {{"cx", std::to_string(cx)}, {"cy", std::to_string(cy)}});
    x_.empty("wp:effectExtent", {{"l", "0"}, {"t", "0"}, {"r", "0"}, {"b", "0"}});
    x_.empty("wp:docPr", {{"id", id}, {"name", name}, {"descr", f.alt}, {"title", title}});
    x_.start("wp:cNvGraphicFramePr");
    x_.empty("a:graphicFrameLocks", {{"noChangeAspect", "1"}});
    x_.end("wp:cNvGraphicFramePr");
    x_.start("a:graphic");
    x_.start("a:graphicData", {{"uri", ns.pic}});
    x_.start("pic:pic");
    x_.start("pic:nvPicPr");
    x_.empty("pic:cNvPr", {{"id", id}, {"name", "figure" + id + ".png"}, {"descr", f.alt}, {"title", title}});
    x_.empty("pic:cNvPicPr");
    x_.end("pic:nvPicPr");
    x_.start("pic:blipFill");
    x_.empty("a:blip", {{"r:embed", rid}});
    x_.start("a:stretch");
    x_.empty("a:fillRect");
    x_.end("a:stretch");
    x_.end("pic:blipFill");
    x_.start("pic:spPr");
    x_.start("a:xfrm");
    x_.empty("a:off", {{"x", "0"}, {"y", "0"}});
    x_.empty("a:ext", {{"cx", std::to_string(cx)}, {"cy", std::to_string(cy)}});
    x_.end("a:xfrm");
    x_.start("a:prstGeom", {{"prst", "rect"}});
    x_.empty("a:avLst");
    x_.end("a:prstGeom");
    x_.end("pic:spPr");
    x_.end("pic:pic");
    x_.end("a:graphicData");
    x_.end("a:graphic");
    x_.end("wp:inline");
    x_.end("w:drawing");
    x_.end("w:r");
    x_.end("w:p");
    if (!f.caption.empty()) {
      begin_paragraph(c_.styles(style::caption), "center");
      run(Run{f.caption, false, false, {}});
      x_.end("w:p");
    }
  }

  void operator()(const PageBreak& b) {
    if (last_block_) return;  // a break at the very end would leave a blank page
    if (b.landscape != landscape_) {
      // Word turns pages by section: end this one; the next starts on a new page.
      x_.start("w:p");
      x_.start("w:pPr");
      section_page().write(x_);
      x_.end("w:pPr");
      x_.end("w:p");
      ++sections_ended_;
      landscape_ = b.landscape;
      return;
    }
    x_.start("w:p");
    x_.start("w:r");
    x_.empty("w:br", {{"w:type", "page"}});
    x_.end("w:r");
    x_.end("w:p");
  }

  /// A real TOC field that Word (updateFields) and LibreOffice refresh,
  /// pre-filled with the headings, linked, so the contents read sensibly
  /// before then.
  void operator()(const Contents& c) {
    x_.start("w:p");
    x_.start("w:pPr");
    x_.empty("w:pStyle", {{"w:val", c_.styles("TOCHeading")}});
    if (wrote_something_) x_.empty("w:pageBreakBefore");  // the contents get a page of their own after the cover
    x_.end("w:pPr");
    run(Run{c.title, false, false, {}});
    x_.end("w:p");

    std::vector<const Heading*> entries;
    for (const auto& b : doc_.blocks)
      if (const auto* h = std::get_if<Heading>(&b); h && !h->text.empty()) entries.push_back(h);
    auto field_start = [&] {
      field_char("begin", true);
      x_.start("w:r");
      x_.element("w:instrText", " TOC \\o \"1-3\" \\h \\z \\u ", {{"xml:space", "preserve"}});
      x_.end("w:r");
      field_char("separate");
    };
    if (entries.empty()) {
      begin_paragraph(c_.styles("TOC1"));
      field_start();
      run(Run{"Update this field to list the headings.", false, false, {}});
      field_char("end");
      x_.end("w:p");
      return;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto& h = *entries[i];
      begin_paragraph(c_.styles("TOC" + std::to_string(std::clamp(h.level, 1, 3))));
      if (i == 0) field_start();
      const bool linked = !h.id.empty();
      if (linked) x_.start("w:hyperlink", {{"w:anchor", bookmark_name(h.id)}, {"w:history", "1"}});
      run(Run{h.text, false, false, {}});
      // No page numbers until the field is refreshed: a guessed number would mislead.
      if (linked) x_.end("w:hyperlink");
      if (i + 1 == entries.size()) field_char("end");
      x_.end("w:p");
    }
  }

 private:
  /// How much a figure of this size (points) is shrunk on the page: never
  /// wider than the text or taller than most of the page.
  double fit_on_page(double width_pt, double height_pt) const {
    if (!(width_pt > 0 && height_pt > 0)) return 1.0;
    // A figure a page break follows may take the page but for a heading above and its caption.
    const PageSetup page = section_page();
    const double text_height = page.text_height() / 20.0;
    const double tallest = before_page_break_ ? text_height - kHeadingAndCaption : text_height * 0.8;
    return std::min({1.0, page.text_width() / 20.0 / width_pt, tallest / height_pt});
  }

  /// The page of the section being written: upright or turned, and the
  /// cover's own first page only in the first section.
  PageSetup section_page() const {
    PageSetup page = landscape_ ? c_.page.turned() : c_.page;
    if (sections_ended_ > 0) page.title_page = false;
    return page;
  }

  void begin_paragraph(const std::string& style, const char* justify = nullptr) {
    x_.start("w:p");
    if (style.empty() && !justify) return;
    x_.start("w:pPr");
    if (!style.empty()) x_.empty("w:pStyle", {{"w:val", style}});
    if (justify) x_.empty("w:jc", {{"w:val", justify}});
    x_.end("w:pPr");
  }

  void field_char(const char* type, bool dirty = false) {
    x_.start("w:r");
    if (dirty) x_.empty("w:fldChar", {{"w:fldCharType", type}, {"w:dirty", "true"}});
    else x_.empty("w:fldChar", {{"w:fldCharType", type}});
    x_.end("w:r");
  }

  void runs(const std::vector<Run>& rs) {
    for (const auto& r : rs) {
      if (r.text.empty()) continue;
      if (r.link.empty()) {
        run(r);
      } else if (r.link[0] == '#' && r.link.size() > 1) {
        x_.start("w:hyperlink", {{"w:anchor", bookmark_name(r.link.substr(1))}, {"w:history", "1"}});
        run(r, true);
        x_.end("w:hyperlink");
      } else if (is_external_link(r.link)) {
        x_.start("w:hyperlink", {{"r:id", link_relationship(r.link)}, {"w:history", "1"}});
        run(r, true);
        x_.end("w:hyperlink");
      } else {
        run(r);  // any other scheme (javascript:, file:…) stays plain text
      }
    }
  }

  /// One run; line breaks and tabs in the text become w:br and w:tab.
  void run(const Run& r, bool hyperlink = false) {
    x_.start("w:r");
    if (r.bold || r.italic || hyperlink) {
      x_.start("w:rPr");
      if (hyperlink) x_.empty("w:rStyle", {{"w:val", c_.styles("Hyperlink")}});
      if (r.bold) x_.empty("w:b");
      if (r.italic) x_.empty("w:i");
      x_.end("w:rPr");
    }
    std::size_t start = 0;
    const auto& s = r.text;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (i < s.size() && s[i] != '\n' && s[i] != '\t' && s[i] != '\r') continue;
      if (i > start) x_.element("w:t", std::string_view(s).substr(start, i - start), {{"xml:space", "preserve"}});
      if (i < s.size() && s[i] == '\n') x_.empty("w:br");
      if (i < s.size() && s[i] == '\t') x_.empty("w:tab");
      start = i + 1;
    }
    x_.end("w:r");
  }

  void row(const std::vector<Paragraph>& cells, const std::vector<int>& widths, bool header) {
    x_.start("w:tr");
    x_.start("w:trPr");
    x_.empty("w:cantSplit");
    if (header) x_.empty("w:tblHeader");
    x_.end("w:trPr");
    for (std::size_t i = 0; i < widths.size(); ++i) {
      x_.start("w:tc");
      x_.start("w:tcPr");
      x_.empty("w:tcW", {{"w:w", std::to_string(widths[i])}, {"w:type", "dxa"}});
      x_.end("w:tcPr");
      begin_paragraph(c_.styles("TableText"));
      if (i < cells.size()) runs(cells[i].runs);
      x_.end("w:p");
      x_.end("w:tc");
    }
    x_.end("w:tr");
  }

  /// Column widths in twips that add up to the text width, in the
  /// proportions the table asks for (equal when it gives none).
  std::vector<int> column_widths(const Table& t, std::size_t columns) const {
    std::vector<double> rel(columns, 1.0);
    if (t.widths.size() == columns && std::all_of(t.widths.begin(), t.widths.end(), [](double w) { return w > 0 && std::isfinite(w); }))
      rel = t.widths;
    const double total = std::accumulate(rel.begin(), rel.end(), 0.0);
    const int width = section_page().text_width();
    std::vector<int> out;
    int used = 0;
    for (std::size_t i = 0; i + 1 < columns; ++i) {
      out.push_back(static_cast<int>(width * rel[i] / total));
      used += out.back();
    }
    out.push_back(width - used);
    return out;
  }

  std::string link_relationship(const std::string& target) {
    auto it = links_.find(target);
    if (it != links_.end()) return it->second;
    return links_[target] = c_.relationships.add(part::hyperlink.relationship, target, true);
  }

  /// A bookmark name Word accepts (a letter first, then letters, digits and
  /// underscores, at most 40 characters), the same for a heading and the
  /// links to it, and distinct for distinct ids.
  std::string bookmark_name(const std::string& id) {
    auto it = bookmarks_.find(id);
    if (it != bookmarks_.end()) return it->second;
    std::string name;
    for (unsigned char ch : id) name += std::isalnum(ch) ? static_cast<char>(ch) : '_';
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) name = "h_" + name;
    name.resize(std::min<std::size_t>(name.size(), 36));
    std::string unique = name;
    for (int n = 2; used_bookmark_names_.count(unique); ++n) unique = name + "_" + std::to_string(n);
    used_bookmark_names_.insert(unique);
    return bookmarks_[id] = unique;
  }

  const Document& doc_;
  BodyContext& c_;
  XmlPart x_;
  bool last_block_ = false;
  bool before_page_break_ = false;  ///< the block being written is followed by a page break
  bool landscape_ = false;          ///< the section being written is turned
  int sections_ended_ = 0;
  static constexpr double kHeadingAndCaption = 110;  ///< points
  bool wrote_something_ = false;
  int figures_ = 0;
  int bookmark_ids_ = 0;
  std::map<std::string, std::string> links_;
  std::map<std::string, std::string> bookmarks_;
  std::set<std::string> used_bookmark_names_;
  std::set<std::string> placed_bookmarks_;
};

}  // namespace

sdiag::ooxml::TextPieces document_xml(const Document& document, BodyContext& context) {
  return BodyWriter(document, context).write();
}

}  // namespace sdiag::docx
