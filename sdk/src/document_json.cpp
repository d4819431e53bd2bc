// The Document as JSON and back: what script layouts return and script
// outputs receive (share/sdiag/schema/document.schema.json describes it).
// Every field is written, figures whole (drawing operations, PNG in base64),
// so a Document read back equals the one written.
#include <sdiag/json.hpp>

#include <algorithm>

#include <nettle/base64.h>

#include <nlohmann/json.hpp>

#include <sdiag/plugin.hpp>

#include "json_parse.hpp"

namespace sdiag {

using ojson = nlohmann::ordered_json;

namespace {

// ---- base64, for PNG figures (nettle, which the host already links) --------

std::string base64(const std::string& bytes) {
  std::string out(BASE64_ENCODE_RAW_LENGTH(bytes.size()), '\0');
  base64_encode_raw(out.data(), bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  return out;
}

/// @returns false for text that is not base64.
bool unbase64(const std::string& text, std::string& out) {
  base64_decode_ctx ctx;
  base64_decode_init(&ctx);
  out.assign(BASE64_DECODE_LENGTH(text.size()), '\0');
  std::size_t length = out.size();
  if (!base64_decode_update(&ctx, &length, reinterpret_cast<uint8_t*>(out.data()), text.size(), text.data()) ||
      !base64_decode_final(&ctx))
    return false;
  out.resize(length);
  return true;
}

// ---- writing ---------------------------------------------------------------

const char* const op_kinds[] = {"rect", "rounded_rect", "ellipse", "polygon", "bezier", "text"};

ojson write_para(const doc::Paragraph& p) {
  ojson runs = ojson::array();
  for (const auto& r : p.runs) {
    ojson rj{{"text", r.text}};
    if (r.bold) rj["bold"] = true;
    if (r.italic) rj["italic"] = true;
    if (!r.link.empty()) rj["link"] = r.link;
    runs.push_back(rj);
  }
  ojson j{{"runs", runs}};
  if (!p.style.empty()) j["style"] = p.style;
  return j;
}

ojson write_drawing(const doc::Drawing& d) {
  ojson ops = ojson::array();
  for (const auto& op : d.ops) {
    ojson points = ojson::array();
    for (const auto& pt : op.points) points.push_back({pt.x, pt.y});
    ojson oj{{"kind", op_kinds[static_cast<int>(op.kind)]}, {"points", points}};
    if (!op.fill.empty()) oj["fill"] = op.fill;
    if (!op.stroke.empty()) oj["stroke"] = op.stroke;
    oj["line_width"] = op.line_width;
    if (op.dashed) oj["dashed"] = true;
    if (op.arrow_end) oj["arrow_end"] = true;
    if (!op.text.empty()) oj["text"] = op.text;
    oj["font_size"] = op.font_size;
    if (op.bold) oj["bold"] = true;
    ops.push_back(oj);
  }
  return {{"width", d.width}, {"height", d.height}, {"ops", ops}};
}

struct BlockWriter {
  ojson operator()(const doc::Heading& h) const {
    return {{"type", "heading"}, {"level", h.level}, {"text", h.text}, {"id", h.id}};
  }
  ojson operator()(const doc::Paragraph& p) const {
    ojson j{{"type", "paragraph"}};
    j.update(write_para(p));
    return j;
  }
  ojson operator()(const doc::List& l) const {
    ojson items = ojson::array();
    for (const auto& i : l.items) items.push_back({{"level", i.level}, {"content", write_para(i.content)}});
    return {{"type", "list"}, {"numbered", l.numbered}, {"items", items}};
  }
  ojson operator()(const doc::Table& t) const {
    ojson header = ojson::array(), rows = ojson::array();
    for (const auto& c : t.header) header.push_back(write_para(c));
    for (const auto& r : t.rows) {
      ojson row = ojson::array();
      for (const auto& c : r) row.push_back(write_para(c));
      rows.push_back(row);
    }
    return {{"type", "table"}, {"caption", t.caption}, {"widths", t.widths}, {"header", header}, {"rows", rows}};
  }
  ojson operator()(const doc::Figure& f) const {
    ojson j{{"type", "figure"}, {"id", f.id}, {"alt", f.alt}, {"caption", f.caption},
            {"drawing", write_drawing(f.drawing)}};
    if (!f.png.empty()) j["png"] = base64(f.png);
    return j;
  }
  ojson operator()(const doc::PageBreak& b) const {
    ojson j = {{"type", "page_break"}};
    if (b.landscape) j["landscape"] = true;
    return j;
  }
  ojson operator()(const doc::Contents& c) const { return {{"type", "contents"}, {"title", c.title}}; }
};

// ---- reading ---------------------------------------------------------------

// Reads the fields of one JSON object, naming the field in every error
// ("blocks[3].rows[0][1].runs"). A missing field keeps its default; a field
// of the wrong type is an error: a layout that returns one is broken.
class Reader {
 public:
  Reader(const nlohmann::json& j, std::string where) : j_(j), where_(std::move(where)) {
    if (!j_.is_object()) fail("", "an object");
  }
  std::string str(const char* key, std::string fallback = {}) const {
    auto* v = find(key);
    if (!v) return fallback;
    if (!v->is_string()) fail(key, "a string");
    return v->get<std::string>();
  }
  double number(const char* key, double fallback) const {
    auto* v = find(key);
    if (!v) return fallback;
    if (!v->is_number()) fail(key, "a number");
    return v->get<double>();
  }
  bool boolean(const char* key) const {
    auto* v = find(key);
    if (!v) return false;
    if (!v->is_boolean()) fail(key, "true or false");
    return v->get<bool>();
  }
  const nlohmann::json& array(const char* key) const {
    static const nlohmann::json empty = nlohmann::json::array();
    auto* v = find(key);
    if (!v) return empty;
    if (!v->is_array()) fail(key, "a list");
    return *v;
  }
  const nlohmann::json* object(const char* key) const {
    auto* v = find(key);
    if (v && !v->is_object()) fail(key, "an object");
    return v;
  }
  std::string at(const char* key) const { return where_.empty() ? key : where_ + "." + key; }
  static std::string item(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }
  [[noreturn]] void fail(const std::string& key, const std::string& expected) const {
    auto where = key.empty() ? where_ : at(key.c_str());
    throw InputError("the document's '" + (where.empty() ? std::string("(top level)") : where) + "' should be " +
                         expected,
                     where);
  }

 private:
  const nlohmann::json* find(const char* key) const {
    auto it = j_.find(key);
    return it == j_.end() || it->is_null() ? nullptr : &*it;
  }
  const nlohmann::json& j_;
  std::string where_;
};

doc::Paragraph read_para(const nlohmann::json& j, const std::string& where) {
  Reader r(j, where);
  doc::Paragraph p;
  p.style = r.str("style");
  const auto& runs = r.array("runs");
  for (std::size_t i = 0; i < runs.size(); ++i) {
    Reader rr(runs[i], Reader::item(r.at("runs"), i));
    p.runs.push_back(doc::Run{rr.str("text"), rr.boolean("bold"), rr.boolean("italic"), rr.str("link")});
  }
  return p;
}

std::vector<doc::Paragraph> read_cells(const nlohmann::json& cells, const std::string& where) {
  std::vector<doc::Paragraph> out;
  if (!cells.is_array()) throw InputError("the document's '" + where + "' should be a list of cells", where);
  for (std::size_t i = 0; i < cells.size(); ++i) out.push_back(read_para(cells[i], Reader::item(where, i)));
  return out;
}

doc::Drawing read_drawing(const Reader& figure) {
  doc::Drawing d;
  const auto* dj = figure.object("drawing");
  if (!dj) return d;
  Reader r(*dj, figure.at("drawing"));
  d.width = r.number("width", 0);
  d.height = r.number("height", 0);
  const auto& ops = r.array("ops");
  for (std::size_t i = 0; i < ops.size(); ++i) {
    Reader o(ops[i], Reader::item(r.at("ops"), i));
    doc::DrawOp op;
    auto kind = o.str("kind", "rect");
    auto k = std::find(std::begin(op_kinds), std::end(op_kinds), kind);
    if (k == std::end(op_kinds)) o.fail("kind", "one of rect, rounded_rect, ellipse, polygon, bezier, text");
    op.kind = static_cast<doc::DrawOp::Kind>(k - std::begin(op_kinds));
    const auto& points = o.array("points");
    for (std::size_t p = 0; p < points.size(); ++p) {
      const auto& pt = points[p];
      if (!pt.is_array() || pt.size() != 2 || !pt[0].is_number() || !pt[1].is_number())
        o.fail(Reader::item("points", p), "[x, y]");
      op.points.push_back({pt[0].get<double>(), pt[1].get<double>()});
    }
    op.fill = o.str("fill");
    op.stroke = o.str("stroke");
    op.line_width = o.number("line_width", 1);
    op.dashed = o.boolean("dashed");
    op.arrow_end = o.boolean("arrow_end");
    op.text = o.str("text");
    op.font_size = o.number("font_size", 9);
    op.bold = o.boolean("bold");
    d.ops.push_back(std::move(op));
  }
  return d;
}

doc::Block read_block(const nlohmann::json& j, const std::string& where) {
  Reader r(j, where);
  const auto type = r.str("type");
  if (type == "heading") {
    auto level = r.number("level", 1);
    if (level != 1 && level != 2 && level != 3) r.fail("level", "1, 2 or 3");
    return doc::Heading{static_cast<int>(level), r.str("text"), r.str("id")};
  }
  if (type == "paragraph") return read_para(j, where);
  if (type == "list") {
    doc::List l;
    l.numbered = r.boolean("numbered");
    const auto& items = r.array("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
      Reader ir(items[i], Reader::item(r.at("items"), i));
      const auto* content = ir.object("content");
      auto level = ir.number("level", 0);
      if (level < 0 || level > 8) ir.fail("level", "a depth from 0 to 8");
      l.items.push_back(doc::ListItem{content ? read_para(*content, ir.at("content")) : doc::Paragraph{},
                                      static_cast<int>(level)});
    }
    return l;
  }
  if (type == "table") {
    doc::Table t;
    t.caption = r.str("caption");
    for (const auto& w : r.array("widths")) {
      if (!w.is_number()) r.fail("widths", "a list of numbers");
      t.widths.push_back(w.get<double>());
    }
    t.header = read_cells(r.array("header"), r.at("header"));
    const auto& rows = r.array("rows");
    for (std::size_t i = 0; i < rows.size(); ++i) t.rows.push_back(read_cells(rows[i], Reader::item(r.at("rows"), i)));
    return t;
  }
  if (type == "figure") {
    doc::Figure f;
    f.id = r.str("id");
    f.alt = r.str("alt");
    f.caption = r.str("caption");
    f.drawing = read_drawing(r);
    if (auto png = r.str("png"); !png.empty() && !unbase64(png, f.png)) r.fail("png", "PNG bytes in base64");
    return f;
  }
  if (type == "page_break") return doc::PageBreak{r.boolean("landscape")};
  if (type == "contents") return doc::Contents{r.str("title", "Contents")};
  r.fail("type", "one of heading, paragraph, list, table, figure, page_break, contents");
}

}  // namespace

std::string to_json(const doc::Document& d) {
  ojson blocks = ojson::array();
  for (const auto& b : d.blocks) blocks.push_back(std::visit(BlockWriter{}, b));
  ojson meta{{"title", d.meta.title},   {"subtitle", d.meta.subtitle},
             {"author", d.meta.author}, {"subject", d.meta.subject},
             {"organisation", d.meta.organisation}, {"date", d.meta.date},
             {"language", d.meta.language}, {"keywords", d.meta.keywords}};
  return ojson{{"meta", meta}, {"blocks", blocks}}.dump(2) + "\n";
}

doc::Document document_from_json(std::string_view text) {
  const auto j = detail::parse_json_or_throw(text);
  Reader top(j, "");
  doc::Document d;
  if (const auto* m = top.object("meta")) {
    Reader r(*m, "meta");
    d.meta.title = r.str("title");
    d.meta.subtitle = r.str("subtitle");
    d.meta.author = r.str("author");
    d.meta.subject = r.str("subject");
    d.meta.organisation = r.str("organisation");
    d.meta.date = r.str("date");
    d.meta.language = r.str("language", "en-GB");
    for (const auto& k : r.array("keywords")) {
      if (!k.is_string()) r.fail("keywords", "a list of strings");
      d.meta.keywords.push_back(k.get<std::string>());
    }
  }
  const auto& blocks = top.array("blocks");
  for (std::size_t i = 0; i < blocks.size(); ++i) d.blocks.push_back(read_block(blocks[i], Reader::item("blocks", i)));
  return d;
}

}  // namespace sdiag
