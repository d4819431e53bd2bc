// diagnostic.json reading and writing with nlohmann-json.
#include <sdiag/json.hpp>

#include <concepts>
#include <ostream>
#include <set>
#include <sstream>
#include <type_traits>

#include <nlohmann/json.hpp>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "json_parse.hpp"

namespace sdiag {

using ojson = nlohmann::ordered_json;

namespace {

// ---- the fields of each model type, described once ------------------------
// `describe(visit, x)` names x's plain fields in the order diagnostic.json
// writes them; the writer and the reader both walk it, so the two cannot
// drift apart. Nested objects and special cases are handled beside it.

template <typename V, typename T> void describe(V&& v, T& s) requires std::same_as<std::remove_const_t<T>, Source> {
  v("path", s.path); v("kind", s.kind); v("sha256", s.sha256); v("plugin", s.plugin);
}
template <typename V, typename T> void describe(V&& v, T& s) requires std::same_as<std::remove_const_t<T>, SourceRef> {
  v("file", s.file); v("plugin", s.plugin); v("ref", s.ref);
}
/// A prompt's and a section's plain fields; prompts, aliases and keywords (written only when there are some) follow.
template <typename V, typename T> void describe(V&& v, T& p) requires std::same_as<std::remove_const_t<T>, Prompt> {
  v("id", p.id); v("title", p.title);
}
template <typename V, typename T> void describe(V&& v, T& s) requires std::same_as<std::remove_const_t<T>, Section> {
  v("id", s.id); v("title", s.title); v("phase", s.phase);
}
template <typename V, typename T> void describe(V&& v, T& p) requires std::same_as<std::remove_const_t<T>, Person> {
  v("id", p.id); v("name", p.name); v("role", p.role); v("team", p.team);
  v("business_area", p.business_area); v("present", p.present); v("sections", p.sections);
  v("short_forms", p.short_forms);
}
/// A note's plain fields; position, source and duplicate_of follow them.
template <typename V, typename T> void describe(V&& v, T& n) requires std::same_as<std::remove_const_t<T>, Note> {
  v("id", n.id); v("section", n.section); v("prompt", n.prompt); v("text", n.text);
  v("author", n.author); v("colour", n.colour); v("tags", n.tags);
}
template <typename V, typename T> void describe(V&& v, T& n) requires std::same_as<std::remove_const_t<T>, MapNode> {
  v("id", n.id); v("label", n.label); v("function", n.function);
  v("business_area", n.business_area); v("capacity", n.capacity); v("source", n.source);
}
template <typename V, typename T> void describe(V&& v, T& e) requires std::same_as<std::remove_const_t<T>, MapEdge> {
  v("from", e.from); v("to", e.to); v("label", e.label); v("pain_point", e.pain_point);
}
template <typename V, typename T> void describe(V&& v, T& t) requires std::same_as<std::remove_const_t<T>, Theme> {
  v("id", t.id); v("label", t.label); v("keywords", t.keywords); v("note_ids", t.note_ids);
  v("origin", t.origin); v("confidence", t.confidence); v("example_note_id", t.example_note_id);
}
template <typename V, typename T> void describe(V&& v, T& g) requires std::same_as<std::remove_const_t<T>, Goal> {
  v("id", g.id); v("kind", g.kind); v("text", g.text); v("theme_ids", g.theme_ids); v("note_id", g.note_id);
}
template <typename V, typename T> void describe(V&& v, T& u) requires std::same_as<std::remove_const_t<T>, ActionUpdate> {
  v("date", u.date); v("status", u.status); v("comment", u.comment); v("by", u.by);
}
/// An action's plain fields; updates and source follow them.
template <typename V, typename T> void describe(V&& v, T& a) requires std::same_as<std::remove_const_t<T>, Action> {
  v("id", a.id); v("text", a.text); v("owner", a.owner); v("due", a.due); v("due_text", a.due_text);
  v("status", a.status); v("note_id", a.note_id); v("theme_ids", a.theme_ids); v("goal_ids", a.goal_ids);
}

// ---- writing ---------------------------------------------------------------

void put_extra(ojson& j, const Extra& extra) {
  for (const auto& [k, raw] : extra) {
    if (j.contains(k)) continue;  // a known field always wins
    j[k] = ojson::parse(raw, nullptr, false);
    if (j[k].is_discarded()) j[k] = raw;
  }
}

/// The described fields of `x`, in order.
template <typename T>
ojson fields_of(const T& x) {
  ojson j = ojson::object();
  describe([&](const char* key, const auto& value) { j[key] = value; }, x);
  return j;
}

/// The described fields of `x`, then the fields other tools added.
template <typename T>
ojson write(const T& x) requires requires { x.extra; } {
  ojson j = fields_of(x);
  put_extra(j, x.extra);
  return j;
}

ojson write(const Template& t) {
  ojson sections = ojson::array();
  for (const auto& s : t.sections) {
    ojson prompts = ojson::array();
    for (const auto& p : s.prompts) {
      ojson pj = fields_of(p);
      if (!p.aliases.empty()) pj["aliases"] = p.aliases;
      if (!p.keywords.empty()) pj["keywords"] = p.keywords;
      prompts.push_back(pj);
    }
    ojson sj = fields_of(s);
    sj["prompts"] = prompts;
    if (!s.aliases.empty()) sj["aliases"] = s.aliases;
    if (!s.keywords.empty()) sj["keywords"] = s.keywords;
    if (s.made_by_input) sj["made_by_input"] = true;
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
  for (const auto& s : d.meta.sources) sources.push_back(fields_of(s));
  meta["sources"] = sources;
  put_extra(meta, d.meta.extra);
  return meta;
}

ojson write(const Note& n) {
  ojson nj = fields_of(n);
  if (n.position) nj["position"] = {{"x", n.position->x}, {"y", n.position->y}, {"frame", n.position->frame}};
  else nj["position"] = nullptr;
  nj["source"] = fields_of(n.source);
  if (!n.duplicate_of.empty()) nj["duplicate_of"] = n.duplicate_of;
  put_extra(nj, n.extra);
  return nj;
}

ojson write(const SystemMap& map) {
  ojson nodes = ojson::array(), edges = ojson::array();
  for (const auto& n : map.nodes) nodes.push_back(write(n));
  for (const auto& e : map.edges) edges.push_back(write(e));
  return {{"nodes", nodes}, {"edges", edges}};
}

ojson write(const Action& a) {
  ojson aj = fields_of(a);
  ojson updates = ojson::array();
  for (const auto& u : a.updates) updates.push_back(fields_of(u));
  aj["updates"] = updates;
  aj["source"] = fields_of(a.source);
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
  explicit DiagnosticText(std::ostream& out) : out_(out) {}
  /// `value` as dump(2) writes it when nested `depth` levels deep. Dumped
  /// text has line breaks only between tokens (strings escape theirs).
  void value(const ojson& v, int depth) {
    const std::string text = v.dump(2), pad(2 * static_cast<std::size_t>(depth), ' ');
    std::size_t from = 0;
    for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
      out_.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
      out_ << pad;
    }
    out_.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
  }
  /// A member of the top-level object.
  void key(const std::string& k) {
    out_ << (written_.empty() ? "{\n  " : ",\n  ");
    written_.insert(k);
    out_ << ojson(k).dump() << ": ";
  }
  bool written(const std::string& k) const { return written_.count(k) > 0; }
  /// A member of the top-level object.
  void member(const std::string& k, const ojson& v) {
    key(k);
    value(v, 1);
  }
  /// A member of the top-level object holding an array, made one element at a time.
  template <typename T>
  void list(const std::string& k, const std::vector<T>& items) {
    key(k);
    if (items.empty()) {
      out_ << "[]";
      return;
    }
    out_ << "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
      out_ << (i ? ",\n    " : "\n    ");
      value(write(items[i]), 2);
    }
    out_ << "\n  ]";
  }
  void finish() { out_ << (written_.empty() ? "{}\n" : "\n}\n"); }

 private:
  std::ostream& out_;
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

/// Reads the described fields of `x`; a missing one keeps x's default.
template <typename T>
void read_fields(ObjectReader& r, T& x) {
  describe(
      [&](const char* key, auto& value) {
        using V = std::remove_reference_t<decltype(value)>;
        if constexpr (std::is_same_v<V, std::string>) value = r.str(key);
        else if constexpr (std::is_same_v<V, std::vector<std::string>>) value = r.strings(key);
        else if constexpr (std::is_same_v<V, double>) value = r.number(key);
        else value = r.boolean(key, value);
      },
      x);
}

/// An object of the described fields, the rest kept in its `extra`.
template <typename T>
T read_object(ObjectReader& r) {
  T x;
  read_fields(r, x);
  x.extra = r.extra();
  return x;
}

SourceRef read_source_ref(ObjectReader& parent, std::vector<Finding>& w) {
  SourceRef s;
  if (auto* o = parent.object("source")) {
    ObjectReader r(*o, parent.child("source"), w);
    read_fields(r, s);
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
    read_fields(s, sec);
    sec.aliases = s.strings("aliases");
    sec.keywords = s.strings("keywords");
    sec.made_by_input = s.boolean("made_by_input", false);
    each(s, "prompts", w, [&](ObjectReader& p) {
      Prompt pr;
      read_fields(p, pr);
      pr.aliases = p.strings("aliases");
      pr.keywords = p.strings("keywords");
      p.extra();
      sec.prompts.push_back(std::move(pr));
    });
    s.extra();
    t.sections.push_back(std::move(sec));
  });
  r.extra();
  return t;
}

}  // namespace

nlohmann::json detail::parse_json_or_throw(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  limits::check_json_depth(text);
  try {
    return nlohmann::json::parse(text.begin(), text.end(), nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the offset of the error; turn it into a line number.
    std::size_t line = 1;
    for (std::size_t i = 0; i < e.byte && i < text.size(); ++i)
      if (text[i] == '\n') ++line;
    throw InputError("not valid JSON: " + text::json_error_text(e), "line " + std::to_string(line));
  } catch (const nlohmann::json::out_of_range& e) {
    // A number too large for a double (1e400) is not a parse_error to nlohmann,
    // and its message has no position: say what it is, as every other fault.
    std::string msg = e.what();
    auto pos = msg.find("number overflow");
    throw InputError("not valid JSON: " + (pos == std::string::npos ? msg : msg.substr(pos)) +
                     "; numbers must fit a double");
  }
}

std::string to_json(const Diagnostic& d) {
  std::ostringstream text;
  write_json(d, text);
  return std::move(text).str();
}

void write_json(const Diagnostic& d, std::ostream& to) {
  DiagnosticText out(to);
  ojson narrative = ojson::object();
  for (const auto& [k, v] : d.narrative) narrative[k] = v;
  out.member("schema", d.schema);
  out.member("meta", write_meta(d));
  out.member("template", write(d.tmpl));
  out.list("people", d.people);
  out.list("notes", d.notes);
  out.member("system_map", write(d.system_map));
  out.list("themes", d.themes);
  out.list("goals", d.goals);
  out.list("actions", d.actions);
  out.member("narrative", narrative);
  out.list("findings", d.findings);
  // Fields other tools added at the top level, kept as they came (a known field wins).
  ojson extra = ojson::object();
  put_extra(extra, d.extra);
  for (auto it = extra.begin(); it != extra.end(); ++it)
    if (!out.written(it.key())) out.member(it.key(), *it);
  out.finish();
}

std::string to_json(const Template& t) { return write(t).dump(2) + "\n"; }

Template template_from_json(std::string_view text) {
  std::vector<Finding> ignored;
  auto j = detail::parse_json_or_throw(text);
  ObjectReader r(j, "", ignored);
  auto t = read_template(r, ignored);
  if (t.id.empty()) throw InputError("a workshop template needs an 'id'");
  for (const auto& s : t.sections)
    if (s.id.empty()) throw InputError("every section of template '" + t.id + "' needs an 'id'");
  return t;
}

Diagnostic diagnostic_from_json(std::string_view text, std::vector<Finding>& w) {
  auto j = detail::parse_json_or_throw(text);
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
      read_fields(s, d.meta.sources.emplace_back());
      s.extra();
    });
    d.meta.extra = mr.extra();
  }
  if (auto* t = r.object("template")) {
    ObjectReader tr(*t, "template", w);
    d.tmpl = read_template(tr, w);
  }
  each(r, "people", w, [&](ObjectReader& p) { d.people.push_back(read_object<Person>(p)); });
  each(r, "notes", w, [&](ObjectReader& n) {
    Note x;
    read_fields(n, x);
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
    each(mr, "nodes", w, [&](ObjectReader& n) { d.system_map.nodes.push_back(read_object<MapNode>(n)); });
    each(mr, "edges", w, [&](ObjectReader& e) { d.system_map.edges.push_back(read_object<MapEdge>(e)); });
    mr.extra();
  }
  each(r, "themes", w, [&](ObjectReader& t) { d.themes.push_back(read_object<Theme>(t)); });
  each(r, "goals", w, [&](ObjectReader& g) { d.goals.push_back(read_object<Goal>(g)); });
  each(r, "actions", w, [&](ObjectReader& a) {
    Action x;
    read_fields(a, x);
    if (x.status.empty()) x.status = "not started";
    each(a, "updates", w, [&](ObjectReader& u) {
      read_fields(u, x.updates.emplace_back());
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

}  // namespace sdiag
