#include "text_layout.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include <sdiag/render/paint.hpp>

#include "glyph_lines.hpp"
#include "page_flow.hpp"
#include "tags.hpp"

namespace sdiag::pdf {

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

struct TextBlock::Shaped {
  struct Line {
    double top, bottom, baseline, left;  // in the layout
  };
  std::vector<Line> lines;
  double natural_width = 0;
  // A link's stretch of a line, in pango units from the layout's left.
  struct LinkArea {
    int line, x0, x1;
    std::string target;
  };
  std::vector<LinkArea> link_areas;
  GlyphLines glyphs;
  PangoLayout* layout = nullptr;  // kept only for a text GlyphLines cannot hold

  Shaped() = default;
  Shaped(const Shaped&) = delete;
  Shaped& operator=(const Shaped&) = delete;
  ~Shaped() {
    if (layout) g_object_unref(layout);
  }

  std::size_t bytes() const {
    std::size_t n = sizeof(*this) + glyphs.bytes() + lines.capacity() * sizeof(Line);
    for (const auto& area : link_areas) n += sizeof area + area.target.capacity();
    // What pango keeps per byte of a layout (glyphs, clusters, items, lines), roughly.
    if (layout) n += 48 * static_cast<std::size_t>(pango_layout_get_character_count(layout));
    return n;
  }
};

namespace {

using Shaped = TextBlock::Shaped;

// `compact`: keep the text as GlyphLines (for the cache) rather than as the
// pango layout, which is drawn as it is when the text is not going to be kept.
std::shared_ptr<Shaped> shape(PangoContext* pango, const std::vector<sdiag::doc::Run>& runs, const TextStyle& style,
                              double width, bool compact) {
  auto out = std::make_shared<Shaped>();
  PangoLayout* layout = pango_layout_new(pango);
  struct Link {
    int start, end;
    std::string target;
  };
  std::vector<Link> links;
  std::string text;
  PangoAttrList* attrs = pango_attr_list_new();
  // The base colour goes first so link colours win.
  const auto& c = style.colour;
  pango_attr_list_insert(attrs, pango_attr_foreground_new(channel(c.r), channel(c.g), channel(c.b)));
  for (const auto& run : runs) {
    int start = static_cast<int>(text.size());
    // Each run made drawable on its own, so the attributes' byte offsets hold.
    text += sdiag::render::drawable_text(printable(run.text));
    int end = static_cast<int>(text.size());
    if (start == end) continue;
    if (run.bold) insert(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
    if (run.italic) insert(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
    if (!run.link.empty()) {
      const auto& l = theme::look.pdf.link;
      insert(attrs, pango_attr_foreground_new(channel(l.r), channel(l.g), channel(l.b)), start, end);
      insert(attrs, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
      links.push_back({start, end, run.link});
    }
  }
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);

  set_theme_font(layout, style.size, style.bold, style.italic);

  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, style.align);
  pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));

  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    const double baseline = to_pt(pango_layout_iter_get_baseline(it));
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    out->lines.push_back({to_pt(y0), to_pt(y1), baseline, to_pt(logical.x)});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  out->lines.shrink_to_fit();

  PangoRectangle extents;
  pango_layout_get_extents(layout, nullptr, &extents);
  out->natural_width = to_pt(extents.width);
  for (int i = 0; !links.empty() && i < pango_layout_get_line_count(layout); ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, i);
    for (const auto& link : links) {
      if (link.end <= line->start_index || link.start >= line->start_index + line->length) continue;
      int* ranges = nullptr;
      int n = 0;
      pango_layout_line_get_x_ranges(line, link.start, link.end, &ranges, &n);
      for (int r = 0; r < n; ++r) out->link_areas.push_back({i, ranges[2 * r], ranges[2 * r + 1], link.target});
      g_free(ranges);
    }
  }
  if (compact && out->glyphs.copy(layout)) g_object_unref(layout);
  else out->layout = layout;
  return out;
}

template <typename T>
void append_bytes(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Everything the layout depends on, as one string.
std::string cache_key(const std::vector<sdiag::doc::Run>& runs, const TextStyle& style, double width) {
  std::string key;
  for (double v : {style.size, style.colour.r, style.colour.g, style.colour.b, style.line_spacing, width})
    append_bytes(key, v);
  key += static_cast<char>(style.bold);
  key += static_cast<char>(style.italic);
  append_bytes(key, style.align);
  for (const auto& run : runs) {
    key += static_cast<char>(1 + run.bold + 2 * run.italic);
    append_bytes(key, run.link.size());
    key += run.link;
    append_bytes(key, run.text.size());
    key += run.text;
  }
  return key;
}

// Laid-out texts of one PangoContext. The report is read front to back
// twice, so once the budget is spent the cache keeps what it has rather than
// dropping the oldest: dropping would make every text of the second pass a
// miss, keeping makes the report's first part a hit. A short list of the
// latest texts still serves the look-ahead and repeated labels.
class TextCache {
 public:
  static GQuark quark() {
    static GQuark q = g_quark_from_static_string("sdiag-pdf-text-cache");
    return q;
  }
  static TextCache& of(PangoContext* pango) {
    const GQuark quark = TextCache::quark();
    auto* cache = static_cast<TextCache*>(g_object_get_qdata(G_OBJECT(pango), quark));
    if (!cache) {
      cache = new TextCache;
      g_object_set_qdata_full(G_OBJECT(pango), quark, cache, [](gpointer p) { delete static_cast<TextCache*>(p); });
    }
    return *cache;
  }

  std::shared_ptr<const Shaped> get(PangoContext* pango, const std::vector<sdiag::doc::Run>& runs,
                                    const TextStyle& style, double width) {
    auto key = cache_key(runs, style, width);
    if (auto it = kept_.find(key); it != kept_.end()) return it->second;
    for (const auto& [k, shaped] : recent_)
      if (k == key) return shaped;
    // Past the budget a text is drawn from its layout: copying it would be wasted.
    std::shared_ptr<const Shaped> shaped = shape(pango, runs, style, width, !full_);
    const std::size_t cost = shaped->bytes() + key.capacity() + 64;
    if (!full_ && used_ + cost <= kTextCacheBudget) {
      used_ += cost;
      kept_.emplace(std::move(key), shaped);
    } else {
      full_ = true;
      if (recent_.size() == kRecent) recent_.pop_front();
      recent_.emplace_back(std::move(key), shaped);
    }
    return shaped;
  }

 private:
  static constexpr std::size_t kRecent = 32;
  std::unordered_map<std::string, std::shared_ptr<const Shaped>> kept_;
  std::deque<std::pair<std::string, std::shared_ptr<const Shaped>>> recent_;
  std::size_t used_ = 0;
  bool full_ = false;  // the first text that did not fit ends the keeping
};

}  // namespace

void set_theme_font(PangoLayout* layout, double size, bool bold, bool italic) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, theme::look.font_family);
  pango_font_description_set_size(font, static_cast<gint>(size * PANGO_SCALE));
  pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
}

void release_text_cache(PangoContext* pango) { g_object_set_qdata(G_OBJECT(pango), TextCache::quark(), nullptr); }

TextBlock::TextBlock(PangoContext* pango, const std::vector<sdiag::doc::Run>& runs, const TextStyle& style,
                     double width)
    : shaped_(TextCache::of(pango).get(pango, runs, style, width)) {}

TextBlock::TextBlock(PangoContext* pango, const std::string& text, const TextStyle& style, double width)
    : TextBlock(pango, std::vector<sdiag::doc::Run>{sdiag::doc::Run{text, false, false, {}}}, style, width) {}

int TextBlock::lines() const { return static_cast<int>(shaped_->lines.size()); }

double TextBlock::height(int from, int to) const {
  if (from >= to) return 0;
  return shaped_->lines[static_cast<std::size_t>(to - 1)].bottom - shaped_->lines[static_cast<std::size_t>(from)].top;
}

double TextBlock::natural_width() const { return shaped_->natural_width; }

void TextBlock::draw(const PageFlow& flow, double x, double top, int from, int to, const LinkResolver& links) const {
  cairo_t* cr = flow.cr();
  if (!cr) return;
  const double origin_y = top - shaped_->lines[static_cast<std::size_t>(from)].top;
  for (int i = from; i < to; ++i) {
    const auto& line = shaped_->lines[static_cast<std::size_t>(i)];
    const double line_x = x + line.left, baseline = origin_y + line.baseline;
    if (shaped_->layout) {
      cairo_move_to(cr, line_x, baseline);
      pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(shaped_->layout, i));
    } else {
      shaped_->glyphs.draw_line(cr, i, line_x, baseline);
    }
  }
  if (!links) return;
  for (const auto& area : shaped_->link_areas) {
    if (area.line < from || area.line >= to || area.x1 <= area.x0) continue;
    const std::string target = links(area.target);
    if (target.empty()) continue;
    const auto& line = shaped_->lines[static_cast<std::size_t>(area.line)];
    link_area(flow, target, x + to_pt(area.x0), origin_y + line.top, to_pt(area.x1 - area.x0), line.bottom - line.top);
  }
}

}  // namespace sdiag::pdf
