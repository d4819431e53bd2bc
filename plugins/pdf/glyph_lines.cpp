#include "glyph_lines.hpp"

#include <algorithm>

namespace sdiag::pdf {

namespace {

double units(int v) { return static_cast<double>(v) / PANGO_SCALE; }

struct RunLook {
  bool drawable = true;  // nothing but a colour and a single underline
  bool coloured = false;
  PangoColor colour{0, 0, 0};
  bool underline = false;
};

// The run's attributes that are not part of its font: the ones a renderer
// applies. sdiag's texts only ever have a colour and a link's underline.
RunLook look_of(const PangoItem* item) {
  RunLook look;
  for (GSList* a = item->analysis.extra_attrs; a; a = a->next) {
    const auto* attr = static_cast<const PangoAttribute*>(a->data);
    switch (attr->klass->type) {
      case PANGO_ATTR_FOREGROUND:
        look.coloured = true;
        look.colour = reinterpret_cast<const PangoAttrColor*>(attr)->color;
        break;
      case PANGO_ATTR_UNDERLINE: {
        const int value = reinterpret_cast<const PangoAttrInt*>(attr)->value;
        look.underline = value == PANGO_UNDERLINE_SINGLE;
        look.drawable = look.drawable && (value == PANGO_UNDERLINE_NONE || value == PANGO_UNDERLINE_SINGLE);
        break;
      }
      default:
        look.drawable = false;
    }
  }
  return look;
}

}  // namespace

GlyphLines::~GlyphLines() { clear(); }

void GlyphLines::clear() {
  for (const auto& run : runs_) cairo_scaled_font_destroy(run.font);
  text_.clear();
  runs_.clear();
  line_starts_.clear();
  glyphs_.clear();
  glyph_rises_.clear();
  clusters_.clear();
  underlines_.clear();
}

bool GlyphLines::copy(PangoLayout* layout) {
  clear();
  const char* text = pango_layout_get_text(layout);
  text_ = text;
  std::vector<cairo_text_cluster_t> clusters;
  for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
    const auto* line = static_cast<const PangoLayoutLine*>(l->data);
    line_starts_.push_back(static_cast<std::uint32_t>(runs_.size()));
    int x_off = 0;  // as pango_renderer_draw_layout_line walks a line's runs
    for (GSList* r = line->runs; r; r = r->next) {
      auto* glyph_item = static_cast<PangoGlyphItem*>(r->data);
      const PangoItem* item = glyph_item->item;
      const PangoGlyphString* glyphs = glyph_item->glyphs;
      const RunLook look = look_of(item);
      if (!look.drawable || (item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE)) return clear(), false;
      cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font));
      if (!font || cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS) return clear(), false;

      PangoRectangle ink{}, logical{};
      int width = 0;
      if (look.underline) {
        pango_glyph_string_extents(const_cast<PangoGlyphString*>(glyphs), item->analysis.font, &ink, &logical);
        width = logical.width;
      } else {
        width = pango_glyph_string_get_width(const_cast<PangoGlyphString*>(glyphs));
      }
      x_off += glyph_item->start_x_offset;

      Run run{};
      run.font = cairo_scaled_font_reference(font);
      run.coloured = look.coloured;
      run.colour = look.colour;
      run.x = x_off;
      run.y = -glyph_item->y_offset;
      run.first_glyph = static_cast<std::uint32_t>(glyphs_.size());
      run.text_start = static_cast<std::uint32_t>(item->offset);
      run.text_length = static_cast<std::uint32_t>(item->length);
      run.backward = (item->analysis.level & 1) != 0;
      runs_.push_back(run);  // owns the font reference from here, should a later check fail

      int x_position = 0;
      for (int i = 0; i < glyphs->num_glyphs; ++i) {
        const PangoGlyphInfo& gi = glyphs->glyphs[i];
        if (gi.glyph != PANGO_GLYPH_EMPTY) {
          if (gi.glyph & PANGO_GLYPH_UNKNOWN_FLAG) return clear(), false;
          if (gi.geometry.y_offset != 0 && glyph_rises_.empty()) glyph_rises_.resize(glyphs_.size());
          if (!glyph_rises_.empty()) glyph_rises_.push_back(gi.geometry.y_offset);
          glyphs_.push_back({gi.glyph, x_position + gi.geometry.x_offset});
        }
        x_position += gi.geometry.width;
      }
      runs_.back().glyph_count = static_cast<std::uint32_t>(glyphs_.size()) - run.first_glyph;

      // The clusters as pango's cairo renderer makes them, empty glyphs not counted.
      clusters.clear();
      PangoGlyphItemIter iter;
      if (pango_glyph_item_iter_init_start(&iter, glyph_item, text)) do {
          int num_glyphs = run.backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph;
          for (int i = std::min(iter.start_glyph, iter.end_glyph + 1); i < std::max(iter.start_glyph + 1, iter.end_glyph);
               ++i)
            if (glyphs->glyphs[i].glyph == PANGO_GLYPH_EMPTY) --num_glyphs;
          clusters.push_back({iter.end_index - iter.start_index, num_glyphs});
        } while (pango_glyph_item_iter_next_cluster(&iter));
      Run& kept = runs_.back();
      kept.cluster_count = static_cast<std::uint32_t>(clusters.size());
      kept.one_to_one = std::all_of(clusters.begin(), clusters.end(),
                                    [](const cairo_text_cluster_t& c) { return c.num_bytes == 1 && c.num_glyphs == 1; });
      kept.first_cluster = static_cast<std::uint32_t>(clusters_.size());
      if (!kept.one_to_one) clusters_.insert(clusters_.end(), clusters.begin(), clusters.end());

      if (look.underline) {
        // As pango's renderer places a single underline under a run.
        PangoFontMetrics* metrics = pango_font_get_metrics(item->analysis.font, item->analysis.language);
        kept.underlined = true;
        underlines_.push_back({static_cast<std::uint32_t>(runs_.size() - 1), x_off + std::min(ink.x, logical.x),
                               kept.y - pango_font_metrics_get_underline_position(metrics),
                               std::max(ink.width, logical.width), pango_font_metrics_get_underline_thickness(metrics)});
        pango_font_metrics_unref(metrics);
      }
      x_off += width + glyph_item->end_x_offset;
    }
  }
  line_starts_.push_back(static_cast<std::uint32_t>(runs_.size()));
  text_.shrink_to_fit();
  runs_.shrink_to_fit();
  line_starts_.shrink_to_fit();
  glyphs_.shrink_to_fit();
  glyph_rises_.shrink_to_fit();
  clusters_.shrink_to_fit();
  underlines_.shrink_to_fit();
  return true;
}

void GlyphLines::draw_line(cairo_t* cr, int line, double x, double baseline) const {
  std::vector<cairo_glyph_t> glyphs;
  std::vector<cairo_text_cluster_t> one_to_one;
  auto underline = std::lower_bound(underlines_.begin(), underlines_.end(), line_starts_[static_cast<std::size_t>(line)],
                                    [](const Underline& u, std::uint32_t run) { return u.run < run; });
  const auto index = static_cast<std::size_t>(line);
  for (std::uint32_t r = line_starts_[index]; r < line_starts_[index + 1]; ++r) {
    const Run& run = runs_[r];
    const double base_x = x + units(run.x), base_y = baseline + units(run.y);
    glyphs.clear();
    for (std::uint32_t g = run.first_glyph; g < run.first_glyph + run.glyph_count; ++g) {
      const int rise = glyph_rises_.empty() ? 0 : glyph_rises_[g];
      glyphs.push_back({glyphs_[g].index, base_x + units(glyphs_[g].x), rise == 0 ? base_y : base_y + units(rise)});
    }
    const cairo_text_cluster_t* clusters = clusters_.data() + run.first_cluster;
    if (run.one_to_one) {
      one_to_one.assign(run.cluster_count, cairo_text_cluster_t{1, 1});
      clusters = one_to_one.data();
    }
    cairo_save(cr);
    // As pango's cairo renderer sets a run's colour.
    if (run.coloured) cairo_set_source_rgba(cr, run.colour.red / 65535., run.colour.green / 65535., run.colour.blue / 65535., 1.);
    cairo_set_scaled_font(cr, run.font);
    cairo_show_text_glyphs(cr, text_.data() + run.text_start, static_cast<int>(run.text_length), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters, static_cast<int>(run.cluster_count),
                           run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t{});
    if (run.underlined) {
      const Underline& u = *underline++;
      cairo_rectangle(cr, x + units(u.x), baseline + units(u.y), units(u.width), units(u.height));
      cairo_fill(cr);
    }
    cairo_restore(cr);
  }
}

std::size_t GlyphLines::bytes() const {
  return sizeof(*this) + text_.capacity() + runs_.capacity() * sizeof(Run) +
         line_starts_.capacity() * sizeof(std::uint32_t) + glyphs_.capacity() * sizeof(Glyph) + glyph_rises_.capacity() * sizeof(std::int32_t) +
         clusters_.capacity() * sizeof(cairo_text_cluster_t) + underlines_.capacity() * sizeof(Underline);
}

}  // namespace sdiag::pdf
