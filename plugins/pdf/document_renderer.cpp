#include "document_renderer.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>

#include <sdiag/dates/iso.hpp>
#include <sdiag/render/paint.hpp>

#include "blocks.hpp"
#include "tags.hpp"
#include "text_layout.hpp"

namespace sdiag::pdf {

namespace doc = sdiag::doc;

namespace {

std::vector<HeadingEntry> collect_headings(const doc::Document& d) {
  std::vector<HeadingEntry> out;
  for (const auto& b : d.blocks)
    if (const auto* h = std::get_if<doc::Heading>(&b))
      out.push_back({std::clamp(h->level, 1, 3), h->text, "sec" + std::to_string(out.size() + 1), 0});
  return out;
}

bool is_cover_start(const doc::Document& d) {
  if (d.blocks.empty()) return false;
  const auto* p = std::get_if<doc::Paragraph>(&d.blocks.front());
  return p && (p->style == doc::style::title || p->style == doc::style::subtitle);
}

/// Whether the page breaks the document starts with turn its first page.
bool first_page_turned(const doc::Document& d) {
  bool turned = false;
  if (is_cover_start(d)) return false;
  for (const auto& b : d.blocks) {
    const auto* page_break = std::get_if<doc::PageBreak>(&b);
    if (!page_break) break;
    turned = page_break->landscape;
  }
  return turned;
}

bool safe_uri(const std::string& uri) {
  for (const char* scheme : {"https://", "http://", "mailto:"})
    if (uri.rfind(scheme, 0) == 0) return true;
  return false;
}

class Renderer {
 public:
  Renderer(const doc::Document& d, PangoContext* pango, std::vector<HeadingEntry>& headings, PageOptions pages)
      : doc_(d), pango_(pango), headings_(headings), pages_(pages) {
    for (std::size_t i = 0, h = 0; i < d.blocks.size(); ++i)
      if (const auto* heading = std::get_if<doc::Heading>(&d.blocks[i])) {
        if (!heading->id.empty() && !dest_of_.count(heading->id)) dest_of_[heading->id] = headings_[h].dest;
        ++h;
      }
  }

  /// Lays out (and draws, when `surface` is set) every block. Returns the page count.
  int run(cairo_surface_t* surface, int total_pages) {
    PageFlow flow(surface, pango_, doc_.meta.title, total_pages, page_setup());
    RenderContext rc{flow, [this](const std::string& link) { return resolve(link); }, headings_};
    const bool cover = is_cover_start(doc_);
    // Breaks before anything is drawn say which way up the first page is.
    std::size_t first = 0;
    while (!cover && first < doc_.blocks.size() && std::holds_alternative<doc::PageBreak>(doc_.blocks[first])) ++first;
    const bool first_landscape = first_page_turned(doc_);
    // Everything sits in one Document element: a link outside any structure
    // element makes cairo 1.16 write a broken file.
    auto document = std::make_unique<Tag>(flow, "Document");
    flow.start(cover, first_landscape);
    if (cover) draw_cover_band(flow);
    bool on_cover = cover;
    for (std::size_t i = first; i < doc_.blocks.size(); ++i) {
      const auto& block = doc_.blocks[i];
      if (const auto* page_break = std::get_if<doc::PageBreak>(&block)) {
        // Breaks in a row make one: the last says which way up the page is.
        if (i + 1 < doc_.blocks.size() && std::holds_alternative<doc::PageBreak>(doc_.blocks[i + 1])) continue;
        // A fresh page the wrong way up cannot be turned: it has its header.
        if (!flow.at_page_top() || on_cover || flow.landscape() != page_break->landscape)
          flow.new_page(page_break->landscape);
        on_cover = false;
        continue;
      }
      if (std::holds_alternative<doc::Contents>(block) && on_cover) {
        flow.new_page();  // the contents get a page of their own after the cover
        on_cover = false;
      }
      std::visit([&](const auto& b) { render(rc, b, i); }, block);
    }
    document.reset();
    return flow.finish();
  }

 private:
  std::string resolve(const std::string& link) const {
    if (!link.empty() && link[0] == '#') {
      auto it = dest_of_.find(link.substr(1));
      return it == dest_of_.end() ? std::string() : "dest:" + it->second;
    }
    return safe_uri(link) ? link : std::string();
  }

  PageSetup page_setup() const {
    PageSetup setup{pages_.width, pages_.height, {}};
    if (pages_.section_in_footer)
      // The headings' pages are known in the drawing pass, where the footer is drawn.
      setup.section_of_page = [this](int page) {
        std::string section;
        for (const auto& h : headings_)
          if (h.level == 1 && h.page > 0 && h.page <= page) section = h.text;
        return section;
      };
    return setup;
  }

  void draw_cover_band(PageFlow& flow) {
    flow.advance(flow.page_height() * 0.22);
    if (cairo_t* cr = flow.cr()) {
      cairo_set_source_rgb(cr, theme::look.heading.r, theme::look.heading.g, theme::look.heading.b);
      cairo_rectangle(cr, theme::margin_x, flow.y() - 18, 64, 5);
      cairo_fill(cr);
    }
  }

  void render(RenderContext& rc, const doc::Heading& h, std::size_t i) { render_heading(rc, h, lead_after(rc, i)); }
  void render(RenderContext& rc, const doc::Paragraph& p, std::size_t) { render_paragraph(rc, p); }
  void render(RenderContext& rc, const doc::List& l, std::size_t) { render_list(rc, l); }
  void render(RenderContext& rc, const doc::Table& t, std::size_t) { render_table(rc, t); }
  void render(RenderContext& rc, const doc::Figure& f, std::size_t i) {
    // The last block, or the last before a page break, may take the rest of its page.
    render_figure(rc, f, i + 1 == doc_.blocks.size() || std::holds_alternative<doc::PageBreak>(doc_.blocks[i + 1]));
  }
  void render(RenderContext& rc, const doc::Contents& c, std::size_t) { render_contents(rc, c); }
  void render(RenderContext&, const doc::PageBreak&, std::size_t) {}

  // What must follow the heading at block `i` on its page: the start of the
  // next block, and through a run of headings, the start of the first text.
  double lead_after(RenderContext& rc, std::size_t i) {
    double total = 0;
    for (std::size_t j = i + 1; j < doc_.blocks.size(); ++j) {
      const auto& b = doc_.blocks[j];
      if (const auto* h = std::get_if<doc::Heading>(&b)) {
        const int level = std::clamp(h->level, 1, 3);
        // The heading's own style, so the look-ahead and the heading share one layout.
        total += theme::heading_before[level - 1] + theme::heading_after[level - 1] +
                 TextBlock(pango_, h->text, heading_style(level), rc.flow.content_width()).height();
        continue;
      }
      return total + lead_height(rc, b);
    }
    return total;
  }

  const doc::Document& doc_;
  PangoContext* pango_;
  std::vector<HeadingEntry>& headings_;
  PageOptions pages_;
  std::map<std::string, std::string> dest_of_;
};

// cairo's output, straight to the file: a long report's PDF is never held in
// memory. The error is kept, as cairo only says "error while writing".
struct FileSink {
  std::FILE* file = nullptr;
  int error = 0;
};

cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
  auto* sink = static_cast<FileSink*>(closure);
  if (std::fwrite(data, 1, length, sink->file) == length) return CAIRO_STATUS_SUCCESS;
  sink->error = errno;
  return CAIRO_STATUS_WRITE_ERROR;
}

void set_metadata(cairo_surface_t* surface, const doc::DocumentMeta& meta, std::time_t now) {
  auto set = [&](cairo_pdf_metadata_t key, const std::string& value) {
    // As every text given to cairo: one it refuses would stop the whole PDF.
    if (!value.empty()) cairo_pdf_surface_set_metadata(surface, key, sdiag::render::drawable_text(value).c_str());
  };
  set(CAIRO_PDF_METADATA_TITLE, meta.title);
  set(CAIRO_PDF_METADATA_AUTHOR, meta.author.empty() ? meta.organisation : meta.author);
  set(CAIRO_PDF_METADATA_SUBJECT, meta.subject);
  std::string keywords;
  for (const auto& k : meta.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
  set(CAIRO_PDF_METADATA_KEYWORDS, keywords);
  set(CAIRO_PDF_METADATA_CREATOR, "sdiag");
  // Without a zone, as sdiag's PDFs have always carried it: cairo would copy
  // a "Z" into the PDF's date (D:20260101000000Z), changing the file.
  const auto when = sdiag::dates::iso_date_time(std::chrono::sys_seconds{std::chrono::seconds{now}});
  set(CAIRO_PDF_METADATA_CREATE_DATE, when);
  set(CAIRO_PDF_METADATA_MOD_DATE, when);
}

}  // namespace

double lead_height(RenderContext& rc, const doc::Block& block) {
  if (const auto* p = std::get_if<doc::Paragraph>(&block)) {
    auto look = paragraph_look(p->style);
    TextBlock t(rc.flow.pango(), p->runs, look.text, rc.flow.content_width() - look.indent);
    return look.before + t.height(0, std::min(2, t.lines()));
  }
  if (const auto* l = std::get_if<doc::List>(&block)) {
    if (l->items.empty()) return 0;
    auto look = paragraph_look(l->items.front().content.style);
    TextBlock t(rc.flow.pango(), l->items.front().content.runs, look.text,
                rc.flow.content_width() - theme::list_label_width);
    return t.height(0, std::min(2, t.lines()));
  }
  if (const auto* t = std::get_if<doc::Table>(&block)) return table_lead(rc, *t);
  if (const auto* f = std::get_if<doc::Figure>(&block)) return figure_height(rc, *f);
  return 0;
}

RenderedPdf render_document(const doc::Document& d, std::time_t now, const PangoSetup& pango, const PageOptions& paper,
                            const std::filesystem::path& target) {
  auto headings = collect_headings(d);
  Renderer renderer(d, pango.context(), headings, paper);

  const int pages = renderer.run(nullptr, 0);
  const auto measured = headings;

  RenderedPdf out;
  // Closed on every path: a layout that throws midway must not leave the file open.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(target.c_str(), "wb"), std::fclose);
  if (!file) throw std::runtime_error(std::string("cannot open the PDF file: ") + std::strerror(errno));
  FileSink sink{file.get()};
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_pdf_surface_create_for_stream(write_to_file, &sink, first_page_turned(d) ? paper.height : paper.width,
                                          first_page_turned(d) ? paper.width : paper.height),
      cairo_surface_destroy);
  set_metadata(surface.get(), d.meta, now);
  out.pages = renderer.run(surface.get(), pages);
  cairo_surface_finish(surface.get());
  const cairo_status_t status = cairo_surface_status(surface.get());
  surface.reset();
  if (std::fclose(file.release()) != 0 && !sink.error) sink.error = errno;
  if (sink.error) throw std::runtime_error(std::string("cannot write the PDF: ") + std::strerror(sink.error));
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo could not write the PDF: ") + cairo_status_to_string(status));
  for (std::size_t i = 0; i < headings.size(); ++i) out.stable = out.stable && headings[i].page == measured[i].page;
  out.stable = out.stable && out.pages == pages;
  return out;
}

}  // namespace sdiag::pdf
