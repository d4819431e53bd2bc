#include "page_flow.hpp"

#include <stdexcept>
#include <string>

#include <cairo-pdf.h>

#include "tags.hpp"
#include "text_layout.hpp"
#include "theme.hpp"

namespace sdiag::pdf {

PageFlow::PageFlow(cairo_surface_t* surface, PangoContext* pango, std::string running_title, int total_pages,
                   PageSetup setup)
    : surface_(surface), pango_(pango), running_title_(std::move(running_title)), total_pages_(total_pages),
      setup_(std::move(setup)), y_(theme::content_top) {
  if (surface_) cr_ = cairo_create(surface_);
}

PageFlow::~PageFlow() {
  if (cr_) cairo_destroy(cr_);
}

void PageFlow::gap(double gap) {
  if (!at_page_top()) y_ += gap;
}

double PageFlow::page_width() const { return landscape_ ? setup_.height : setup_.width; }

double PageFlow::page_height() const { return landscape_ ? setup_.width : setup_.height; }

double PageFlow::space_left() const { return content_bottom() - y_; }

bool PageFlow::at_page_top() const { return y_ <= theme::content_top + 0.01; }

void PageFlow::ensure(double height) {
  if (height > space_left() && !at_page_top()) new_page();
}

void PageFlow::start(bool cover, bool landscape) {
  cover_ = cover;
  landscape_ = landscape;  // the surface was made that way up
  decorate_page();
}

void PageFlow::new_page() { new_page(landscape_); }

void PageFlow::new_page(bool landscape) {
  if (cr_) cairo_show_page(cr_);
  if (landscape != landscape_) {
    landscape_ = landscape;
    // cairo sizes a page by the size set before anything is drawn on it.
    if (surface_) cairo_pdf_surface_set_size(surface_, page_width(), page_height());
  }
  ++page_;
  y_ = theme::content_top;
  cover_ = false;
  decorate_page();
}

int PageFlow::finish() {
  if (cr_) cairo_show_page(cr_);
  // A refused drawing call stops all drawing on the context, silently: the
  // file would end at that page. No PDF rather than part of one.
  if (cr_ && cairo_status(cr_) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo stopped drawing the PDF (") + cairo_status_to_string(cairo_status(cr_)) +
                             "); the other outputs hold the whole report");
  return page_;
}

// The running header (the report's title) and the footer ("Page X of Y"),
// drawn as a page starts. cairo 1.16 cannot mark them as artifacts, so they
// belong to whatever structure element is open at that point.
void PageFlow::decorate_page() {
  if (!cr_ || cover_) return;
  TextStyle small;
  small.size = theme::look.small_size;
  small.colour = theme::look.pdf.muted;
  small.line_spacing = 1;

  TextBlock title(pango_, running_title_, small, content_width());
  title.draw(*this, theme::margin_x, theme::header_baseline - title.height());
  cairo_set_source_rgb(cr_, theme::look.pdf.rule.r, theme::look.pdf.rule.g, theme::look.pdf.rule.b);
  cairo_set_line_width(cr_, 0.5);
  cairo_move_to(cr_, theme::margin_x, theme::header_baseline + 4);
  cairo_line_to(cr_, page_width() - theme::margin_x, theme::header_baseline + 4);
  cairo_stroke(cr_);

  const double footer_bottom = page_height() - theme::footer_from_bottom;
  if (setup_.section_of_page)
    if (auto section = setup_.section_of_page(page_); !section.empty()) {
      TextBlock name(pango_, section, small, content_width() * 0.75);
      name.draw(*this, theme::margin_x, footer_bottom - name.height());
    }
  small.align = PANGO_ALIGN_RIGHT;
  TextBlock number(pango_, "Page " + std::to_string(page_) + " of " + std::to_string(total_pages_), small,
                   content_width());
  number.draw(*this, theme::margin_x, footer_bottom - number.height());
}

}  // namespace sdiag::pdf
