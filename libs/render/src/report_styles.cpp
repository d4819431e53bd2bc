// The report's house style: one dark blue for headings, greys for secondary
// text, a pale blue for table headers and rules (the theme's Word colours).
#include <sdiag/render/word_styles.hpp>

namespace sdiag::render {

namespace {

Style heading(const Theme& t, const char* id, const char* name, int level, int before, int after, Rgb colour,
              bool rule) {
  Style s{"paragraph", id, name, "Normal", "Normal"};
  s.ui_priority = 9;
  s.paragraph.keep_next = s.paragraph.keep_lines = true;
  if (rule) s.paragraph.borders = {{"w:bottom", 6, 4, t.word.rule}};
  s.paragraph.spacing = Spacing{before, after, {}};
  s.paragraph.outline_level = level - 1;
  s.run.bold = true;
  s.run.colour = colour;
  s.run.size = t.word.heading_size[level - 1];
  return s;
}

Style toc(const char* id, const char* name, int indent, int text_width) {
  Style s{"paragraph", id, name, "Normal", "Normal"};
  s.ui_priority = 39;
  s.paragraph.tabs = {{"right", text_width, "dot"}};
  s.paragraph.spacing = Spacing{0, 60, {}};
  s.paragraph.indent_left = indent;
  return s;
}

/// The running header or footer: centre and right tabs, small muted text.
Style margin_text(const Theme& t, const char* id, const char* name, int text_width) {
  Style s{"paragraph", id, name, "Normal"};
  s.paragraph.tabs = {{"center", text_width / 2}, {"right", text_width}};
  s.paragraph.spacing = Spacing{0, 0, 240};
  s.run.colour = t.word.muted;
  s.run.size = t.small_size;
  return s;
}

Style report_table(const Theme& t) {
  Style s{"table", "ReportTable", "Report Table", "TableNormal"};
  s.paragraph.spacing = Spacing{0, 0, 240};
  s.table = TableProps{{},
                       {{"w:top", 8, 0, t.word.accent}, {"w:bottom", 8, 0, t.word.accent}, {"w:insideH", 4, 0, t.word.table_rule}},
                       {{"w:top", 57}, {"w:left", 85}, {"w:bottom", 57}, {"w:right", 85}}};
  s.header_row = HeaderRow{{.bold = true, .colour = t.heading}, t.word.header_fill};
  return s;
}

}  // namespace

StyleSheet report_styles(const Theme& t, int text_width) {
  StyleSheet sheet{{t.office_font, t.body_size, t.language,
                    Spacing{{}, static_cast<int>(t.paragraph_after * 20), static_cast<int>(t.line_spacing * 240 + 0.5)}}};
  auto& styles = sheet.styles;

  Style normal{"paragraph", "Normal", "Normal"};
  normal.is_default = true;
  styles.push_back(normal);
  Style font{"character", "DefaultParagraphFont", "Default Paragraph Font"};
  font.is_default = true;
  font.ui_priority = 1;
  font.semi_hidden = true;
  font.quick = false;
  styles.push_back(font);
  Style table{"table", "TableNormal", "Normal Table"};
  table.is_default = table.semi_hidden = true;
  table.quick = false;
  table.table = TableProps{0, {}, {{"w:top", 0}, {"w:left", 108}, {"w:bottom", 0}, {"w:right", 108}}};
  styles.push_back(table);
  Style no_list{"numbering", "NoList", "No List"};
  no_list.is_default = no_list.semi_hidden = true;
  no_list.quick = false;
  styles.push_back(no_list);

  Style title{"paragraph", "Title", "Title", "Normal", "Subtitle"};
  title.paragraph.spacing = Spacing{2400, 240, 240};
  title.paragraph.contextual_spacing = true;
  title.run = {.bold = true, .colour = t.heading, .kern = 28, .size = t.title_size};
  styles.push_back(title);

  Style subtitle{"paragraph", "Subtitle", "Subtitle", "Normal", "Normal"};
  subtitle.paragraph.borders = {{"w:bottom", 12, 12, t.word.rule}};
  subtitle.paragraph.spacing = Spacing{0, 720, {}};
  subtitle.run = {.colour = t.word.accent, .size = t.word.subtitle_size};
  styles.push_back(subtitle);

  styles.push_back(heading(t, "Heading1", "heading 1", 1, 480, 160, t.heading, true));
  styles.push_back(heading(t, "Heading2", "heading 2", 2, 320, 120, t.heading, false));
  styles.push_back(heading(t, "Heading3", "heading 3", 3, 240, 80, t.word.accent, false));

  for (auto [id, name] : {std::pair{"ListBullet", "List Bullet"}, std::pair{"ListNumber", "List Number"}}) {
    Style list{"paragraph", id, name, "Normal"};
    list.paragraph.spacing = Spacing{0, 80, {}};
    styles.push_back(list);
  }

  Style caption{"paragraph", "Caption", "caption", "Normal", "Normal"};
  caption.paragraph.spacing = Spacing{80, 240, {}};
  caption.run = {.italic = true, .colour = t.word.muted, .size = t.small_size};
  styles.push_back(caption);

  Style table_caption{"paragraph", "TableCaption", "Table Caption", "Caption", "Normal"};
  table_caption.paragraph.keep_next = true;
  table_caption.paragraph.spacing = Spacing{200, 80, {}};
  styles.push_back(table_caption);

  Style figure{"paragraph", "Figure", "Figure", "Normal", "Caption"};
  figure.paragraph.keep_next = true;
  figure.paragraph.spacing = Spacing{200, 0, {}};
  figure.paragraph.justify = "center";
  styles.push_back(figure);

  Style quote{"paragraph", "Quote", "Quote", "Normal", "Normal"};
  quote.paragraph.borders = {{"w:left", 18, 8, t.word.rule}};
  quote.paragraph.spacing = Spacing{60, 120, {}};
  quote.paragraph.indent_left = 284;
  quote.paragraph.indent_right = 567;
  quote.run = {.italic = true, .colour = t.word.quote};
  styles.push_back(quote);

  Style note{"paragraph", "Note", "Note", "Normal", "Normal"};
  note.paragraph.spacing = Spacing{60, 160, {}};
  note.run = {.italic = true, .colour = t.word.muted};
  styles.push_back(note);

  Style table_text{"paragraph", "TableText", "Table Text", "Normal"};
  table_text.paragraph.spacing = Spacing{0, 0, 240};
  table_text.run.size = t.table_size;
  styles.push_back(table_text);

  Style toc_heading{"paragraph", "TOCHeading", "TOC Heading", "Heading1", "Normal"};
  toc_heading.ui_priority = 39;
  toc_heading.paragraph.outline_level = 9;
  styles.push_back(toc_heading);
  styles.push_back(toc("TOC1", "toc 1", 0, text_width));
  styles.push_back(toc("TOC2", "toc 2", 284, text_width));
  styles.push_back(toc("TOC3", "toc 3", 567, text_width));

  styles.push_back(margin_text(t, "Header", "header", text_width));
  styles.push_back(margin_text(t, "Footer", "footer", text_width));

  Style link{"character", "Hyperlink", "Hyperlink", "DefaultParagraphFont"};
  link.ui_priority = 99;
  link.quick = false;
  link.run = {.colour = t.word.link, .underline = true};
  styles.push_back(link);

  styles.push_back(report_table(t));
  return sheet;
}

}  // namespace sdiag::render
