// The data system map as a figure: graphviz (dot) places the resources,
// grouped by business area, and routes the connections; we read the layout
// back and turn it into doc::DrawOps so every writer can draw it.
#include "system_map_figure.hpp"
#include "graph_ids.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sdiag::d2i_report {

namespace {

using sdiag::doc::DrawOp;
using sdiag::doc::Drawing;
using sdiag::doc::Point;

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool has(const std::string& haystack, const char* needle) { return haystack.find(needle) != std::string::npos; }

// ---- categories -------------------------------------------------------------

// The seed's business areas, matched tolerantly ("Corporate IT team" is a
// corporate team); anything else is drawn in an "Other" group.
enum class Area { external, corporate, internal_csc, other };

Area area_of(const std::string& business_area) {
  auto a = lower(business_area);
  if (has(a, "external") || has(a, "supplier") || has(a, "vendor") || has(a, "partner")) return Area::external;
  if (has(a, "csc") || has(a, "internal") || has(a, "children") || has(a, "social care")) return Area::internal_csc;
  if (has(a, "corporate") || has(a, "council")) return Area::corporate;
  return Area::other;
}

const char* area_title(Area a) {
  switch (a) {
    case Area::external: return "External suppliers";
    case Area::corporate: return "Corporate teams";
    case Area::internal_csc: return "Internal CSC teams";
    case Area::other: break;
  }
  return "Other";
}

// The seed's six functions plus "other". Each has a shape as well as a
// colour, so the map still reads in greyscale and for colour-blind readers.
// Colours are light tints of the Okabe-Ito palette: black text on each has
// a contrast ratio above 7:1.
struct FunctionStyle {
  const char* title;
  const char* fill;
  const char* shape;  // graphviz shape, drawn back with the same outline
};

const FunctionStyle kFunctions[] = {
    {"Front line services and management", "#f7c873", "ellipse"},
    {"Corporate performance and policy", "#a8d8f5", "box"},
    {"Internal (CSC) performance and policy", "#8fd3bd", "hexagon"},
    {"MIS maintenance and development", "#f3ec9a", "box"},  // rounded, see below
    {"Reporting maintenance and development", "#eeb48f", "octagon"},
    {"Data analysis", "#e3b6d0", "parallelogram"},
    {"Other", "#dddddd", "box"},
};
constexpr std::size_t kOther = 6;
constexpr std::size_t kRounded = 3;

std::size_t function_of(const std::string& function) {
  auto f = lower(function);
  if (has(f, "front") || has(f, "frontline")) return 0;
  if (has(f, "corporate")) return 1;
  if (has(f, "internal") || has(f, "csc")) return 2;
  if (has(f, "mis") || has(f, "case management")) return 3;
  if (has(f, "report")) return 4;
  if (has(f, "analys")) return 5;
  return kOther;
}

// ---- alt text ---------------------------------------------------------------

// The words a screen reader says instead of the picture.
std::string alt_text(const sdiag::SystemMap& map) {
  std::map<std::string, std::size_t> by_area;
  for (const auto& n : map.nodes) ++by_area[n.business_area.empty() ? "other" : n.business_area];
  std::string s = "Data system map: " + plural(map.nodes.size(), "resource", "resources") + " in " +
                  plural(by_area.size(), "business area", "business areas") + " (";
  bool first = true;
  for (const auto& [area, count] : by_area) {
    s += (first ? "" : "; ") + area + ": " + std::to_string(count);
    first = false;
  }
  s += "), joined by " + plural(map.edges.size(), "connection", "connections");
  std::size_t pain = 0;
  for (const auto& e : map.edges) pain += e.pain_point ? 1 : 0;
  if (pain) s += ", " + std::to_string(pain) + " of them marked as pain points";
  s += ".";
  std::map<std::string, std::string> label;
  for (const auto& n : map.nodes) label[n.id] = n.label;
  // Pain points first: they are what the reader most needs to hear.
  std::vector<const sdiag::MapEdge*> flows;
  for (const auto& e : map.edges) if (e.pain_point) flows.push_back(&e);
  for (const auto& e : map.edges) if (!e.pain_point) flows.push_back(&e);
  std::size_t listed = 0;
  for (const auto* e : flows) {
    if (listed == 6) break;
    if (!label.count(e->from) || !label.count(e->to)) continue;
    s += std::string(listed ? " " : " Main flows: ") + label[e->from] + " to " + label[e->to] +
         (e->label.empty() ? "" : " (" + e->label + ")") + (e->pain_point ? ", a pain point" : "") + ";";
    ++listed;
  }
  if (listed) s.back() = '.';
  s += " The table of resources and connections below gives the same information.";
  return s;
}

// ---- graphviz ---------------------------------------------------------------

// Graphviz reads "\n", "\l", "\N"... inside labels: keep user text literal.
std::string gv_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

// Breaks a label into lines of about `width` characters, on spaces.
std::vector<std::string> wrap_words(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line, word;
  auto flush_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') flush_word();
    else word += c;
  }
  flush_word();
  if (!line.empty()) lines.push_back(line);
  if (lines.empty()) lines.push_back("");
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += (s.empty() ? "" : "\\n") + gv_escape(l);
  return s;
}

void set(void* obj, const char* key, const std::string& value) {
  agsafeset(obj, const_cast<char*>(key), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

constexpr const char* kFont = "Liberation Sans";
constexpr double kNodeFont = 11;
constexpr double kEdgeFont = 10;
constexpr double kAreaFont = 11;
constexpr double kLegendFont = 10;
constexpr const char* kInk = "#1a1a1a";
constexpr const char* kPain = "#c0162b";
constexpr const char* kEdge = "#4d4d4d";

// One graphviz context for the process, never freed: graphviz 2.42 keeps
// pointers into a context's tables in its global state, so laying out with
// a second context after freeing the first reads freed memory (valgrind
// found it once the warm-up made the first map of a run).
GVC_t* graphviz() {
  static GVC_t* const context = gvContext();
  return context;
}

// Owns a graph and its layout and frees them in the right order.
class GraphLayout {
 public:
  GraphLayout() : gvc_(graphviz()) { g_ = agopen(const_cast<char*>("map"), Agdirected, stable_ids()); }
  ~GraphLayout() {
    if (laid_out_) gvFreeLayout(gvc_, g_);
    agclose(g_);
  }
  GraphLayout(const GraphLayout&) = delete;
  GraphLayout& operator=(const GraphLayout&) = delete;

  Agraph_t* graph() const { return g_; }
  void layout() {
    if (gvLayout(gvc_, g_, "dot") != 0) throw std::runtime_error("graphviz could not lay out the system map");
    laid_out_ = true;
  }

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
  bool laid_out_ = false;
};

struct NodeInfo {
  const sdiag::MapNode* node;
  std::size_t function;
  std::vector<std::string> lines;
};

// ---- drawing ----------------------------------------------------------------

DrawOp shape_op(DrawOp::Kind kind, std::vector<Point> pts, std::string fill, std::string stroke, double lw) {
  DrawOp op;
  op.kind = kind;
  op.points = std::move(pts);
  op.fill = std::move(fill);
  op.stroke = std::move(stroke);
  op.line_width = lw;
  return op;
}

DrawOp text_op(Point centre, std::string text, double size, bool bold = false, std::string colour = kInk) {
  DrawOp op;
  op.kind = DrawOp::Kind::text;
  op.points = {centre};
  op.text = std::move(text);
  op.font_size = size;
  op.bold = bold;
  op.fill = std::move(colour);
  return op;
}

// The outline of a node of `shape` in the box (cx, cy, w, h).
DrawOp node_shape(std::size_t function, double cx, double cy, double w, double h) {
  const auto& style = kFunctions[function];
  std::string shape = style.shape;
  double l = cx - w / 2, r = cx + w / 2, t = cy - h / 2, b = cy + h / 2;
  using K = DrawOp::Kind;
  if (shape == "ellipse") return shape_op(K::ellipse, {{l, t}, {r, b}}, style.fill, kInk, 0.8);
  if (shape == "hexagon") {
    double d = w * 0.15;
    return shape_op(K::polygon, {{l + d, t}, {r - d, t}, {r, cy}, {r - d, b}, {l + d, b}, {l, cy}}, style.fill, kInk, 0.8);
  }
  if (shape == "octagon") {
    double dx = std::min(w, h) * 0.28, dy = h * 0.28;
    return shape_op(K::polygon,
                    {{l + dx, t}, {r - dx, t}, {r, t + dy}, {r, b - dy}, {r - dx, b}, {l + dx, b}, {l, b - dy}, {l, t + dy}},
                    style.fill, kInk, 0.8);
  }
  if (shape == "parallelogram") {
    double d = h * 0.45;
    return shape_op(K::polygon, {{l + d, t}, {r, t}, {r - d, b}, {l, b}}, style.fill, kInk, 0.8);
  }
  auto op = shape_op(function == kRounded ? K::rounded_rect : K::rect, {{l, t}, {r, b}}, style.fill, kInk, 0.8);
  if (function == kOther) op.dashed = true;
  return op;
}

// Rough width of a line of Liberation Sans text, to place left-aligned
// legend labels with centre-anchored text ops.
double text_width(const std::string& s, double size) {
  std::size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80 ? 1 : 0;
  return static_cast<double>(chars) * size * 0.52;
}

// The key under the map: one swatch per function used, and the line styles.
void add_legend(Drawing& d, const std::set<std::size_t>& functions, bool any_pain, double top) {
  const double row = 20, swatch_w = 26, swatch_h = 13, column = std::max(d.width / 2, 250.0);
  double x = 0, y = top + 14;
  // Bold is wider than text_width reckons: allow for it, so the word is not cut at the edge.
  d.ops.push_back(text_op({text_width("Key", kAreaFont) * 0.6, top + 4}, "Key", kAreaFont, true));
  auto next_cell = [&] {
    x += column;
    if (x + column > d.width + 1) {
      x = 0;
      y += row;
    }
  };
  auto label = [&](const std::string& s) {
    d.ops.push_back(text_op({x + swatch_w + 8 + text_width(s, kLegendFont) / 2, y + swatch_h / 2}, s, kLegendFont));
  };
  for (auto f : functions) {
    d.ops.push_back(node_shape(f, x + swatch_w / 2, y + swatch_h / 2, swatch_w, swatch_h));
    label(kFunctions[f].title);
    next_cell();
  }
  auto line_sample = [&](bool pain) {
    DrawOp op;
    op.kind = DrawOp::Kind::bezier;
    double my = y + swatch_h / 2;
    op.points = {{x, my}, {x + swatch_w / 3, my}, {x + 2 * swatch_w / 3, my}, {x + swatch_w, my}};
    op.stroke = pain ? kPain : kEdge;
    op.line_width = pain ? 2.4 : 1;
    op.dashed = pain;
    op.arrow_end = true;
    d.ops.push_back(op);
    label(pain ? "Connection marked as a pain point" : "Connection (data or work flow)");
    next_cell();
  };
  line_sample(false);
  if (any_pain) line_sample(true);
  d.height = (x == 0 ? y : y + row) + 4;
}

Drawing draw_map(const sdiag::SystemMap& map, const char* rankdir) {
  GraphLayout gl;
  Agraph_t* g = gl.graph();
  set(g, "rankdir", rankdir);
  set(g, "nodesep", "0.3");
  set(g, "ranksep", "0.55");
  set(g, "fontname", kFont);
  set(g, "fontsize", std::to_string(kAreaFont));
  set(g, "labeljust", "l");
  set(g, "margin", "0");
  set(g, "pad", "0");
  // Rank the whole graph at once, not cluster by cluster: graphviz 2.42 (Debian 12)
  // corrupts its heap on labelled connections it makes flat inside a cluster
  // (seen from about 30 resources up), and the global ranking never makes them.
  set(g, "newrank", "true");

  // One cluster per business area, in a stable order.
  std::map<Area, Agraph_t*> clusters;
  std::vector<NodeInfo> infos;
  std::map<std::string, Agnode_t*> by_id;
  for (const auto& n : map.nodes) {
    if (by_id.count(n.id)) continue;  // a duplicate id would merge two resources
    Area a = area_of(n.business_area);
    auto& sg = clusters[a];
    if (!sg) {
      std::string name = "cluster_" + std::to_string(static_cast<int>(a));
      sg = agsubg(g, const_cast<char*>(name.c_str()), 1);
      set(sg, "label", area_title(a));
      set(sg, "style", "rounded");
      set(sg, "margin", "10");
    }
    std::string name = "n" + std::to_string(infos.size());
    Agnode_t* node = agnode(sg, const_cast<char*>(name.c_str()), 1);
    NodeInfo info{&n, function_of(n.function), wrap_words(n.label.empty() ? n.id : n.label, 20)};
    set(node, "label", joined(info.lines));
    set(node, "fontname", kFont);
    set(node, "fontsize", std::to_string(kNodeFont));
    set(node, "shape", kFunctions[info.function].shape);
    set(node, "margin", "0.12,0.06");
    by_id[n.id] = node;
    infos.push_back(std::move(info));
  }

  struct EdgeInfo {
    Agedge_t* edge;
    const sdiag::MapEdge* data;
    std::vector<std::string> lines;
  };
  std::vector<EdgeInfo> edges;
  for (const auto& e : map.edges) {
    auto from = by_id.find(e.from), to = by_id.find(e.to);
    if (from == by_id.end() || to == by_id.end()) continue;
    std::string key = "e" + std::to_string(edges.size());
    Agedge_t* edge = agedge(g, from->second, to->second, const_cast<char*>(key.c_str()), 1);
    auto lines = e.label.empty() ? std::vector<std::string>{} : wrap_words(e.label, 22);
    if (!lines.empty()) {
      set(edge, "label", joined(lines));
      set(edge, "fontname", kFont);
      set(edge, "fontsize", std::to_string(kEdgeFont));
    }
    if (e.pain_point) set(edge, "penwidth", "2.4");
    edges.push_back({edge, &e, std::move(lines)});
  }

  gl.layout();
  const boxf bb = GD_bb(g);
  const double top = bb.UR.y;
  auto at = [&](pointf p) { return Point{p.x - bb.LL.x, top - p.y}; };

  Drawing d;
  d.width = bb.UR.x - bb.LL.x;
  d.height = bb.UR.y - bb.LL.y;

  // Areas first, then resources, then the lines, so arrowheads are never
  // hidden under a shape; all the words go last, on patches of background.
  std::vector<DrawOp> labels;
  for (const auto& [area, sg] : clusters) {
    boxf cb = GD_bb(sg);
    Point tl = at({cb.LL.x, cb.UR.y}), br = at({cb.UR.x, cb.LL.y});
    auto op = shape_op(DrawOp::Kind::rounded_rect, {tl, br}, "#f4f6f8", "#8a96a3", 0.8);
    d.ops.push_back(op);
    if (auto* lab = GD_label(sg)) {
      Point c = at(lab->pos);
      double w = lab->dimen.x, h = lab->dimen.y;
      labels.push_back(shape_op(DrawOp::Kind::rect, {{c.x - w / 2, c.y - h / 2}, {c.x + w / 2, c.y + h / 2}}, "#f4f6f8", "", 0));
      labels.push_back(text_op(c, area_title(area), kAreaFont, true, "#2f3b48"));
    }
  }

  for (std::size_t i = 0; i < infos.size(); ++i) {
    std::string name = "n" + std::to_string(i);
    Agnode_t* node = agnode(g, const_cast<char*>(name.c_str()), 0);
    Point c = at(ND_coord(node));
    double w = ND_width(node) * 72, h = ND_height(node) * 72;
    d.ops.push_back(node_shape(infos[i].function, c.x, c.y, w, h));
    const auto& lines = infos[i].lines;
    double line_h = kNodeFont * 1.2, y0 = c.y - line_h * static_cast<double>(lines.size() - 1) / 2;
    for (std::size_t l = 0; l < lines.size(); ++l)
      d.ops.push_back(text_op({c.x, y0 + line_h * static_cast<double>(l)}, lines[l], kNodeFont));
  }

  for (const auto& e : edges) {
    if (!ED_spl(e.edge) || ED_spl(e.edge)->size == 0) continue;
    const bezier& bz = ED_spl(e.edge)->list[0];
    DrawOp op;
    op.kind = DrawOp::Kind::bezier;
    for (int i = 0; i < bz.size; ++i) op.points.push_back(at(bz.list[i]));
    if (bz.eflag) {
      // dot stops the curve short of the node and leaves room for the arrow:
      // a straight last segment to the tip keeps the head on the outline.
      Point a = op.points.back(), b = at(bz.ep);
      op.points.push_back({a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3});
      op.points.push_back({a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3});
      op.points.push_back(b);
    }
    op.stroke = e.data->pain_point ? kPain : kEdge;
    op.line_width = e.data->pain_point ? 2.4 : 1;
    op.dashed = e.data->pain_point;
    op.arrow_end = true;
    d.ops.push_back(op);
  }

  d.ops.insert(d.ops.end(), labels.begin(), labels.end());
  // Connection labels on a white patch, so lines never run through the words.
  for (const auto& e : edges) {
    auto* lab = ED_label(e.edge);
    if (!lab || e.lines.empty()) continue;
    Point c = at(lab->pos);
    double w = lab->dimen.x, h = lab->dimen.y;
    d.ops.push_back(shape_op(DrawOp::Kind::rect, {{c.x - w / 2, c.y - h / 2}, {c.x + w / 2, c.y + h / 2}}, "#ffffff", "", 0));
    double line_h = kEdgeFont * 1.2, y0 = c.y - line_h * static_cast<double>(e.lines.size() - 1) / 2;
    for (std::size_t l = 0; l < e.lines.size(); ++l)
      d.ops.push_back(text_op({c.x, y0 + line_h * static_cast<double>(l)}, e.lines[l], kEdgeFont, false,
                              e.data->pain_point ? kPain : kInk));
  }

  std::set<std::size_t> functions;
  for (const auto& i : infos) functions.insert(i.function);
  bool any_pain = std::any_of(edges.begin(), edges.end(), [](const EdgeInfo& e) { return e.data->pain_point; });
  d.width = std::max(d.width, 500.0);
  add_legend(d, functions, any_pain, d.height + 16);
  return d;
}

// The text area of the page the map has to itself, less the heading above
// and the caption under it: A4 between the report's margins (PDF and DOCX
// alike), upright or turned (698 x 451 pt of text in the PDF, 711 x 453 in
// the DOCX, which keeps 110 pt for the heading and caption).
struct PrintArea {
  double width, height;
};
constexpr PrintArea kPortrait{450, 600}, kLandscape{690, 340};

double print_scale(const Drawing& d, PrintArea a) { return std::min({1.0, a.width / d.width, a.height / d.height}); }

// The smallest text on the map (edge labels and the key), as printed in `a`.
double label_size(const Drawing& d, PrintArea a) { return std::min(kEdgeFont, kLegendFont) * print_scale(d, a); }

struct SystemMapLayout {
  Drawing drawing;
  bool landscape = false;
};

// Left to right reads as a flow, but a map of long chains is then far wider
// than the page and its labels print too small to read: top to bottom, or
// the page turned, is taken when it prints the labels larger.
SystemMapLayout draw_readable_map(const sdiag::SystemMap& map) {
  Drawing across = draw_map(map, "LR");
  if (print_scale(across, kPortrait) >= 1.0) return {std::move(across), false};
  Drawing down = draw_map(map, "TB");
  auto larger = [](Drawing& a, Drawing& b, PrintArea area) -> Drawing& {
    return label_size(b, area) > label_size(a, area) + 0.1 ? b : a;
  };
  Drawing& upright = larger(across, down, kPortrait);
  Drawing& turned = larger(across, down, kLandscape);
  const bool landscape = landscape_prints_larger(label_size(upright, kPortrait), label_size(turned, kLandscape));
  return {std::move(landscape ? turned : upright), landscape};
}

}  // namespace

bool landscape_prints_larger(double portrait_pt, double landscape_pt) {
  return portrait_pt < kReadableLabel && landscape_pt > portrait_pt * 1.1;
}

std::optional<SystemMapFigure> system_map_figure(const sdiag::SystemMap& map) {
  if (map.nodes.empty()) return std::nullopt;
  SystemMapLayout laid = draw_readable_map(map);
  sdiag::doc::Figure f;
  f.id = "system-map";
  f.alt = alt_text(map);
  f.caption = "The data system as mapped in the workshop: resources grouped by business area, shaped and coloured "
              "by function; red dashed lines are connections marked as pain points";
  f.drawing = std::move(laid.drawing);
  return SystemMapFigure{std::move(f), laid.landscape};
}

}  // namespace sdiag::d2i_report
