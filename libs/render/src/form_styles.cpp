// The capture form: the report's font, size and heading colour; its own
// pale answer boxes and grey grid, made for typing into rather than reading.
#include <sdiag/render/word_styles.hpp>

namespace sdiag::render {

namespace {

constexpr Rgb answer_border = Rgb::hex(0xA6A6A6);
constexpr Rgb answer_fill = Rgb::hex(0xF5F7FB);
constexpr Rgb grey = Rgb::hex(0x808080);  // placeholder text and the table grid
constexpr double title_size = 24, guidance_size = 10;

Style paragraph(form_style::Ref ref, const char* next = "Normal") { return {"paragraph", ref.id, ref.name, "Normal", next}; }

Style heading(const Theme& t, form_style::Ref ref, int level, int before) {
  Style s = paragraph(ref);
  s.paragraph.keep_next = s.paragraph.keep_lines = true;
  s.paragraph.spacing = Spacing{before, 80, {}};
  s.paragraph.outline_level = level - 1;
  s.run = {.bold = true, .colour = t.heading, .size = t.word.heading_size[level - 1]};
  return s;
}

}  // namespace

StyleSheet form_styles(const Theme& t) {
  StyleSheet sheet{{t.office_font, t.body_size, t.language, Spacing{{}, 120, 264}}};
  auto& styles = sheet.styles;

  Style normal{"paragraph", "Normal", "Normal"};
  normal.is_default = true;
  styles.push_back(normal);

  Style title = paragraph(form_style::title);
  title.paragraph.spacing = Spacing{{}, 240, {}};
  title.run = {.bold = true, .colour = t.heading, .size = title_size};
  styles.push_back(title);

  styles.push_back(heading(t, form_style::heading1, 1, 360));
  styles.push_back(heading(t, form_style::heading2, 2, 240));

  Style guidance = paragraph(form_style::guidance);
  guidance.run = {.italic = true, .colour = t.word.muted, .size = guidance_size};
  styles.push_back(guidance);

  // A pale box to type into; consecutive notes share one box (Word and LibreOffice merge equal borders).
  Style answer = paragraph(form_style::answer, form_style::answer.id);
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"}) answer.paragraph.borders.push_back({side, 4, 4, answer_border});
  answer.paragraph.shading = answer_fill;
  answer.paragraph.spacing = Spacing{60, 60, {}};
  answer.paragraph.indent_left = answer.paragraph.indent_right = 113;
  styles.push_back(answer);

  Style font{"character", "DefaultParagraphFont", "Default Paragraph Font"};
  font.is_default = true;
  font.quick = false;
  styles.push_back(font);

  Style placeholder{"character", form_style::placeholder.id, form_style::placeholder.name, "DefaultParagraphFont"};
  placeholder.quick = false;
  placeholder.run.colour = grey;
  styles.push_back(placeholder);

  Style grid{"table", form_style::table.id, form_style::table.name};
  grid.quick = false;
  grid.paragraph.spacing = Spacing{40, 40, {}};
  grid.table = TableProps{{}, {}, {{"w:left", 108}, {"w:right", 108}}};
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
    grid.table->borders.push_back({side, 4, 0, grey});
  styles.push_back(grid);
  return sheet;
}

}  // namespace sdiag::render
