// Paragraphs, headings and lists.
#include <cairo-pdf.h>

#include <algorithm>
#include <memory>

#include <sdiag/render/paint.hpp>

#include "blocks.hpp"
#include "tags.hpp"

namespace sdiag::pdf {

ParagraphLook paragraph_look(const std::string& style) {
  namespace st = sdiag::doc::style;
  ParagraphLook look;
  if (style == st::title) {
    look.text.size = theme::look.title_size;
    look.text.bold = true;
    look.text.colour = theme::look.heading;
    look.text.line_spacing = 1.05;
    look.after = 10;
  } else if (style == st::subtitle) {
    look.text.size = theme::look.pdf.subtitle_size;
    look.text.colour = theme::look.pdf.muted;
    look.after = 24;
  } else if (style == st::caption) {
    look.text.size = theme::look.small_size;
    look.text.italic = true;
    look.text.colour = theme::look.pdf.muted;
    look.after = 12;
  } else if (style == st::quote) {
    look.text.italic = true;
    look.indent = 16;
    look.quote_bar = true;
  } else if (style == st::note) {
    look.text.italic = true;
    look.text.colour = theme::look.pdf.muted;
  }
  return look;
}

void flow_lines(RenderContext& rc, const TextBlock& text, double x) {
  auto& flow = rc.flow;
  const int n = text.lines();
  int i = 0;
  while (i < n) {
    int fit = i;
    while (fit < n && text.height(i, fit + 1) <= flow.space_left() + 0.01) ++fit;
    if (fit < n && !flow.at_page_top()) {
      if (fit - i == 1 && n - i > 1) fit = i;            // one orphan line: move it on
      else if (n - fit == 1 && fit - i > 2) --fit;       // keep the widow company
    }
    if (fit == i) {
      if (!flow.at_page_top()) {
        flow.new_page();
        continue;
      }
      fit = i + 1;  // a line taller than a page: place it anyway
    }
    text.draw(flow, x, flow.y(), i, fit, rc.links);
    flow.advance(text.height(i, fit));
    i = fit;
    if (i < n) flow.new_page();
  }
}

void render_paragraph(RenderContext& rc, const sdiag::doc::Paragraph& p) {
  if (p.text().empty()) return;
  auto look = paragraph_look(p.style);
  auto& flow = rc.flow;
  TextBlock text(flow.pango(), p.runs, look.text, flow.content_width() - look.indent);
  flow.gap(look.before);
  const char* tag = p.style == sdiag::doc::style::quote ? "BlockQuote" : "P";
  double top_page = flow.page(), top = flow.y();
  {
    Tag t(flow, tag);
    flow_lines(rc, text, theme::margin_x + look.indent);
  }
  if (look.quote_bar && flow.cr() && flow.page() == top_page) {
    cairo_t* cr = flow.cr();
    cairo_set_source_rgb(cr, theme::look.pdf.quote_bar.r, theme::look.pdf.quote_bar.g, theme::look.pdf.quote_bar.b);
    cairo_rectangle(cr, theme::margin_x + 2, top + 1, 2.5, flow.y() - top - 2);
    cairo_fill(cr);
  }
  flow.advance(look.after);
}

TextStyle heading_style(int level) {
  TextStyle s;
  s.size = theme::look.pdf.heading_size[level - 1];
  s.bold = true;
  s.colour = theme::look.heading;
  s.line_spacing = 1.05;
  return s;
}

void render_heading(RenderContext& rc, const sdiag::doc::Heading& h, double keep_with_next) {
  auto& flow = rc.flow;
  const int level = std::clamp(h.level, 1, 3);
  TextBlock text(flow.pango(), h.text, heading_style(level), flow.content_width());
  flow.gap(theme::heading_before[level - 1]);
  // A heading never ends a page: it moves on with the start of what follows.
  flow.ensure(text.height() + theme::heading_after[level - 1] + keep_with_next);

  auto& entry = rc.headings[rc.next_heading++];
  entry.page = flow.page();
  destination(flow, entry.dest, theme::margin_x, flow.y());
  if (flow.cr()) {
    int parent = level > 1 ? rc.outline_parent[level - 1] : CAIRO_PDF_OUTLINE_ROOT;
    std::string attrs = "dest=" + quoted(entry.dest);
    int id = cairo_pdf_surface_add_outline(flow.surface(), parent, sdiag::render::drawable_text(entry.text).c_str(), attrs.c_str(),
                                           level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t{});
    rc.outline_parent[level] = id;
    for (int deeper = level + 1; deeper <= 3; ++deeper) rc.outline_parent[deeper] = id;
  }
  const std::string name = "H" + std::to_string(level);
  {
    Tag t(flow, name.c_str());
    text.draw(flow, theme::margin_x, flow.y());
  }
  flow.advance(text.height());
  if (level == 1 && flow.cr()) {
    cairo_t* cr = flow.cr();
    cairo_set_source_rgb(cr, theme::look.pdf.rule.r, theme::look.pdf.rule.g, theme::look.pdf.rule.b);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, theme::margin_x, flow.y() + 2.5);
    cairo_line_to(cr, flow.page_width() - theme::margin_x, flow.y() + 2.5);
    cairo_stroke(cr);
  }
  flow.advance(theme::heading_after[level - 1] + (level == 1 ? 3 : 0));
}

// ---- lists ------------------------------------------------------------------

namespace {

std::string roman(int n) {
  static const char* const ones[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  static const char* const tens[] = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
  return n >= 100 ? std::to_string(n) : std::string(tens[n / 10]) + ones[n % 10];
}

std::string label_for(bool numbered, int level, int number) {
  if (!numbered) {
    static const char* const bullets[] = {"\u2022", "\u2013", "\u25e6"};
    return bullets[level % 3];
  }
  switch (level % 3) {
    case 0: return std::to_string(number) + ".";
    case 1: return std::string(1, static_cast<char>('a' + (number - 1) % 26)) + ".";
    default: return roman(number) + ".";
  }
}

}  // namespace

void render_list(RenderContext& rc, const sdiag::doc::List& list) {
  auto& flow = rc.flow;
  std::vector<int> counters;
  // Nested lists are L elements inside the LI of the item above them.
  std::vector<std::unique_ptr<Tag>> open;  // L, LI, L, LI...: an LI is on top when the size is even
  auto lists_open = [&] { return static_cast<int>((open.size() + 1) / 2); };
  auto item_on_top = [&] { return open.size() % 2 == 0; };
  open.push_back(std::make_unique<Tag>(flow, "L"));
  for (const auto& item : list.items) {
    // One level deeper at most, and only under an item.
    const int want = std::min(std::max(item.level, 0) + 1, lists_open() + (item_on_top() ? 1 : 0));
    if (want > lists_open()) {
      open.push_back(std::make_unique<Tag>(flow, "L"));
    } else {
      while (lists_open() > want) {
        open.pop_back();  // LI
        open.pop_back();  // L
      }
      if (item_on_top()) open.pop_back();
    }
    const int lv = lists_open() - 1;
    counters.resize(static_cast<std::size_t>(lv + 1), 0);
    const int number = ++counters[static_cast<std::size_t>(lv)];

    const double x = theme::margin_x + lv * theme::list_indent;
    const double body_x = x + theme::list_label_width;
    auto look = paragraph_look(item.content.style);
    TextBlock body(flow.pango(), item.content.runs, look.text, flow.page_width() - theme::margin_x - body_x);
    TextStyle label_style = look.text;
    label_style.align = PANGO_ALIGN_LEFT;
    TextBlock label(flow.pango(), label_for(list.numbered, lv, number), label_style, theme::list_label_width);

    open.push_back(std::make_unique<Tag>(flow, "LI"));
    flow.ensure(body.lines() ? body.height(0, std::min(2, body.lines())) : label.height());
    {
      Tag l(flow, "Lbl");
      label.draw(flow, x, flow.y());
    }
    {
      Tag b(flow, "LBody");
      flow_lines(rc, body, body_x);
    }
    flow.advance(theme::list_item_after);
  }
  while (!open.empty()) open.pop_back();  // innermost first
  flow.advance(theme::look.paragraph_after - theme::list_item_after);
}

}  // namespace sdiag::pdf
