// The page and flow engine: where the next block goes, when a page is full,
// and what every page carries (running header, "Page X of Y").
//
// The same code runs twice: once measuring only (no surface: nothing is
// drawn, so page numbers of headings and the page count are learnt), then
// drawing into the PDF with those numbers known. Layout decisions depend
// only on measurements, so both passes break pages at the same places.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <string>

#include "theme.hpp"

namespace sdiag::pdf {

/// The paper, upright, and what the footer says besides the page number.
struct PageSetup {
  double width = theme::page_width;
  double height = theme::page_height;
  /// The title of the section a page is in, for its footer ("" for none), so a
  /// printed page or a photo of one can be matched to its section.
  std::function<std::string(int page)> section_of_page;
};

class PageFlow {
 public:
  /// `surface` is null in the measuring pass.
  PageFlow(cairo_surface_t* surface, PangoContext* pango, std::string running_title, int total_pages,
           PageSetup setup = {});
  ~PageFlow();
  PageFlow(const PageFlow&) = delete;
  PageFlow& operator=(const PageFlow&) = delete;

  /// Null while measuring: draw only when this is set.
  cairo_t* cr() const { return cr_; }
  cairo_surface_t* surface() const { return surface_; }
  PangoContext* pango() const { return pango_; }

  int page() const { return page_; }
  /// The page's size: the paper (A4 or A3), upright or turned (landscape).
  bool landscape() const { return landscape_; }
  double page_width() const;
  double page_height() const;
  /// Width of the text between the side margins of this page.
  double content_width() const { return page_width() - 2 * theme::margin_x; }
  double content_bottom() const { return page_height() - theme::margin_bottom; }
  double y() const { return y_; }
  void advance(double dy) { y_ += dy; }
  /// Moves down by `gap` unless at the top of a page (space is not carried over a break).
  void gap(double gap);
  double space_left() const;
  bool at_page_top() const;

  /// Begins the first page, upright or turned (as the surface was made); a cover has no running
  /// header or page number.
  void start(bool cover, bool landscape = false);
  /// Ends the page and starts the next one, the same way up.
  void new_page();
  /// Ends the page and starts the next one upright or turned.
  void new_page(bool landscape);
  /// Starts a new page unless `height` fits in what is left of this one.
  void ensure(double height);
  /// Ends the last page. Returns the number of pages.
  int finish();

 private:
  void decorate_page();

  cairo_surface_t* surface_;
  cairo_t* cr_ = nullptr;
  PangoContext* pango_;
  std::string running_title_;
  int total_pages_;
  PageSetup setup_;
  int page_ = 1;
  double y_;
  bool cover_ = false;
  bool landscape_ = false;
};

}  // namespace sdiag::pdf
