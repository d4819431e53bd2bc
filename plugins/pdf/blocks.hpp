// Rendering of each kind of block into the page flow. Every function runs in
// both passes (measuring and drawing) and must take the same decisions in
// both: decisions depend only on measured sizes.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/document.hpp>

#include "page_flow.hpp"
#include "text_layout.hpp"

namespace sdiag::pdf {

/// A heading as the table of contents and the outline know it.
struct HeadingEntry {
  int level = 1;
  std::string text;
  std::string dest;  ///< destination name in the PDF
  int page = 0;      ///< learnt in the measuring pass
};

struct RenderContext {
  PageFlow& flow;
  LinkResolver links;
  std::vector<HeadingEntry>& headings;  ///< in document order
  std::size_t next_heading = 0;
  int outline_parent[4] = {0, 0, 0, 0};  ///< cairo outline ids of the open levels
};

/// Style of a paragraph by its doc::style name (unknown = body text).
struct ParagraphLook {
  TextStyle text;
  double before = 0;
  double after = theme::look.paragraph_after;
  double indent = 0;
  bool quote_bar = false;
};
ParagraphLook paragraph_look(const std::string& style);
/// The text style of a heading of `level` (1 to 3).
TextStyle heading_style(int level);

/// Draws the lines of `text` from the current position, breaking pages as
/// needed (no single orphan or widow line when it can be avoided).
void flow_lines(RenderContext& rc, const TextBlock& text, double x);

void render_paragraph(RenderContext& rc, const sdiag::doc::Paragraph& p);
void render_heading(RenderContext& rc, const sdiag::doc::Heading& h, double keep_with_next);
void render_list(RenderContext& rc, const sdiag::doc::List& list);
void render_table(RenderContext& rc, const sdiag::doc::Table& table);
/// `ends_page`: a page break (or the document's end) follows, so the figure may take the rest of the page.
void render_figure(RenderContext& rc, const sdiag::doc::Figure& figure, bool ends_page = false);
void render_contents(RenderContext& rc, const sdiag::doc::Contents& contents);

/// Heights of the part of a block that must stay with a heading above it.
double table_lead(RenderContext& rc, const sdiag::doc::Table& table);
double figure_height(RenderContext& rc, const sdiag::doc::Figure& figure);

/// How much of a block must follow a heading on the same page.
double lead_height(RenderContext& rc, const sdiag::doc::Block& block);

}  // namespace sdiag::pdf
