#include "paper_boards.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <sdiag/text.hpp>

namespace sdiag::core {

namespace {

// The PDF writer's page: 72 pt margins all round (its theme), pages turned.
constexpr double margin = 72;
constexpr double a4_long = 841.890, a4_short = 595.276, a3_long = 1190.551, a3_short = 841.890;
// The heading and the line under it take about this much of the page.
constexpr double above_board = 100;
constexpr std::size_t most_columns = 5;  ///< more prompts wrap to a second row

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

/// Words broken into lines of about `chars` characters (the Drawing's text does not wrap).
std::string wrapped(const std::string& words, std::size_t chars) {
  std::string out, line;
  for (const auto& word : text::split(words, ' ')) {
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > chars) {
      out += (out.empty() ? "" : "\n") + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
  return out;
}

doc::DrawOp text_op(double x, double y, std::string s, double size, bool bold) {
  doc::DrawOp op;
  op.kind = doc::DrawOp::Kind::text;
  op.points = {{x, y}};
  op.text = std::move(s);
  op.font_size = size;
  op.bold = bold;
  op.fill = "#1f2a44";
  return op;
}

doc::DrawOp box(double x, double y, double w, double h, doc::Colour fill, doc::Colour stroke, bool dashed = false) {
  doc::DrawOp op;
  op.kind = doc::DrawOp::Kind::rounded_rect;
  op.points = {{x, y}, {x + w, y + h}};
  op.fill = std::move(fill);
  op.stroke = std::move(stroke);
  op.line_width = dashed ? 1 : 1.5;
  op.dashed = dashed;
  return op;
}

/// The board: one column per prompt (or one open area), each headed by its label.
doc::Drawing board_drawing(const Section& s, double width, double height, double scale) {
  doc::Drawing d;
  d.width = width;
  d.height = height;
  std::vector<std::string> labels;
  for (const auto& p : s.prompts) labels.push_back(p.title);
  const std::size_t n = std::max<std::size_t>(labels.size(), 1);
  const std::size_t rows = (n + most_columns - 1) / most_columns;
  const std::size_t columns = (n + rows - 1) / rows;
  const double gap = 12 * scale, label_size = 14 * scale;
  const double cell_w = (width - gap * double(columns - 1)) / double(columns);
  const double cell_h = (height - gap * double(rows - 1)) / double(rows);
  // About half an em per character of Liberation Sans.
  const auto chars = static_cast<std::size_t>(std::max(8.0, (cell_w - 16 * scale) / (label_size * 0.55)));
  // Every label band on a board is as deep as the deepest, so the columns start level.
  std::vector<std::string> wrapped_labels;
  double lines = 1;
  for (const auto& l : labels) {
    wrapped_labels.push_back(wrapped(l, chars));
    lines = std::max(lines, double(std::count(wrapped_labels.back().begin(), wrapped_labels.back().end(), '\n') + 1));
  }
  const double band = (lines * label_size * 1.25) + 16 * scale;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = double(i % columns) * (cell_w + gap), y = double(i / columns) * (cell_h + gap);
    d.ops.push_back(box(x, y, cell_w, cell_h, "#fbfbf7", "#8a94a6"));
    if (labels.empty()) {
      d.ops.push_back(text_op(x + cell_w / 2, y + cell_h - 18 * scale, "Sticky notes for this section go anywhere here",
                              9 * scale, false));
      continue;
    }
    d.ops.push_back(box(x, y, cell_w, band, "#dce4f2", "#8a94a6"));
    d.ops.push_back(text_op(x + cell_w / 2, y + band / 2, wrapped_labels[i], label_size, true));
  }
  return d;
}

std::string board_alt(const Section& s) {
  if (s.prompts.empty()) return "An empty board for '" + s.title + "', with room for sticky notes anywhere on it.";
  std::string alt = "A board for '" + s.title + "' with " + std::to_string(s.prompts.size()) +
                    (s.prompts.size() == 1 ? " column" : " columns") + " for sticky notes, from left to right: ";
  for (std::size_t i = 0; i < s.prompts.size(); ++i)
    alt += (i ? (i + 1 == s.prompts.size() ? " and " : ", ") : "") + s.prompts[i].title;
  return alt + ".";
}

}  // namespace

std::string phase_label(const Template& t, std::size_t index) {
  const std::string phase = text::trim(t.sections.at(index).phase);
  if (phase.empty()) return {};
  if (text::lower(phase) == "before") {
    // The method numbers the before-the-session pages: "Before the session (1)", "(2)".
    std::size_t n = 0;
    for (std::size_t i = 0; i <= index; ++i) n += text::lower(text::trim(t.sections[i].phase)) == "before";
    return "Before the session (" + std::to_string(n) + ")";
  }
  const auto space = phase.find_last_of(' ');
  if (space != std::string::npos && phase.find_first_not_of("0123456789", space + 1) == std::string::npos)
    return capitalised(phase.substr(0, space)) + " (" + phase.substr(space + 1) + ")";  // "morning 1" -> "Morning (1)"
  return capitalised(phase);
}

doc::Document paper_boards(const Template& t, Paper paper) {
  const double long_side = paper == Paper::a3 ? a3_long : a4_long;
  const double short_side = paper == Paper::a3 ? a3_short : a4_short;
  // Sizes are set for A3 and shrink with the page on A4.
  const double scale = paper == Paper::a3 ? 1.0 : a4_long / a3_long;
  const double width = long_side - 2 * margin, height = short_side - 2 * margin - above_board;

  doc::Document d;
  d.meta.title = (t.title.empty() ? std::string("Workshop") : t.title) + ": boards";
  d.meta.subject = "One board per section of the workshop template, for sticky notes";
  d.meta.keywords = {"service diagnostic", "workshop", "template"};
  const std::string total = std::to_string(t.sections.size());
  for (std::size_t i = 0; i < t.sections.size(); ++i) {
    const Section& s = t.sections[i];
    d.blocks.push_back(doc::PageBreak{true});
    d.blocks.push_back(doc::Heading{1, s.title, "board-" + s.id});
    std::string where = phase_label(t, i);
    where += (where.empty() ? "Board " : " · board ") + std::to_string(i + 1) + " of " + total + ". ";
    where += s.prompts.empty() ? "One idea per sticky note." : "One idea per sticky note, under the prompt it answers.";
    d.blocks.push_back(doc::Paragraph::plain(where));
    doc::Figure f;
    f.drawing = board_drawing(s, width, height, scale);
    f.alt = board_alt(s);
    f.id = "board-figure-" + s.id;
    d.blocks.push_back(std::move(f));
  }
  return d;
}

}  // namespace sdiag::core
