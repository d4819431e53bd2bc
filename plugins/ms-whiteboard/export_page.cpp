#include "export_page.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <regex>

#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

namespace sdiag::ms_whiteboard {

namespace {

// Sizes the page leaves to its stylesheet, as measured on exports rendered by
// Edge (see README): a note is its text area plus a 40 px author bar, 304 x 305
// by default; a grid puts its notes on a 320 px pitch, 17 px in and 81 px down.
constexpr double note_bar = 40, note_width = 304, note_text_height = 265;
constexpr double grid_pitch = 320, grid_left = 17, grid_top = 81;
constexpr double text_padding = 16;

// The twelve note colours of the Whiteboard clients, by the class the page gives them.
const std::map<std::string, std::string>& note_colours() {
  static const std::map<std::string, std::string> colours{
      {"paleYellowGradient", "#fee15a"}, {"softOrangeGradient", "#fccd7a"}, {"paleOrangeGradient", "#ffab7c"},
      {"softRedGradient", "#f18992"},    {"lightPinkGradient", "#ea99c7"},  {"paleGreenGradient", "#cbe59c"},
      {"softCyanGradient", "#b4e8ca"},   {"softBlueGradient", "#99c9ef"},   {"paleBlueGradient", "#b7c3fc"},
      {"paleVioletGradient", "#dc9bff"}, {"lightGrayGradient", "#e6e6e6"},  {"grayGradient", "#c6c6c6"}};
  return colours;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool is_element(const xmlNode* n, const char* name = nullptr) {
  return n && n->type == XML_ELEMENT_NODE &&
         (!name || xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0);
}

bool has_class(const xmlNode* n, std::string_view cls) {
  for (const auto& c : text::split(attr(n, "class"), ' '))
    if (c == cls) return true;
  return false;
}

/// Every element below `n`, in document order.
template <typename F>
void each_element(xmlNode* n, F&& f) {
  for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      f(c);
      each_element(c, f);
    }
}

xmlNode* first(xmlNode* n, const std::function<bool(const xmlNode*)>& pred) {
  xmlNode* found = nullptr;
  each_element(n, [&](xmlNode* e) {
    if (!found && pred(e)) found = e;
  });
  return found;
}

std::string content(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (!v) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

/// The numbers in a CSS value or SVG attribute, in order ("matrix(1, 0, 0, 1, -3.5, 2)").
std::vector<double> numbers(const std::string& s) {
  static const std::regex number(R"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)");
  std::vector<double> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), number); it != std::sregex_iterator(); ++it)
    out.push_back(std::strtod(it->str().c_str(), nullptr));
  return out;
}

/// One property of an inline style ("left: 10px; top: 4px"), "" when absent.
std::string style_value(const std::string& style, std::string_view property) {
  for (const auto& decl : text::split(style, ';')) {
    auto colon = decl.find(':');
    if (colon == std::string::npos) continue;
    if (text::lower(text::trim(decl.substr(0, colon))) == property) return text::trim(decl.substr(colon + 1));
  }
  return {};
}

double style_length(const std::string& style, std::string_view property, double fallback) {
  auto n = numbers(style_value(style, property));
  return n.empty() ? fallback : n.front();
}

/// The anchor: a point on the canvas and the matrix its object is drawn with.
struct Anchor {
  double left = 0, top = 0;
  std::array<double, 6> m{1, 0, 0, 1, 0, 0};

  static Anchor of(const xmlNode* n) {
    Anchor a;
    const std::string style = attr(n, "style");
    a.left = style_length(style, "left", 0);
    a.top = style_length(style, "top", 0);
    const std::string transform = style_value(style, "transform");
    if (transform.rfind("matrix(", 0) == 0) {
      auto v = numbers(transform);
      if (v.size() == 6) std::copy(v.begin(), v.end(), a.m.begin());
    } else if (transform.rfind("scale(", 0) == 0) {
      auto v = numbers(transform);
      if (!v.empty()) a.m = {v[0], 0, 0, v.size() > 1 ? v[1] : v[0], 0, 0};
    }
    return a;
  }
  /// The box on the canvas that the object's own box (x0, y0)-(x1, y1) covers.
  Box canvas(double x0, double y0, double x1, double y1) const {
    Box b{1e300, 1e300, -1e300, -1e300};
    for (auto [x, y] : {std::pair{x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}}) {
      const double cx = left + m[0] * x + m[2] * y + m[4], cy = top + m[1] * x + m[3] * y + m[5];
      b = {std::min(b.left, cx), std::min(b.top, cy), std::max(b.right, cx), std::max(b.bottom, cy)};
    }
    return b;
  }
};

/// The Draft.js text below `n`: one line per block, the characters in its data-text spans.
std::string draft_text(xmlNode* n, const std::function<bool(const xmlNode*)>& skip = {}) {
  std::vector<std::string> lines;
  std::function<void(xmlNode*)> walk = [&](xmlNode* e) {
    for (xmlNode* c = e->children; c; c = c->next) {
      if (!is_element(c) || (skip && skip(c))) continue;
      if (!attr(c, "data-block").empty()) {
        std::string line;
        each_element(c, [&](xmlNode* s) {
          if (attr(s, "data-text") == "true") line += content(s);
        });
        lines.push_back(text::trim(line));
        continue;
      }
      walk(c);
    }
  };
  walk(n);
  std::string out;
  for (const auto& l : lines)
    if (!l.empty()) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::string note_colour(xmlNode* n) {
  std::string colour;
  each_element(n, [&](xmlNode* e) {
    if (!colour.empty() || !has_class(e, "textBoxBackground")) return;
    for (const auto& c : text::split(attr(e, "class"), ' '))
      if (auto it = note_colours().find(c); it != note_colours().end()) colour = it->second;
  });
  return colour;
}

/// A note at `offset` in its anchor's space (a grid's cell), its size from its div.stickyNote.
Object note(const Anchor& a, xmlNode* n, std::string ref, double dx, double dy) {
  Object o;
  o.kind = Object::Kind::note;
  o.type = "Note";
  o.ref = std::move(ref);
  o.text = draft_text(n);
  o.colour = note_colour(n);
  double w = note_width, h = note_text_height;
  if (xmlNode* s = first(n, [](const xmlNode* e) { return has_class(e, "stickyNote"); })) {
    const std::string style = attr(s, "style");
    w = style_length(style, "width", w);
    h = style_length(style, "height", h);
  }
  o.box = a.canvas(dx, dy, dx + w, dy + h + note_bar);
  return o;
}

void read_grid(const Anchor& a, xmlNode* n, const std::string& ref, ExportPage& page) {
  std::vector<xmlNode*> children;
  each_element(n, [&](xmlNode* e) {
    if (has_class(e, "listChild")) children.push_back(e);
  });
  int columns = 3;
  if (xmlNode* list = first(n, [](const xmlNode* e) { return has_class(e, "listChildren"); }))
    if (auto v = numbers(style_value(attr(list, "style"), "grid-template-columns")); !v.empty() && v[0] >= 1)
      columns = static_cast<int>(v[0]);
  const int rows = std::max<int>(1, (static_cast<int>(children.size()) + columns - 1) / columns);
  Object grid;
  grid.kind = Object::Kind::grid;
  grid.type = "GridList";
  grid.ref = ref;
  grid.text = draft_text(n, [](const xmlNode* e) { return has_class(e, "listChild"); });
  grid.box = a.canvas(0, 0, 2 * grid_left + (columns - 1) * grid_pitch + note_width,
                      grid_top + (rows - 1) * grid_pitch + note_text_height + note_bar + grid_left);
  page.objects.push_back(grid);
  for (std::size_t i = 0; i < children.size(); ++i)
    page.objects.push_back(note(a, children[i], ref + ", note " + std::to_string(i + 1),
                                grid_left + double(int(i) % columns) * grid_pitch,
                                grid_top + double(int(i) / columns) * grid_pitch));
}

Object plain_text(const Anchor& a, xmlNode* n, std::string ref) {
  Object o;
  o.kind = Object::Kind::text;
  o.type = "PlainText";
  o.ref = std::move(ref);
  o.text = draft_text(n);
  double max_width = 400, size = 34;
  if (xmlNode* box = first(n, [](const xmlNode* e) { return has_class(e, "plainText"); })) {
    const std::string style = attr(box, "style");
    max_width = style_length(style, "max-width", max_width);
    size = style_length(style, "font-size", size);
  }
  const auto lines = double(std::count(o.text.begin(), o.text.end(), '\n') + 1);
  o.box = a.canvas(0, 0, max_width, 2 * text_padding + lines * size * 1.3);
  return o;
}

/// A shape is centred on its anchor; its text (if any) is in div.textBoxContainer.
bool shape(const Anchor& a, xmlNode* n, std::string ref, const std::string& type, Object& o) {
  o.kind = Object::Kind::shape;
  o.type = type;
  o.ref = std::move(ref);
  xmlNode* svg = first(n, [](const xmlNode* e) { return is_element(e, "svg"); });
  if (!svg) return false;
  if (xmlNode* polygon = first(svg, [](const xmlNode* e) { return is_element(e, "polygon"); })) {
    auto v = numbers(attr(polygon, "points"));  // an older app's polygon: its corners from the anchor
    if (v.size() < 6) return false;
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (std::size_t i = 0; i + 1 < v.size(); i += 2) {
      x0 = std::min(x0, v[i]), x1 = std::max(x1, v[i]);
      y0 = std::min(y0, v[i + 1]), y1 = std::max(y1, v[i + 1]);
    }
    o.box = a.canvas(x0, y0, x1, y1);
  } else {
    auto w = numbers(attr(svg, "width")), h = numbers(attr(svg, "height"));
    if (w.empty() || h.empty() || w[0] <= 0 || h[0] <= 0) return false;
    o.box = a.canvas(-w[0] / 2, -h[0] / 2, w[0] / 2, h[0] / 2);
  }
  o.text = draft_text(n);
  return o.box.area() > 0;
}

}  // namespace

bool looks_like_export_page(std::string_view html) {
  return html.find("canvasContent") != std::string_view::npos &&
         html.find("data-whiteboard-type") != std::string_view::npos;
}

ExportPage read_export_page(std::string_view html) {
  if (html.size() > static_cast<std::size_t>(INT32_MAX)) throw InputError("the page is too large to read");
  // Never the network, no entities from outside; a damaged page is read as far as it goes.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  xmlNode* canvas = root && is_element(root) && attr(root, "id") == "canvasContent"
                        ? root
                        : first(root, [](const xmlNode* e) { return attr(e, "id") == "canvasContent"; });
  if (!canvas)
    throw InputError("the page has no Whiteboard canvas (#canvasContent); is it the .html of a Microsoft Whiteboard export?");

  ExportPage page;
  if (xmlNode* title = first(root, [](const xmlNode* e) { return is_element(e, "title"); }))
    page.title = text::collapse_whitespace(content(title));
  int index = 0;
  std::function<void(xmlNode*)> walk = [&](xmlNode* parent) {
    for (xmlNode* n = parent->children; n; n = n->next) {
      if (!is_element(n)) continue;
      const std::string type = attr(n, "data-whiteboard-type");
      if (type.empty() || !has_class(n, "anchor")) {
        walk(n);
        continue;
      }
      ++index;
      const Anchor a = Anchor::of(n);
      std::string ref = attr(n, "data-apikey");
      if (ref.empty()) ref = "object " + std::to_string(index);
      if (type == "Note") {
        page.objects.push_back(note(a, n, ref, 0, 0));
      } else if (type == "GridList") {
        read_grid(a, n, ref, page);
      } else if (type == "PlainText") {
        page.objects.push_back(plain_text(a, n, ref));
      } else if (type == "Shape" || type == "LegacyPolygon") {
        Object o;
        if (shape(a, n, ref, type, o)) page.objects.push_back(o);
        else ++page.not_read[type];
      } else if (type != "CommentThread") {  // comments are counted from the comments file
        ++page.not_read[type];
      }
    }
  };
  walk(canvas);
  int named = 0;
  for (auto at = html.find("data-whiteboard-type="); at != std::string_view::npos;
       at = html.find("data-whiteboard-type=", at + 1))
    ++named;
  page.unreachable = std::max(0, named - index);
  return page;
}

}  // namespace sdiag::ms_whiteboard
