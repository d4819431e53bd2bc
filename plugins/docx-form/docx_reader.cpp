#include "docx_reader.hpp"

#include <map>
#include <optional>
#include <set>

#include <sdiag/ooxml/dom.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/render/word_styles.hpp>
#include <sdiag/tabular/people_table.hpp>
#include <sdiag/tabular/redact.hpp>
#include <sdiag/text.hpp>

namespace sdiag::docx_form {

namespace {

namespace tabular = sdiag::tabular;
namespace text = sdiag::text;
namespace ooxml = sdiag::ooxml;
using Poco::XML::Element;

/// Heading level of each paragraph style (1..3, 0 for Title), from the styles part's root.
std::map<std::string, int> heading_styles(const Element* styles) {
  std::map<std::string, int> levels;
  for (auto* s : ooxml::children(styles, "style")) {
    std::string id = ooxml::attr(s, "styleId");
    std::string name = text::lower(ooxml::attr(ooxml::child(s, "name"), "val"));
    if (name == "title") levels[id] = 0;
    else if (name.starts_with("heading ") && name.size() == 9 && name[8] >= '1' && name[8] <= '9') levels[id] = name[8] - '0';
    else if (auto* ol = ooxml::child(ooxml::child(s, "pPr"), "outlineLvl")) levels[id] = std::atoi(ooxml::attr(ol, "val").c_str()) + 1;
  }
  return levels;
}

/// Ids of the blank form's guidance style; LibreOffice may rename the id but keeps the name.
std::set<std::string> guidance_styles(const Element* styles) {
  std::set<std::string> ids{"FormGuidance"};
  for (auto* s : ooxml::children(styles, "style"))
    if (ooxml::attr(ooxml::child(s, "name"), "val") == sdiag::render::form_style::guidance.name)
      ids.insert(ooxml::attr(s, "styleId"));
  return ids;
}

struct Target {
  std::string section, prompt;
  bool people = false;
  std::string label;  ///< heading or tag, for findings
};

class Reader {
 public:
  Reader(const sdiag::InputFile& f, sdiag::Diagnostic& d, sdiag::Context& ctx)
      : d_(d), ctx_(ctx), path_(text::display_path(f.path)), pkg_(f.bytes, "DOCX") {}

  void run() {
    auto doc = pkg_.xml("word/document.xml");
    if (!doc) throw sdiag::InputError("this zip has no word/document.xml, so it is not a Word document; save it as .docx");
    Element* root = nullptr;
    try {
      root = ooxml::root_element(doc, "word/document.xml", "document", ooxml::wordprocessingml);
    } catch (const sdiag::InputError& e) {
      throw sdiag::InputError(std::string(e.what()) + "; the file is not a Word document: open it in Word and save it "
                              "as a Word Document (.docx)", e.location());
    }
    const auto styles = pkg_.xml("word/styles.xml");
    const Element* styles_root = nullptr;
    if (styles) {
      try {
        styles_root = ooxml::root_element(styles, "word/styles.xml", "styles", ooxml::wordprocessingml);
      } catch (const sdiag::InputError& e) {
        // The text is in the main part: read it, with headings known by their built-in style names only.
        ctx_.finding(sdiag::Severity::warning, path_, "word/styles.xml",
                     std::string(e.what()) + "; its styles were not read, so headings are recognised by the "
                     "built-in names (Heading1, Title) only. Save the file again from Word to keep its own heading styles");
      }
    }
    styles_ = heading_styles(styles_root);
    guidance_ = guidance_styles(styles_root);
    auto* body = ooxml::child(root, "body");
    if (!body) throw sdiag::InputError("the document has no body; the file is damaged");
    blocks(body, nullptr);
    if (redacted_)
      ctx_.finding(sdiag::Severity::info, path_, "", std::to_string(redacted_) + " e-mail address(es) were removed");
  }

 private:
  void blocks(const Poco::XML::Node* parent, const Target* control) {
    for (auto* e : ooxml::children(parent)) {
      const std::string& name = e->localName();
      if (name == "p") paragraph(e, control);
      else if (name == "tbl") table(e, control);
      else if (name == "sdt") content_control(e, control);
      else if (name == "customXml" || name == "smartTag") blocks(e, control);
    }
  }

  void content_control(Element* sdt, const Target* outer) {
    auto* pr = ooxml::child(sdt, "sdtPr");
    auto* content = ooxml::child(sdt, "sdtContent");
    if (ooxml::child(pr, "showingPlcHdr")) return;  // never filled in
    auto t = control_target(pr);
    blocks(content, t ? &*t : outer);
  }

  /// LibreOffice keeps a control's alias but drops its tag: either names the section.
  std::optional<Target> control_target(Element* pr) {
    std::string tag = ooxml::attr(ooxml::child(pr, "tag"), "val");
    std::string alias = ooxml::attr(ooxml::child(pr, "alias"), "val");
    if (tag.empty() && alias.empty()) return std::nullopt;
    return resolve_tag(tag.empty() ? alias : tag, alias);
  }

  Target resolve_tag(const std::string& tag, const std::string& alias) {
    Target t{.label = tag};
    auto slash = tag.find('/');
    std::string section = tag.substr(0, slash), prompt = slash == std::string::npos ? "" : tag.substr(slash + 1);
    if (tag == "contributors") { t.people = true; t.section = "involvement"; return t; }
    if (const auto* s = d_.tmpl.find_section(section)) {
      t.section = s->id;
      for (const auto& p : s->prompts) if (p.id == prompt) t.prompt = p.id;
      t.people = s->id == "involvement" && t.prompt.empty();
      return t;
    }
    for (const auto& s : d_.tmpl.sections)  // a prompt id alone
      for (const auto& p : s.prompts)
        if (p.id == tag) { t.section = s.id; t.prompt = p.id; return t; }
    if (auto m = text::match_title(d_.tmpl, alias.empty() ? tag : alias)) { t.section = m->section; t.prompt = m->prompt; return t; }
    ctx_.finding(sdiag::Severity::warning, path_, "control " + tag, "the content control tagged '" + tag +
                 "' names no section of the template; its text is kept as unsorted notes");
    return t;
  }

  /// Paragraph text: runs, tabs and breaks; placeholder controls inside it skipped.
  void collect(const Poco::XML::Node* n, std::string& out) {
    for (auto* e : ooxml::children(n)) {
      const std::string& name = e->localName();
      if (name == "t") out += e->innerText();
      else if (name == "tab" || name == "br" || name == "cr") out += ' ';
      else if (name == "sdt" && ooxml::child(ooxml::child(e, "sdtPr"), "showingPlcHdr")) continue;
      else if (name == "pPr" || name == "rPr" || name == "instrText" || name == "delText") continue;
      else collect(e, out);
    }
  }

  int heading_level(Element* p) {
    auto* ppr = ooxml::child(p, "pPr");
    if (auto* ol = ooxml::child(ppr, "outlineLvl")) return std::atoi(ooxml::attr(ol, "val").c_str()) + 1;
    std::string style = ooxml::attr(ooxml::child(ppr, "pStyle"), "val");
    if (auto it = styles_.find(style); it != styles_.end()) return it->second;
    if (style == "Title") return 0;
    if (style.size() == 8 && style.starts_with("Heading") && style[7] >= '1' && style[7] <= '9') return style[7] - '0';
    return -1;
  }

  void paragraph(Element* p, const Target* control) {
    ++paragraphs_;
    std::string raw;
    collect(p, raw);
    std::string t = text::collapse_whitespace(raw);
    if (t.empty() || t == placeholder_text) return;
    if (guidance_.count(ooxml::attr(ooxml::child(ooxml::child(p, "pPr"), "pStyle"), "val"))) return;  // the form's instructions
    std::optional<Target> inline_control;
    if (!control)  // a control inside the paragraph (how LibreOffice saves them) files the whole paragraph
      for (auto* sdt : ooxml::children(p, "sdt"))
        if (auto* pr = ooxml::child(sdt, "sdtPr"); pr && !ooxml::child(pr, "showingPlcHdr"))
          if ((inline_control = control_target(pr))) break;
    if (inline_control) control = &*inline_control;
    int level = control ? -1 : heading_level(p);
    if (level == 0) {
      if (d_.meta.title.empty() && t != form_title) d_.meta.title = clean(t);
      return;
    }
    if (level > 0) return heading(t, level);
    const Target& target = control ? *control : current_;
    add_note(target, t, control ? "control " + control->label + ", paragraph " + std::to_string(paragraphs_)
                                : "paragraph " + std::to_string(paragraphs_));
  }

  void heading(const std::string& title, int level) {
    auto n = text::normalise_title(title);
    Target t{.label = title};
    if (n == "contributors" || n == "who took part") {
      t.people = true;
    } else if (auto pm = level > 1 && !section_.section.empty() ? text::match_prompt(d_.tmpl, section_.section, title)
                                                                 : std::nullopt) {
      t.section = pm->section;
      t.prompt = pm->prompt;
    } else if (auto m = text::match_title(d_.tmpl, title)) {
      t.section = m->section;
      t.prompt = m->prompt;
      t.people = m->section == "involvement" && m->prompt.empty();
    } else if (level > 1 && !section_.section.empty()) {
      t = section_;  // an unknown sub-heading stays in its section
      ctx_.finding(sdiag::Severity::info, path_, "paragraph " + std::to_string(paragraphs_), "the heading '" + title +
                   "' names no prompt; what follows is kept under '" + section_.label + "'");
    } else {
      ctx_.finding(sdiag::Severity::warning, path_, "paragraph " + std::to_string(paragraphs_), "the heading '" + title +
                   "' names no template section; the notes under it are kept as unsorted");
    }
    if (level == 1 || t.prompt.empty()) section_ = t;
    current_ = t;
  }

  void table(Element* tbl, const Target* control) {
    std::vector<std::vector<std::string>> rows;
    for (auto* tr : ooxml::children(tbl, "tr")) {
      std::vector<std::string> row;
      for (auto* tc : ooxml::children(tr, "tc")) {
        std::string cell;
        for (auto* p : ooxml::children(tc, "p")) {
          std::string s;
          collect(p, s);
          cell += (cell.empty() ? "" : " ") + s;
        }
        row.push_back(text::collapse_whitespace(cell));
      }
      rows.push_back(std::move(row));
    }
    if (rows.empty()) return;
    const Target& target = control ? *control : current_;
    auto header = rows.front();
    if (target.people || tabular::people_columns(header).name >= 0) {
      rows.erase(rows.begin());
      auto people = tabular::people_from_table(header, rows, "docx-p" + std::to_string(++tables_) + "-",
                                               [&](std::size_t r, const std::string& msg) {
                                                 ctx_.finding(sdiag::Severity::warning, path_,
                                                              "table " + std::to_string(tables_) + ", row " + std::to_string(r + 2), msg);
                                               });
      d_.people.insert(d_.people.end(), people.begin(), people.end());
      return;
    }
    ++tables_;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string joined;
      for (const auto& c : rows[r]) if (!c.empty()) joined += (joined.empty() ? "" : "; ") + c;
      if (!joined.empty()) add_note(target, joined, "table " + std::to_string(tables_) + ", row " + std::to_string(r + 1));
    }
  }

  void add_note(const Target& t, const std::string& s, const std::string& ref) {
    sdiag::Note n;
    n.id = "docx-" + std::to_string(d_.notes.size() + 1);
    n.section = t.section.empty() ? sdiag::unsorted_section : t.section;
    n.prompt = t.prompt;
    n.text = clean(s);
    n.source = {path_, ctx_.plugin(), ref};
    d_.notes.push_back(std::move(n));
  }

  std::string clean(const std::string& s) {
    bool removed = false;
    auto out = tabular::redact_emails(s, &removed);
    redacted_ += removed;
    return out;
  }

  sdiag::Diagnostic& d_;
  sdiag::Context& ctx_;
  std::string path_;
  ooxml::Package pkg_;
  std::map<std::string, int> styles_;
  std::set<std::string> guidance_;
  Target section_, current_;
  int paragraphs_ = 0, tables_ = 0, redacted_ = 0;
};

}  // namespace

void read_docx(const sdiag::InputFile& file, sdiag::Diagnostic& into, sdiag::Context& ctx) {
  Reader(file, into, ctx).run();
}

}  // namespace sdiag::docx_form
