// diagnostic.json reading and writing with nlohmann-json.
#include <sdiag/json.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>

namespace sdiag {

using ojson = nlohmann::ordered_json;

namespace {

// ---- writing ---------------------------------------------------------------

void put_extra(ojson& j, const Extra& extra) {
  for (const auto& [k, raw] : extra) {
    if (j.contains(k)) continue;  // a known field always wins
    j[k] = ojson::parse(raw, nullptr, false);
    if (j[k].is_discarded()) j[k] = raw;
  }
}

ojson write_source_ref(const SourceRef& s) {
  return ojson{{"file", s.file}, {"plugin", s.plugin}, {"ref", s.ref}};
}

ojson write(const Template& t) {
  ojson sections = ojson::array();
  for (const auto& s : t.sections) {
    ojson prompts = ojson::array();
    for (const auto& p : s.prompts) {
      ojson pj{{"id", p.id}, {"title", p.title}};
      if (!p.aliases.empty()) pj["aliases"] = p.aliases;
      prompts.push_back(pj);
    }
    ojson sj{{"id", s.id}, {"title", s.title}, {"phase", s.phase}, {"prompts", prompts}};
    if (!s.aliases.empty()) sj["aliases"] = s.aliases;
    sections.push_back(sj);
  }
  ojson j{{"id", t.id}};
  if (!t.title.empty()) j["title"] = t.title;
  j["sections"] = sections;
  return j;
}

ojson write_meta(const Diagnostic& d) {
  ojson meta{{"title", d.meta.title},           {"organisation", d.meta.organisation},
             {"service", d.meta.service},       {"date", d.meta.date},
             {"facilitator", d.meta.facilitator}, {"template", d.meta.template_id}};
  ojson sources = ojson::array();
  for (const auto& s : d.meta.sources)
    sources.push_back({{"path", s.path}, {"kind", s.kind}, {"sha256", s.sha256}, {"plugin", s.plugin}});
  meta["sources"] = sources;
  put_extra(meta, d.meta.extra);
  return meta;
}

ojson write(const Person& p) {
  ojson pj{{"id", p.id},     {"name", p.name},  {"role", p.role}, {"team", p.team},
           {"business_area", p.business_area}, {"present", p.present}, {"sections", p.sections}};
  put_extra(pj, p.extra);
  return pj;
}

ojson write(const Note& n) {
  ojson nj{{"id", n.id},         {"section", n.section}, {"prompt", n.prompt}, {"text", n.text},
           {"author", n.author}, {"colour", n.colour},   {"tags", n.tags}};
  if (n.position) nj["position"] = {{"x", n.position->x}, {"y", n.position->y}, {"frame", n.position->frame}};
  else nj["position"] = nullptr;
  nj["source"] = write_source_ref(n.source);
  if (!n.duplicate_of.empty()) nj["duplicate_of"] = n.duplicate_of;
  put_extra(nj, n.extra);
  return nj;
}

ojson write(const SystemMap& map) {
  ojson nodes = ojson::array(), edges = ojson::array();
  for (const auto& n : map.nodes) {
    ojson nj{{"id", n.id}, {"label", n.label}, {"function", n.function},
             {"business_area", n.business_area}, {"capacity", n.capacity}, {"source", n.source}};
    put_extra(nj, n.extra);
    nodes.push_back(nj);
  }
  for (const auto& e : map.edges) {
    ojson ej{{"from", e.from}, {"to", e.to}, {"label", e.label}, {"pain_point", e.pain_point}};
    put_extra(ej, e.extra);
    edges.push_back(ej);
  }
  return {{"nodes", nodes}, {"edges", edges}};
}

ojson write(const Theme& t) {
  ojson tj{{"id", t.id},         {"label", t.label},   {"keywords", t.keywords},
           {"note_ids", t.note_ids}, {"origin", t.origin}, {"confidence", t.confidence},
           {"example_note_id", t.example_note_id}};
  put_extra(tj, t.extra);
  return tj;
}

ojson write(const Goal& g) {
  ojson gj{{"id", g.id}, {"kind", g.kind}, {"text", g.text}, {"theme_ids", g.theme_ids}, {"note_id", g.note_id}};
  put_extra(gj, g.extra);
  return gj;
}

ojson write(const Action& a) {
  ojson updates = ojson::array();
  for (const auto& u : a.updates)
    updates.push_back({{"date", u.date}, {"status", u.status}, {"comment", u.comment}, {"by", u.by}});
  ojson aj{{"id", a.id},         {"text", a.text},         {"owner", a.owner},
           {"due", a.due},       {"due_text", a.due_text}, {"status", a.status},
           {"note_id", a.note_id}, {"theme_ids", a.theme_ids}, {"goal_ids", a.goal_ids},
           {"updates", updates}, {"source", write_source_ref(a.source)}};
  put_extra(aj, a.extra);
  return aj;
}

ojson write(const Finding& f) {
  return {{"severity", to_string(f.severity)}, {"plugin", f.plugin},
          {"source", f.source}, {"location", f.location}, {"message", f.message}};
}

// diagnostic.json is written a piece at a time, in the layout nlohmann's
// dump(2) gives: made whole, the document of a large board took several
// times the memory of its text (+93 MiB for 15,000 notes, beside the PDF).
class DiagnosticText {
 public:
  /// `value` as dump(2) writes it when nested `depth` levels deep. Dumped
  /// text has line breaks only between tokens (strings escape theirs).
  void value(const ojson& v, int depth) {
    const std::string text = v.dump(2), pad(2 * static_cast<std::size_t>(depth), ' ');
    std::size_t from = 0;
    for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
      out_.append(text, from, nl + 1 - from);
      out_ += pad;
    }
    out_.append(text, from);
  }
  /// A member of the top-level object.
  void key(const std::string& k) {
    out_ += written_.empty() ? "{\n  " : ",\n  ";
    written_.insert(k);
    out_ += ojson(k).dump() + ": ";
  }
  bool written(const std::string& k) const { return written_.count(k) > 0; }
  /// An array at depth 1, made one element at a time.
  template <typename T>
  void array(const std::vector<T>& items) {
    if (items.empty()) {
      out_ += "[]";
      return;
    }
    out_ += "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
      out_ += i ? ",\n    " : "\n    ";
      value(write(items[i]), 2);
    }
    out_ += "\n  ]";
  }
  std::string finish() {
    out_ += written_.empty() ? "{}\n" : "\n}\n";
    return std::move(out_);
  }

 private:
  std::string out_;
  std::set<std::string> written_;  // the top-level keys so far
};

// ---- reading ---------------------------------------------------------------

// Reads one JSON object, field by field, remembering which fields it knew so
// the rest can be kept in `extra` and reported.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& j, std::string path, std::vector<Finding>& warnings)
      : j_(j), path_(std::move(path)), warnings_(warnings) {
    if (!j_.is_object()) fail("", "an object");
  }

  std::string str(const char* key) {
    known_.push_back(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();  // ids written as numbers by other tools
    fail(key, "a string");
  }
  double number(const char* key) {
    known_.push_back(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return 0;
    if (!it->is_number()) fail(key, "a number");
    return it->get<double>();
  }
  bool boolean(const char* key, bool fallback) {
    known_.push_back(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return fallback;
    if (!it->is_boolean()) fail(key, "true or false");
    return it->get<bool>();
  }
  std::vector<std::string> strings(const char* key) {
    known_.push_back(key);
    std::vector<std::string> out;
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return out;
    if (!it->is_array()) fail(key, "a list of strings");
    for (const auto& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
      else if (v.is_number()) out.push_back(v.dump());
      else fail(key, "a list of strings");
    }
    return out;
  }
  const nlohmann::json* array(const char* key) {
    known_.push_back(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return nullptr;
    if (!it->is_array()) fail(key, "a list");
    return &*it;
  }
  const nlohmann::json* object(const char* key) {
    known_.push_back(key);
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return nullptr;
    if (!it->is_object()) fail(key, "an object");
    return &*it;
  }
  std::string child(const char* key) const { return path_.empty() ? key : path_ + "." + key; }
  std::string item(const char* key, std::size_t i) const { return child(key) + "[" + std::to_string(i) + "]"; }

  /// Fields not read, kept as raw JSON and reported once each.
  Extra extra() {
    Extra out;
    for (auto it = j_.begin(); it != j_.end(); ++it) {
      if (std::find(known_.begin(), known_.end(), it.key()) != known_.end()) continue;
      out[it.key()] = it->dump();
      warnings_.push_back(Finding{Severity::info, "json", "", child(it.key().c_str()),
                                  "unknown field '" + it.key() + "' kept as it is"});
    }
    return out;
  }

  [[noreturn]] void fail(const std::string& key, const char* expected) const {
    auto where = key.empty() ? path_ : child(key.c_str());
    throw InputError("'" + (where.empty() ? std::string("(top level)") : where) + "' should be " + expected, where);
  }

 private:
  const nlohmann::json& j_;
  std::string path_;
  std::vector<Finding>& warnings_;
  std::vector<std::string> known_;
};

template <typename F>
void each(ObjectReader& r, const char* key, std::vector<Finding>& w, F&& f) {
  if (auto* arr = r.array(key)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      ObjectReader item((*arr)[i], r.item(key, i), w);
      f(item);
    }
  }
}

SourceRef read_source_ref(ObjectReader& parent, std::vector<Finding>& w) {
  SourceRef s;
  if (auto* o = parent.object("source")) {
    ObjectReader r(*o, parent.child("source"), w);
    s.file = r.str("file");
    s.plugin = r.str("plugin");
    s.ref = r.str("ref");
    r.extra();
  }
  return s;
}

Template read_template(ObjectReader& r, std::vector<Finding>& w) {
  Template t;
  t.id = r.str("id");
  t.title = r.str("title");
  each(r, "sections", w, [&](ObjectReader& s) {
    Section sec;
    sec.id = s.str("id");
    sec.title = s.str("title");
    sec.phase = s.str("phase");
    sec.aliases = s.strings("aliases");
    each(s, "prompts", w, [&](ObjectReader& p) {
      Prompt pr;
      pr.id = p.str("id");
      pr.title = p.str("title");
      pr.aliases = p.strings("aliases");
      p.extra();
      sec.prompts.push_back(std::move(pr));
    });
    s.extra();
    t.sections.push_back(std::move(sec));
  });
  r.extra();
  return t;
}

nlohmann::json parse_or_throw(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  limits::check_json_depth(text);
  try {
    return nlohmann::json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the offset of the error; turn it into a line number.
    std::size_t line = 1;
    for (std::size_t i = 0; i < e.byte && i < text.size(); ++i)
      if (text[i] == '\n') ++line;
    std::string msg = e.what();
    auto pos = msg.find("parse error");
    throw InputError("not valid JSON: " + (pos == std::string::npos ? msg : msg.substr(pos)),
                     "line " + std::to_string(line));
  }
}

}  // namespace

std::string to_json(const Diagnostic& d) {
  DiagnosticText out;
  out.key("schema");
  out.value(d.schema, 1);
  out.key("meta");
  out.value(write_meta(d), 1);
  out.key("template");
  out.value(write(d.tmpl), 1);
  out.key("people");
  out.array(d.people);
  out.key("notes");
  out.array(d.notes);
  out.key("system_map");
  out.value(write(d.system_map), 1);
  out.key("themes");
  out.array(d.themes);
  out.key("goals");
  out.array(d.goals);
  out.key("actions");
  out.array(d.actions);
  out.key("narrative");
  ojson narrative = ojson::object();
  for (const auto& [k, v] : d.narrative) narrative[k] = v;
  out.value(narrative, 1);
  out.key("findings");
  out.array(d.findings);
  // Fields other tools added at the top level, kept as they came (a known field wins).
  ojson extra = ojson::object();
  put_extra(extra, d.extra);
  for (auto it = extra.begin(); it != extra.end(); ++it)
    if (!out.written(it.key())) {
      out.key(it.key());
      out.value(*it, 1);
    }
  return out.finish();
}

Template template_from_json(std::string_view text) {
  std::vector<Finding> ignored;
  auto j = parse_or_throw(text);
  ObjectReader r(j, "", ignored);
  auto t = read_template(r, ignored);
  if (t.id.empty()) throw InputError("a workshop template needs an 'id'");
  for (const auto& s : t.sections)
    if (s.id.empty()) throw InputError("every section of template '" + t.id + "' needs an 'id'");
  return t;
}

Diagnostic diagnostic_from_json(std::string_view text, std::vector<Finding>& w) {
  auto j = parse_or_throw(text);
  ObjectReader r(j, "", w);
  Diagnostic d;
  d.schema = r.str("schema");
  if (d.schema.rfind("sdiag/", 0) != 0)
    throw InputError("not a diagnostic.json: 'schema' is '" + d.schema + "', expected 'sdiag/1'", "schema");
  if (d.schema != "sdiag/1")
    throw InputError("diagnostic.json schema '" + d.schema + "' is newer than this sdiag reads (sdiag/1)", "schema");

  if (auto* m = r.object("meta")) {
    ObjectReader mr(*m, "meta", w);
    d.meta.title = mr.str("title");
    d.meta.organisation = mr.str("organisation");
    d.meta.service = mr.str("service");
    d.meta.date = mr.str("date");
    d.meta.facilitator = mr.str("facilitator");
    d.meta.template_id = mr.str("template");
    each(mr, "sources", w, [&](ObjectReader& s) {
      d.meta.sources.push_back({s.str("path"), s.str("kind"), s.str("sha256"), s.str("plugin")});
      s.extra();
    });
    d.meta.extra = mr.extra();
  }
  if (auto* t = r.object("template")) {
    ObjectReader tr(*t, "template", w);
    d.tmpl = read_template(tr, w);
  }
  each(r, "people", w, [&](ObjectReader& p) {
    Person x;
    x.id = p.str("id");
    x.name = p.str("name");
    x.role = p.str("role");
    x.team = p.str("team");
    x.business_area = p.str("business_area");
    x.present = p.boolean("present", true);
    x.sections = p.strings("sections");
    x.extra = p.extra();
    d.people.push_back(std::move(x));
  });
  each(r, "notes", w, [&](ObjectReader& n) {
    Note x;
    x.id = n.str("id");
    x.section = n.str("section");
    x.prompt = n.str("prompt");
    x.text = n.str("text");
    x.author = n.str("author");
    x.colour = n.str("colour");
    x.tags = n.strings("tags");
    if (auto* pos = n.object("position")) {
      ObjectReader pr(*pos, n.child("position"), w);
      x.position = Position{pr.number("x"), pr.number("y"), pr.str("frame")};
      pr.extra();
    }
    x.source = read_source_ref(n, w);
    x.duplicate_of = n.str("duplicate_of");
    x.extra = n.extra();
    d.notes.push_back(std::move(x));
  });
  if (auto* sm = r.object("system_map")) {
    ObjectReader mr(*sm, "system_map", w);
    each(mr, "nodes", w, [&](ObjectReader& n) {
      MapNode x;
      x.id = n.str("id");
      x.label = n.str("label");
      x.function = n.str("function");
      x.business_area = n.str("business_area");
      x.capacity = n.str("capacity");
      x.source = n.str("source");
      x.extra = n.extra();
      d.system_map.nodes.push_back(std::move(x));
    });
    each(mr, "edges", w, [&](ObjectReader& e) {
      MapEdge x;
      x.from = e.str("from");
      x.to = e.str("to");
      x.label = e.str("label");
      x.pain_point = e.boolean("pain_point", false);
      x.extra = e.extra();
      d.system_map.edges.push_back(std::move(x));
    });
    mr.extra();
  }
  each(r, "themes", w, [&](ObjectReader& t) {
    Theme x;
    x.id = t.str("id");
    x.label = t.str("label");
    x.keywords = t.strings("keywords");
    x.note_ids = t.strings("note_ids");
    x.origin = t.str("origin");
    x.confidence = t.number("confidence");
    x.example_note_id = t.str("example_note_id");
    x.extra = t.extra();
    d.themes.push_back(std::move(x));
  });
  each(r, "goals", w, [&](ObjectReader& g) {
    Goal x;
    x.id = g.str("id");
    x.kind = g.str("kind");
    x.text = g.str("text");
    x.theme_ids = g.strings("theme_ids");
    x.note_id = g.str("note_id");
    x.extra = g.extra();
    d.goals.push_back(std::move(x));
  });
  each(r, "actions", w, [&](ObjectReader& a) {
    Action x;
    x.id = a.str("id");
    x.text = a.str("text");
    x.owner = a.str("owner");
    x.due = a.str("due");
    x.due_text = a.str("due_text");
    x.status = a.str("status");
    if (x.status.empty()) x.status = "not started";
    x.note_id = a.str("note_id");
    x.theme_ids = a.strings("theme_ids");
    x.goal_ids = a.strings("goal_ids");
    each(a, "updates", w, [&](ObjectReader& u) {
      x.updates.push_back({u.str("date"), u.str("status"), u.str("comment"), u.str("by")});
      u.extra();
    });
    x.source = read_source_ref(a, w);
    x.extra = a.extra();
    d.actions.push_back(std::move(x));
  });
  if (auto* nar = r.object("narrative")) {
    for (auto it = nar->begin(); it != nar->end(); ++it) {
      if (!it->is_string()) throw InputError("'narrative." + it.key() + "' should be a string", "narrative." + it.key());
      d.narrative[it.key()] = it->get<std::string>();
    }
  }
  each(r, "findings", w, [&](ObjectReader& f) {
    Finding x;
    auto sev = f.str("severity");
    x.severity = severity_from_string(sev).value_or(Severity::warning);
    x.plugin = f.str("plugin");
    x.source = f.str("source");
    x.location = f.str("location");
    x.message = f.str("message");
    f.extra();
    d.findings.push_back(std::move(x));
  });
  d.extra = r.extra();
  return d;
}

// ---- Document as JSON ------------------------------------------------------

namespace {

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

struct BlockWriter {
  ojson operator()(const doc::Heading& h) const {
    return {{"type", "heading"}, {"level", h.level}, {"text", h.text}, {"id", h.id}};
  }
  ojson operator()(const doc::Paragraph& p) const {
    auto j = write_para(p);
    j["type"] = "paragraph";
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
    return {{"type", "figure"},          {"id", f.id},
            {"alt", f.alt},              {"caption", f.caption},
            {"png_bytes", f.png.size()}, {"drawing_ops", f.drawing.ops.size()},
            {"width", f.drawing.width},  {"height", f.drawing.height}};
  }
  ojson operator()(const doc::PageBreak&) const { return {{"type", "page_break"}}; }
  ojson operator()(const doc::Contents& c) const { return {{"type", "contents"}, {"title", c.title}}; }
};

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

}  // namespace sdiag
