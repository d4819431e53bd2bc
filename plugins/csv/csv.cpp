// csv: workshop notes kept in a spreadsheet, or Miro's CSV export of stickies.
#include <map>
#include <set>
#include <unordered_map>

#include <sdiag/input_file.hpp>
#include <sdiag/atomic_file.hpp>
#include <sdiag/extra_json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/tabular/csv.hpp>
#include <sdiag/text.hpp>

#include "columns.hpp"
#include "notes_writer.hpp"

namespace {

using sdiag::Severity;
using sdiag::extra_json;
using sdiag::tabular::CsvTable;

// Cell text as a note holds it: trimmed, blank lines dropped, spaces tidied.
std::string tidy(const std::string& cell) {
  std::string out;
  for (const auto& line : sdiag::text::split(cell, '\n')) {
    auto t = sdiag::text::collapse_whitespace(line);
    if (t.empty()) continue;
    out += (out.empty() ? "" : "\n") + t;
  }
  return out;
}

std::vector<std::string> split_tags(const std::string& cell) {
  std::vector<std::string> tags;
  std::string cur;
  auto flush = [&] {
    auto t = sdiag::text::trim(cur);
    if (!t.empty()) tags.push_back(t);
    cur.clear();
  };
  for (char c : cell) {
    if (c == ',' || c == ';' || c == '|' || c == '\n') flush();
    else cur += c;
  }
  flush();
  return tags;
}

class NotesReader {
 public:
  NotesReader(const sdiag::InputFile& f, sdiag::Diagnostic& d, sdiag::Context& ctx)
      : file_(sdiag::text::display_path(f.path)), id_prefix_("csv-" + sdiag::text::slug(f.path.stem().string()) + "-"), d_(d),
        ctx_(ctx), given_(sdiag::text::without_input_sections(d.tmpl)) {
    // Sections an earlier input made are joined word for word, like this file's own.
    for (const auto& s : d_.tmpl.sections) {
      section_ids_.insert(s.id);
      if (s.made_by_input) own_sections_[sdiag::text::own_title_key(s.title)] = s.id;
    }
    if (id_prefix_ == "csv--") id_prefix_ = "csv-";
  }

  void read_headerless(const CsvTable& t) {
    for (const auto& r : t.records)
      for (std::size_t c = 0; c < r.fields.size(); ++c) {
        auto text = tidy(r.fields[c]);
        if (text.empty()) continue;
        auto ref = std::to_string(r.line) + (r.fields.size() > 1 ? "." + std::to_string(c + 1) : "");
        add(make_note(ref, text));
      }
    if (notes_)
      finding(Severity::info, "", "the file has no header row, so its " + std::to_string(notes_) +
                                      " notes have no section and go to 'unsorted'. Add a 'section' column to place them");
  }

  void read_with_header(const CsvTable& t, const sdiag::csv::Columns& cols) {
    auto col = [&](sdiag::csv::Field f) { return cols.find(f); };
    auto text_col = col(sdiag::csv::Field::text);
    if (!text_col)
      throw sdiag::InputError("the header names no column of note text; call it 'text' (or 'note', 'content')", "line 1");
    std::size_t unsorted = 0;
    for (std::size_t k = 1; k < t.records.size(); ++k) {
      const auto& r = t.records[k];
      auto cell = [&](std::optional<std::size_t> c) { return c && *c < r.fields.size() ? r.fields[*c] : std::string(); };
      auto ref = std::to_string(r.line);
      auto text = tidy(cell(text_col));
      if (text.empty()) {
        finding(Severity::warning, "line " + ref, "the row has no note text; skipped");
        continue;
      }
      auto n = make_note(ref, text);
      place(n, sdiag::text::trim(cell(col(sdiag::csv::Field::section))), sdiag::text::trim(cell(col(sdiag::csv::Field::prompt))), ref);
      unsorted += n.section == sdiag::unsorted_section;
      n.author = sdiag::text::trim(cell(col(sdiag::csv::Field::author)));
      n.colour = sdiag::text::trim(cell(col(sdiag::csv::Field::colour)));
      n.tags = split_tags(cell(col(sdiag::csv::Field::tags)));
      if (auto id = sdiag::text::trim(cell(col(sdiag::csv::Field::id))); !id.empty()) n.source.ref = id;
      // Owner and due date stay with the note for the actions analysis.
      if (auto owner = sdiag::text::trim(cell(col(sdiag::csv::Field::owner))); !owner.empty()) n.extra["owner"] = extra_json(owner);
      if (auto due = sdiag::text::trim(cell(col(sdiag::csv::Field::due))); !due.empty()) n.extra["due"] = extra_json(due);
      for (std::size_t c = 0; c < r.fields.size(); ++c) {
        auto value = sdiag::text::trim(r.fields[c]);
        if (value.empty()) continue;
        if (c >= cols.fields.size()) {
          finding(Severity::info, "line " + ref, "the row has more cells than the header; cell " + std::to_string(c + 1) +
                                                     " is kept as 'column-" + std::to_string(c + 1) + "'");
          n.extra["column-" + std::to_string(c + 1)] = extra_json(value);
        } else if (cols.fields[c] == sdiag::csv::Field::other) {
          auto key = sdiag::text::slug(cols.headers[c]);
          n.extra[key.empty() ? "column-" + std::to_string(c + 1) : key] = extra_json(value);
        }
      }
      add(std::move(n));
    }
    if (unsorted)
      finding(Severity::info, "", std::to_string(unsorted) + " notes have no section; they go to 'unsorted'");
  }

  std::size_t notes() const { return notes_; }

 private:
  void finding(Severity s, const std::string& location, const std::string& message) {
    ctx_.finding(s, file_, location, message);
  }

  sdiag::Note make_note(const std::string& ref, const std::string& text) {
    sdiag::Note n;
    n.id = id_prefix_ + ref;
    n.section = sdiag::unsorted_section;
    n.text = text;
    n.source = {file_, ctx_.plugin(), ref};
    return n;
  }

  void add(sdiag::Note n) {
    d_.notes.push_back(std::move(n));
    ++notes_;
  }

  // Section and prompt from the row's words, matched to the template.
  void place(sdiag::Note& n, const std::string& section, const std::string& prompt, const std::string& ref) {
    if (section.empty()) {
      if (!prompt.empty())
        if (auto m = title_match(prompt); m && !m->prompt.empty()) {
          n.section = m->section;
          n.prompt = m->prompt;
        }
      return;
    }
    if (auto m = title_match(section)) {
      n.section = m->section;
      n.prompt = m->prompt;
    } else {
      n.section = new_section(section, ref);
    }
    if (prompt.empty()) return;
    if (auto p = prompt_match(n.section, prompt))
      n.prompt = p->prompt;
    else if (warned_prompts_.insert(n.section + "\n" + prompt).second)
      finding(Severity::warning, "line " + ref,
              "the prompt '" + prompt + "' is not one of the section's prompts; notes with it have no prompt");
  }

  // The rows of a file repeat a few section and prompt names, and matching one
  // to the template is the costliest part of reading a row: each name is
  // matched once. Only the template as given is matched in close wording:
  // the sections made for the file's own names are not ("Team Rivers" is not
  // "Team Rovers"), and those own sections have no prompts to match.
  std::optional<sdiag::text::TemplateMatch> title_match(const std::string& title) {
    auto [it, added] = title_matches_.try_emplace(title);
    if (added) it->second = sdiag::text::match_title(given_, title);
    return it->second;
  }
  std::optional<sdiag::text::TemplateMatch> prompt_match(const std::string& section, const std::string& prompt) {
    auto [it, added] = prompt_matches_.try_emplace(section + "\n" + prompt);
    if (added) it->second = sdiag::text::match_prompt(d_.tmpl, section, prompt);
    return it->second;
  }

  // The section made for a name the template does not know: one per name,
  // compared after folding (ASCII) case and runs of whitespace, nothing more;
  // its id is the name's slug, numbered on when another section has it.
  std::string new_section(const std::string& title, const std::string& ref) {
    const auto key = sdiag::text::own_title_key(title);
    if (auto same = own_sections_.find(key); same != own_sections_.end()) return same->second;
    auto base = sdiag::text::slug(title);
    if (base.empty()) base = "section-" + std::to_string(d_.tmpl.sections.size() + 1);
    auto id = base;
    for (int n = 2; section_ids_.count(id); ++n) id = base + "-" + std::to_string(n);
    section_ids_.insert(id);
    own_sections_[key] = id;
    d_.tmpl.sections.push_back(sdiag::Section{
        .id = id, .title = title, .phase = "", .prompts = {}, .aliases = {}, .keywords = {}, .made_by_input = true});
    finding(Severity::warning, "line " + ref,
            "the section '" + title + "' matches no section of the template; kept as its own section '" + id +
                "'. Correct the name, or add it as an alias in the template, to map it");
    return id;
  }

  std::string file_;
  std::string id_prefix_;
  sdiag::Diagnostic& d_;
  sdiag::Context& ctx_;
  std::size_t notes_ = 0;
  std::set<std::string> warned_prompts_;
  const sdiag::Template given_;  ///< the template's own sections: only their titles are matched in close wording
  std::set<std::string> section_ids_;  ///< the ids taken: the template's and those made here
  std::map<std::string, std::string> own_sections_;  ///< a name the template lacks (case and spaces folded) -> its section
  std::unordered_map<std::string, std::optional<sdiag::text::TemplateMatch>> title_matches_, prompt_matches_;
};

class Csv : public sdiag::Input, public sdiag::Output {
 public:
  int sniff(const sdiag::InputFile& f) const override {
    auto ext = f.extension();
    if (ext != ".csv" && ext != ".tsv") return 0;
    auto first = f.bytes.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && (f.bytes[first] == '{' || f.bytes[first] == '[')) return 5;
    return 70;
  }

  void read(const sdiag::InputFile& f, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    auto decoded = sdiag::text::decode(f.bytes);
    const auto& text = decoded.text;
    if (text.find_first_not_of(" \t\r\n,;") == std::string::npos)
      throw sdiag::InputError("the file holds no notes; is it the right export?");
    sdiag::report_decoding(decoded, sdiag::text::display_path(f.path), ctx);
    if (text.find('\0') != std::string::npos)
      throw sdiag::InputError("the file holds binary data, not CSV text; export the notes as CSV");
    auto table = sdiag::tabular::parse_csv(text, f.extension() == ".tsv" ? std::optional<char>('\t') : std::nullopt);
    sdiag::tabular::report_problems(table, sdiag::text::display_path(f.path), ctx);

    if (table.records.empty()) throw sdiag::InputError("the file holds no notes; is it the right export?");
    NotesReader reader(f, into, ctx);
    if (auto header = sdiag::csv::header_of(table.records.front().fields))
      reader.read_with_header(table, *header);
    else
      reader.read_headerless(table);
    if (reader.notes() == 0)
      ctx.finding(Severity::warning, sdiag::text::display_path(f.path), "", "no notes were found in the file");
  }

  std::vector<std::filesystem::path> write(const sdiag::Diagnostic& d, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    auto path = ctx.output_dir() / ctx.options().str("file");
    sdiag::write_file_atomically(path, sdiag::csv::notes_csv(d));
    return {path};
  }
};

}  // namespace

SDIAG_PLUGIN(Csv, .name = "csv", .kinds = {sdiag::Kind::input, sdiag::Kind::output}, .version = "1.1.0",
             .summary = "Notes in CSV: reads Miro's sticky export (one column) or a table with section, prompt, text... "
                        "columns; writes the notes as that table (a blank one, an example row per prompt, when there are none)",
             .options = {{"file", sdiag::OptionType::path, "notes.csv", "Output file name, in the output folder"}}, .extensions = {".csv", ".tsv"},
             .sniffs = "a .csv or .tsv file; a header row (section, prompt, text, author, tags, colour, owner, due) "
                       "is used when present")
