#include "text_layout.hpp"

#include <algorithm>

#include "page_flow.hpp"
#include "tags.hpp"

namespace pdf {

namespace {

double to_pt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

guint16 channel(double v) { return static_cast<guint16>(std::clamp(v, 0.0, 1.0) * 65535.0); }

void insert(PangoAttrList* list, PangoAttribute* a, int start, int end) {
  a->start_index = static_cast<guint>(start);
  a->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, a);
}

// Control characters other than newline and tab would show as boxes.
std::string printable(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c == '\r') continue;
    if (c < 0x20 && c != '\n' && c != '\t') out += ' ';
    else out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

TextBlock::TextBlock(PangoContext* pango, const std::vector<sdiag::doc::Run>& runs, const TextStyle& style,
                     double width) {
  layout_ = pango_layout_new(pango);
  std::string text;
  PangoAttrList* attrs = pango_attr_list_new();
  for (const auto& run : runs) {
    int start = static_cast<int>(text.size());
    text += printable(run.text);
    int end = static_cast<int>(text.size());
    if (start == end) continue;
    if (run.bold) insert(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
    if (run.italic) insert(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
    if (!run.link.empty()) {
      const auto& c = theme::link;
      insert(attrs, pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b)), start, end);
      insert(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
      links_.push_back({start, end, run.link});
    }
  }
  // Valid UTF-8 only: pango would refuse the whole paragraph otherwise.
  const char* bad = nullptr;
  if (!g_utf8_validate(text.data(), static_cast<gssize>(text.size()), &bad)) {
    gchar* fixed = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    text = fixed;
    g_free(fixed);
  }
  pango_layout_set_attributes(layout_, attrs);
  pango_attr_list_unref(attrs);
  build(text, style, width);
}

TextBlock::TextBlock(PangoContext* pango, const std::string& text, const TextStyle& style, double width)
    : TextBlock(pango, std::vector<sdiag::doc::Run>{sdiag::doc::Run{text, false, false, {}}}, style, width) {}

TextBlock::TextBlock(TextBlock&& other) noexcept
    : layout_(other.layout_),
      tops_(std::move(other.tops_)),
      bottoms_(std::move(other.bottoms_)),
      baselines_(std::move(other.baselines_)),
      lefts_(std::move(other.lefts_)),
      links_(std::move(other.links_)) {
  other.layout_ = nullptr;
}

TextBlock::~TextBlock() {
  if (layout_) g_object_unref(layout_);
}

void TextBlock::build(const std::string& text, const TextStyle& style, double width) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, theme::font_family);
  pango_font_description_set_size(font, static_cast<gint>(style.size * PANGO_SCALE));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout_, font);
  pango_font_description_free(font);

  PangoAttrList* attrs = pango_layout_get_attributes(layout_);
  if (!attrs) {
    attrs = pango_attr_list_new();
    pango_layout_set_attributes(layout_, attrs);
    pango_attr_list_unref(attrs);
    attrs = pango_layout_get_attributes(layout_);
  }
  // The base colour goes first so link colours (inserted earlier) win.
  const auto& c = style.colour;
  PangoAttribute* fg = pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b));
  pango_attr_list_insert_before(attrs, fg);

  pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout_, style.align);
  pango_layout_set_line_spacing(layout_, static_cast<float>(style.line_spacing));
  pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
  measure();
}

void TextBlock::measure() {
  PangoLayoutIter* it = pango_layout_get_iter(layout_);
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    tops_.push_back(to_pt(y0));
    bottoms_.push_back(to_pt(y1));
    baselines_.push_back(to_pt(pango_layout_iter_get_baseline(it)));
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    lefts_.push_back(to_pt(logical.x));
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

double TextBlock::height(int from, int to) const {
  if (from >= to) return 0;
  return bottoms_[static_cast<std::size_t>(to - 1)] - tops_[static_cast<std::size_t>(from)];
}

double TextBlock::natural_width() const {
  PangoRectangle logical;
  pango_layout_get_extents(layout_, nullptr, &logical);
  return to_pt(logical.width);
}

void TextBlock::draw(const PageFlow& flow, double x, double top, int from, int to, const LinkResolver& links) const {
  cairo_t* cr = flow.cr();
  if (!cr) return;
  const double origin_y = top - tops_[static_cast<std::size_t>(from)];
  for (int i = from; i < to; ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout_, i);
    const double baseline = origin_y + baselines_[static_cast<std::size_t>(i)];
    cairo_move_to(cr, x + lefts_[static_cast<std::size_t>(i)], baseline);
    pango_cairo_show_layout_line(cr, line);

    if (!links) continue;
    for (const auto& link : links_) {
      if (link.end <= line->start_index || link.start >= line->start_index + line->length) continue;
      std::string target = links(link.target);
      if (target.empty()) continue;
      int* ranges = nullptr;
      int n = 0;
      pango_layout_line_get_x_ranges(line, link.start, link.end, &ranges, &n);
      double line_top = origin_y + tops_[static_cast<std::size_t>(i)];
      double line_h = bottoms_[static_cast<std::size_t>(i)] - tops_[static_cast<std::size_t>(i)];
      for (int r = 0; r < n; ++r) {
        double x0 = x + to_pt(ranges[2 * r]), x1 = x + to_pt(ranges[2 * r + 1]);
        if (x1 > x0) link_area(flow, target, x0, line_top, x1 - x0, line_h);
      }
      g_free(ranges);
    }
  }
}

}  // namespace pdf
