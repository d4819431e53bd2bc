#include "markdown_reader.hpp"

#include <memory>
#include <optional>
#include <set>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <sdiag/input_file.hpp>
#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>
#include <sdiag/extra_json.hpp>
#include <sdiag/tabular/people_table.hpp>
#include <sdiag/tabular/redact.hpp>
#include <sdiag/text.hpp>

#include "front_matter.hpp"

namespace sdiag::markdown {

namespace {

namespace tabular = sdiag::tabular;
namespace text = sdiag::text;

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

std::string type_of(cmark_node* n) {
  const char* t = cmark_node_get_type_string(n);
  return t ? t : "";
}

void collect_text(cmark_node* n, std::string& out) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      if (const char* l = cmark_node_get_literal(n)) out += l;
      return;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      out += ' ';
      return;
    default:
      break;
  }
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    collect_text(c, out);
    if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) out += ' ';
  }
}

/// The plain text of a node (inline markup dropped), on one line.
std::string plain(cmark_node* n) {
  std::string out;
  collect_text(n, out);
  return text::collapse_whitespace(out);
}

// Report commentary the layout looks for under these narrative keys
// (checked before the template, so "Next steps" is commentary, not actions).
std::optional<std::string> commentary_key(std::string_view heading) {
  static const std::pair<const char*, const char*> keys[] = {
      {"system overview", "system_overview"},
      {"overview of the system", "system_overview"},
      {"what currently works well", "works_well"},
      {"what works well", "works_well"},
      {"where are the key issues", "key_issues"},
      {"next steps", "next_steps"},
      {"contributors", "contributors"},
      {"who took part", "contributors"},
  };
  auto norm = text::normalise_title(heading);
  for (const auto& [title, key] : keys)
    if (norm == text::normalise_title(title)) return std::string(key);
  return std::nullopt;
}

/// Where the content under a heading goes.
struct Scope {
  int level = 0;
  std::string heading;
  int line = 0;
  std::string narrative_key;  ///< "" = content is not commentary
  std::string section;        ///< "" = not a template section
  std::string prompt;
  bool people = false;        ///< a table here lists contributors
  bool document_title = false;
  bool known() const { return !narrative_key.empty() || !section.empty(); }
};

class Reader {
 public:
  Reader(const sdiag::InputFile& file, sdiag::Diagnostic& d, sdiag::Context& ctx)
      : file_(file), d_(d), ctx_(ctx), path_(text::display_path(file.path)) {}

  void run() {
    auto decoded = text::decode(file_.bytes);
    sdiag::report_decoding(decoded, path_, ctx_);
    std::string source = std::move(decoded.text);
    auto fm = take_front_matter(source);
    apply_front_matter(fm);
    split_lines(source);

    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS));
    cmark_gfm_core_extensions_ensure_registered();
    if (auto* table = cmark_find_syntax_extension("table")) cmark_parser_attach_syntax_extension(parser.get(), table);
    cmark_parser_feed(parser.get(), source.data(), source.size());
    std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
    if (!doc) throw sdiag::InputError("the Markdown could not be parsed");

    for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) block(n);
    if (redacted_)
      ctx_.finding(sdiag::Severity::info, path_, "", std::to_string(redacted_) +
                   " e-mail address(es) were removed; sdiag never copies e-mail addresses into a report");
  }

 private:
  // ---- front matter
  void apply_front_matter(const FrontMatter& fm) {
    auto where = [&](const std::string& key) { return "line " + std::to_string(fm.lines.at(key)); };
    for (const auto& [key, raw] : fm.fields) {
      std::string value = clean(raw);
      if (value.empty()) continue;
      if (key == "title") set_meta(d_.meta.title, value, key, where(key));
      else if (key == "organisation" || key == "organization" || key == "council" || key == "local authority")
        set_meta(d_.meta.organisation, value, "organisation", where(key));
      else if (key == "service") set_meta(d_.meta.service, value, key, where(key));
      else if (key == "facilitator" || key == "facilitators") set_meta(d_.meta.facilitator, value, "facilitator", where(key));
      else if (key == "date") {
        if (auto date = sdiag::dates::parse_uk_date(value)) {
          if (d_.meta.date.empty()) d_.meta.extra["date_source"] = sdiag::extra_json("front matter");
          set_meta(d_.meta.date, sdiag::dates::iso(*date), key, where(key));
        } else
          ctx_.finding(sdiag::Severity::warning, path_, where(key), "the date '" + value +
                       "' is not a date sdiag can read; write it as 2025-03-12 or 12 March 2025");
      } else
        ctx_.finding(sdiag::Severity::info, path_, where(key), "front matter field '" + key +
                     "' is not used (known: title, organisation, service, date, facilitator)");
    }
  }

  void set_meta(std::string& field, const std::string& value, const std::string& name, const std::string& where) {
    if (field.empty()) field = value;
    else if (field != value)
      ctx_.finding(sdiag::Severity::info, path_, where, "the " + name + " '" + value + "' differs from '" + field +
                   "' given by an earlier input; the earlier one is kept");
  }

  // ---- blocks
  void block(cmark_node* n) {
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING) return heading(n);
    if (type == CMARK_NODE_THEMATIC_BREAK) return;
    const Scope& s = scope();
    if (type == CMARK_NODE_LIST) {
      if (!s.section.empty() || !s.known()) return list(n, s);
      return add_narrative(s.narrative_key, n);
    }
    if (type_of(n) == "table") {
      if (s.people) return people_table(n);
      if (s.known()) return add_narrative(s.narrative_key.empty() ? s.section : s.narrative_key, n);
      return table_rows_as_notes(n, s);
    }
    if (s.known()) return add_narrative(s.narrative_key.empty() ? s.section : s.narrative_key, n);
    if (scopes_.empty()) return add_narrative("introduction", n);
    add_note(s, plain(n), line_of(n));  // text under a heading that names nothing: kept as an unsorted note
  }

  void heading(cmark_node* n) {
    int level = cmark_node_get_heading_level(n);
    std::string title = plain(n);
    while (!scopes_.empty() && scopes_.back().level >= level) scopes_.pop_back();
    Scope s{level, title, line_of(n)};
    const Scope* parent = scopes_.empty() ? nullptr : &scopes_.back();
    if (auto key = commentary_key(title)) {
      s.narrative_key = *key;
      s.people = *key == "contributors";
    } else if (auto pm = parent && !parent->section.empty() ? text::match_prompt(d_.tmpl, parent->section, title)
                                                            : std::nullopt) {
      s.section = pm->section;
      s.prompt = pm->prompt;
      s.narrative_key = pm->section;
    } else if (auto m = text::match_title(d_.tmpl, title)) {
      s.section = m->section;
      s.prompt = m->prompt;
      s.narrative_key = m->section;
      s.people = m->section == "involvement" && m->prompt.empty();
    } else if (level == 1 && !seen_title_) {
      // The write-up's own title: its text is an introduction.
      seen_title_ = true;
      if (d_.meta.title.empty()) d_.meta.title = clean(title);
      s.narrative_key = "introduction";
      s.document_title = true;
    } else if (parent && parent->known() && !parent->document_title) {
      ctx_.finding(sdiag::Severity::info, path_, "line " + std::to_string(s.line), "the heading '" + title +
                   "' does not name a template section or prompt; what follows is kept under '" + parent->heading + "'");
      s.narrative_key = parent->narrative_key;
      s.section = parent->section;
      s.prompt = parent->prompt;
      s.people = parent->people;
    } else {
      ctx_.finding(sdiag::Severity::warning, path_, "line " + std::to_string(s.line), "the heading '" + title +
                   "' does not name a template section or prompt; its notes are kept as unsorted. Rename the "
                   "heading to a section title (e.g. 'Where the big pain points are') to file them");
    }
    if (level == 1) seen_title_ = true;
    scopes_.push_back(std::move(s));
  }

  void list(cmark_node* list_node, const Scope& s) {
    for (cmark_node* item = cmark_node_first_child(list_node); item; item = cmark_node_next(item)) {
      std::string item_text;
      for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
        if (cmark_node_get_type(c) == CMARK_NODE_LIST) list(c, s);  // nested items are notes of their own
        else item_text += (item_text.empty() ? "" : " ") + plain(c);
      }
      add_note(s, item_text, line_of(item));
    }
  }

  void add_note(const Scope& s, const std::string& raw, int line) {
    std::string t = clean(raw);
    if (t.empty()) return;
    sdiag::Note note;
    note.id = "md-" + std::to_string(line);
    note.section = s.section.empty() ? sdiag::unsorted_section : s.section;
    note.prompt = s.prompt;
    note.text = std::move(t);
    note.source = {path_, ctx_.plugin(), "line " + std::to_string(line)};
    if (!s.heading.empty()) note.extra["heading"] = sdiag::extra_json(s.heading);
    d_.notes.push_back(std::move(note));
  }

  void add_narrative(const std::string& key, cmark_node* n) {
    std::string md = clean_keep_lines(source_of(n));
    if (text::trim(md).empty()) return;
    auto& slot = d_.narrative[key];
    if (!slot.empty()) slot += "\n\n";
    slot += md;
  }

  // ---- tables
  std::vector<std::vector<std::string>> table_cells(cmark_node* table) {
    std::vector<std::vector<std::string>> rows;
    for (cmark_node* r = cmark_node_first_child(table); r; r = cmark_node_next(r)) {
      std::vector<std::string> row;
      for (cmark_node* c = cmark_node_first_child(r); c; c = cmark_node_next(c)) row.push_back(plain(c));
      rows.push_back(std::move(row));
    }
    return rows;
  }

  void people_table(cmark_node* table) {
    auto rows = table_cells(table);
    if (rows.empty()) return;
    std::vector<std::string> header = rows.front();
    rows.erase(rows.begin());
    int first_line = line_of(table) + 2;  // header row, then the --- row
    auto people = tabular::people_from_table(header, rows, "md-p" + std::to_string(line_of(table)) + "-",
                                             [&](std::size_t r, const std::string& msg) {
                                               ctx_.finding(sdiag::Severity::warning, path_,
                                                            "line " + std::to_string(first_line + static_cast<int>(r)), msg);
                                             });
    d_.people.insert(d_.people.end(), people.begin(), people.end());
  }

  void table_rows_as_notes(cmark_node* table, const Scope& s) {
    int line = line_of(table);
    auto rows = table_cells(table);
    for (std::size_t r = 1; r < rows.size(); ++r) {
      std::string joined;
      for (const auto& c : rows[r])
        if (!c.empty()) joined += (joined.empty() ? "" : "; ") + c;
      add_note(s, joined, line + 1 + static_cast<int>(r));
    }
  }

  // ---- helpers
  const Scope& scope() const {
    static const Scope none;
    return scopes_.empty() ? none : scopes_.back();
  }

  static int line_of(cmark_node* n) { return cmark_node_get_start_line(n); }

  void split_lines(const std::string& source) {
    std::size_t pos = 0;
    while (pos <= source.size()) {
      auto end = source.find('\n', pos);
      if (end == std::string::npos) end = source.size();
      std::string l = source.substr(pos, end - pos);
      if (!l.empty() && l.back() == '\r') l.pop_back();
      lines_.push_back(std::move(l));
      pos = end + 1;
    }
  }

  /// The block as the author wrote it (its source lines), for narrative.
  std::string source_of(cmark_node* n) const {
    int from = cmark_node_get_start_line(n), to = cmark_node_get_end_line(n);
    std::string out;
    for (int i = from; i <= to && i >= 1 && static_cast<std::size_t>(i) <= lines_.size(); ++i)
      out += (out.empty() ? "" : "\n") + lines_[i - 1];
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  }

  std::string clean(const std::string& s) {
    bool removed = false;
    auto out = tabular::redact_emails(text::collapse_whitespace(s), &removed);
    redacted_ += removed;
    return out;
  }
  std::string clean_keep_lines(const std::string& s) {
    bool removed = false;
    auto out = tabular::redact_emails(s, &removed);
    redacted_ += removed;
    return out;
  }

  const sdiag::InputFile& file_;
  sdiag::Diagnostic& d_;
  sdiag::Context& ctx_;
  std::string path_;
  std::vector<std::string> lines_;
  std::vector<Scope> scopes_;
  bool seen_title_ = false;
  int redacted_ = 0;
};

}  // namespace

int sniff_markdown(const sdiag::InputFile& file) {
  auto ext = file.extension();
  if (ext == ".md" || ext == ".markdown") return 90;
  if (ext != ".txt" && !ext.empty()) return 0;
  auto head = std::string_view(file.bytes).substr(0, 256);
  if (head.starts_with("---\n") || head.starts_with("---\r\n") || head.starts_with("# ")) return 30;
  return 0;
}

void read_markdown(const sdiag::InputFile& file, sdiag::Diagnostic& into, sdiag::Context& ctx) {
  Reader(file, into, ctx).run();
}

}  // namespace sdiag::markdown
