// form-responses: online survey answers (Google Forms CSV, Microsoft Forms
// XLSX) as notes, one respondent per row, each question mapped to the
// workshop template by its wording or by the "map" option.
#include <algorithm>
#include <set>

#include <sdiag/input_file.hpp>
#include <sdiag/extra_json.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/tabular/csv.hpp>
#include <sdiag/tabular/redact.hpp>
#include <sdiag/text.hpp>

#include "columns.hpp"
#include "csv_table.hpp"
#include "timestamps.hpp"
#include "xlsx_table.hpp"

namespace {

namespace text = sdiag::text;
using sdiag::form_responses::Column;
using sdiag::form_responses::ColumnKind;
using sdiag::extra_json;
using sdiag::tabular::is_email;
using sdiag::tabular::redact_emails;

/// Checkbox answers are joined with ';' and no space ("Excel;Power BI;");
/// free text with "; " or line breaks is one answer, kept whole.
std::vector<std::string> split_choices(const std::string& answer) {
  bool choice_list = answer.find(';') != std::string::npos && answer.find('\n') == std::string::npos;
  for (std::size_t i = answer.find(';'); choice_list && i != std::string::npos; i = answer.find(';', i + 1))
    if (i + 1 < answer.size() && answer[i + 1] == ' ') choice_list = false;
  if (!choice_list) return {answer};
  std::vector<std::string> out;
  for (auto& part : text::split(answer, ';'))
    if (!text::trim(part).empty()) out.push_back(text::trim(part));
  return out;
}

class FormResponses : public sdiag::Input {
 public:
  int sniff(const sdiag::InputFile& f) const override {
    auto ext = f.extension();
    if (ext == ".xlsx") {
      // Microsoft Forms' own column names sit in the shared strings; read only those.
      try {
        // Tighter limits than a read's: a sniff looks at two parts only.
        sdiag::ooxml::Package pkg(f.bytes, "XLSX", sdiag::ooxml::PackageLimits{500, 8u << 20, 32u << 20, 200});
        // Excel keeps them in the shared strings; other writers inline them in the sheet.
        for (const char* part : {"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"}) {
          auto strings = pkg.read(part);
          if (strings && strings->find("Completion time") != std::string::npos &&
              strings->find("Start time") != std::string::npos)
            return 90;
        }
      } catch (...) {
      }
      return 0;
    }
    if (ext != ".csv" && ext != ".tsv" && ext != ".txt") return 0;
    auto head = text::to_utf8(std::string_view(f.bytes).substr(0, 2048));
    auto first_line = head.substr(0, head.find_first_of("\r\n"));
    if (text::starts_with_ci(first_line, "\"Timestamp\"") || text::starts_with_ci(first_line, "Timestamp,")) return 90;
    if (first_line.find("Completion time") != std::string::npos && first_line.find("Start time") != std::string::npos)
      return 90;
    return 0;
  }

  void read(const sdiag::InputFile& f, sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    const std::string path = text::display_path(f.path);
    bool xlsx = sdiag::ooxml::looks_like_zip(f.bytes);
    sdiag::form_responses::Table table;
    if (xlsx) {
      table = sdiag::form_responses::read_xlsx_first_sheet(f.bytes);
    } else {
      if (f.extension() == ".xlsx")
        throw sdiag::InputError("this is not an XLSX file: it is not a zip package. Download the responses "
                                "from Microsoft Forms again with 'Open in Excel'");
      auto decoded = text::decode(f.bytes);
      sdiag::report_decoding(decoded, path, ctx);
      table = read_csv_responses(decoded.text, path, ctx);
    }
    for (const auto& p : table.problems) ctx.finding(sdiag::Severity::warning, path, "", p);
    if (table.header.empty()) throw sdiag::InputError("the file has no header row, so no questions could be read", "row 1");

    auto columns = sdiag::form_responses::classify_columns(table.header);
    map_questions(columns, d.tmpl, path, ctx);
    report_columns(columns, path, ctx);

    std::size_t before = d.notes.size();
    for (const auto& row : table.rows) read_row(row, columns, xlsx, d, path, ctx);
    if (d.notes.size() == before)
      ctx.finding(sdiag::Severity::warning, path, "", "no answers were found in this file; is it the right export?");
  }

 private:
  /// The CSV's responses; each stray quote the reader met is a warning at its
  /// line (libs/tabular's one policy: the rows after it are still rows).
  static sdiag::form_responses::Table read_csv_responses(const std::string& utf8, const std::string& path, sdiag::Context& ctx) {
    auto csv = sdiag::tabular::parse_csv(utf8);
    sdiag::tabular::report_problems(csv, path, ctx);
    return sdiag::form_responses::responses_from_csv(std::move(csv));
  }

  void map_questions(std::vector<Column>& columns, const sdiag::Template& t, const std::string& path,
                     sdiag::Context& ctx) {
    std::vector<std::string> bad;
    auto mapping = sdiag::form_responses::parse_mapping(ctx.options().str("map"), bad);
    for (const auto& b : bad)
      ctx.finding(sdiag::Severity::warning, "", "map", "the mapping '" + b +
                  "' has no '='; write it as QUESTION=section or Q3=section/prompt");
    std::set<std::string> used;
    for (auto& c : columns) {
      if (c.kind != ColumnKind::question) continue;
      std::string target;
      for (const auto& [key, value] : mapping) {
        if (key == "Q" + std::to_string(c.number) || key == "q" + std::to_string(c.number) ||
            text::normalise_title(key) == text::normalise_title(c.title)) {
          target = value;
          used.insert(key);
        }
      }
      if (!target.empty()) {
        auto slash = target.find('/');
        std::string section = target.substr(0, slash);
        std::string prompt = slash == std::string::npos ? "" : target.substr(slash + 1);
        const auto* s = t.find_section(section);
        bool prompt_ok = prompt.empty() || (s && std::any_of(s->prompts.begin(), s->prompts.end(),
                                                              [&](const auto& p) { return p.id == prompt; }));
        if (s && prompt_ok) {
          c.section = section;
          c.prompt = prompt;
          c.mapped_by_option = true;
          continue;
        }
        ctx.finding(sdiag::Severity::warning, "", "map", "'" + target + "' (for question " + std::to_string(c.number) +
                    ") is not a section or section/prompt of the template " + t.id + "; matching the question instead");
      }
      // Microsoft Forms keeps line breaks in long questions: try the whole, then each line.
      std::optional<sdiag::text::TemplateMatch> best = text::match_title(t, c.title);
      for (const auto& line : text::split(c.raw_title, '\n'))
        if (auto m = text::match_title(t, line); m && (!best || m->score > best->score)) best = m;
      if (auto m = best) {
        c.section = m->section;
        c.prompt = m->prompt;
      }
    }
    for (const auto& [key, value] : mapping)
      if (!used.count(key))
        ctx.finding(sdiag::Severity::warning, path, "map", "the mapping for '" + key +
                    "' matches no question in this file; use Q1, Q2... or the question's exact wording");
  }

  void report_columns(const std::vector<Column>& columns, const std::string& path, sdiag::Context& ctx) {
    for (const auto& c : columns) {
      if (c.kind == ColumnKind::email)
        ctx.finding(sdiag::Severity::info, path, c.title, "the column '" + c.title +
                    "' holds e-mail addresses; sdiag never copies them, so it was not read");
      else if (c.kind == ColumnKind::scoring)
        ctx.finding(sdiag::Severity::info, path, c.title, "the quiz column '" + c.title + "' was not read");
      else if (c.kind == ColumnKind::question && c.section.empty())
        ctx.finding(sdiag::Severity::warning, path, "Q" + std::to_string(c.number),
                    "the question '" + c.title + "' does not match a template section, so its answers are kept as "
                    "unsorted notes; map it with --set " + ctx.plugin() + ".map=\"Q" + std::to_string(c.number) +
                    "=key_issues/pain_points\" (any section or section/prompt id)");
    }
  }

  void read_row(const sdiag::form_responses::Table::Row& row, const std::vector<Column>& columns, bool xlsx, sdiag::Diagnostic& d,
                const std::string& path, sdiag::Context& ctx) {
    auto cell = [&](std::size_t i) { return i < row.cells.size() ? row.cells[i] : std::string(); };
    const std::string where = "row " + std::to_string(row.number);
    std::string name, role, team, submitted, respondent;
    bool redacted = false;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto& c = columns[i];
      auto value = text::collapse_whitespace(cell(i));
      if (value.empty()) continue;
      switch (c.kind) {
        case ColumnKind::name: name = redact_emails(value, &redacted); break;
        case ColumnKind::role: role = redact_emails(value, &redacted); break;
        case ColumnKind::team: team = redact_emails(value, &redacted); break;
        case ColumnKind::respondent_id: respondent = value; break;
        case ColumnKind::timestamp:
          if (!submitted.empty()) break;  // the first time column (Timestamp, Start time) is kept
          if (auto iso = timestamp(value, xlsx && i < row.numeric.size() && row.numeric[i])) submitted = *iso;
          else ctx.finding(sdiag::Severity::warning, path, where + ", " + c.title, "the time '" + value +
                           "' could not be read; the answers are kept without it");
          break;
        default: break;
      }
    }
    if (is_email(name) || text::normalise_title(name) == "anonymous") name.clear();
    if (redacted) ctx.finding(sdiag::Severity::info, path, where, "an e-mail address was removed from the respondent's details");
    std::string author = !name.empty() ? name : role;
    if (!name.empty() || !role.empty()) add_person(d, name, role, team, path, where);

    for (std::size_t i = 0; i < columns.size(); ++i) {
      const auto& c = columns[i];
      if (c.kind != ColumnKind::question) continue;
      auto answer = text::trim(cell(i));
      if (answer.empty()) continue;
      auto parts = split_choices(answer);
      for (std::size_t k = 0; k < parts.size(); ++k) {
        bool removed = false;
        sdiag::Note n;
        n.id = "form-r" + std::to_string(row.number) + "-q" + std::to_string(c.number) +
               (parts.size() > 1 ? "-" + std::to_string(k + 1) : "");
        n.section = c.section.empty() ? sdiag::unsorted_section : c.section;
        n.prompt = c.prompt;
        n.text = redact_emails(text::collapse_whitespace(parts[k]), &removed);
        n.author = author;
        n.source = {path, ctx.plugin(), where + ", " + c.title};
        if (!submitted.empty()) n.extra["submitted"] = extra_json(submitted);
        if (!respondent.empty()) n.extra["respondent"] = extra_json(respondent);
        if (c.section.empty()) n.extra["question"] = extra_json(c.title);
        if (removed)
          ctx.finding(sdiag::Severity::info, path, n.source.ref, "an e-mail address was removed from this answer");
        d.notes.push_back(std::move(n));
      }
    }
  }

  static std::optional<std::string> timestamp(const std::string& value, bool numeric) {
    if (numeric) {
      try {
        return sdiag::form_responses::excel_serial_to_iso(std::stod(value));
      } catch (...) {
        return std::nullopt;
      }
    }
    return sdiag::form_responses::parse_timestamp(value);
  }

  void add_person(sdiag::Diagnostic& d, const std::string& name, const std::string& role, const std::string& team,
                  const std::string& path, const std::string& where) {
    for (auto& p : d.people) {
      // The same person answering twice, or already listed by another input.
      if (!name.empty() && text::lower(p.name) == text::lower(name)) {
        if (p.role.empty()) p.role = role;
        if (p.team.empty()) p.team = team;
        return;
      }
    }
    sdiag::Person p;
    p.id = "form-p" + std::to_string(d.people.size() + 1);
    p.name = name;
    p.role = role;
    p.team = team;
    p.extra["source"] = extra_json(path + ", " + where);
    d.people.push_back(std::move(p));
  }
};

}  // namespace

SDIAG_PLUGIN(FormResponses, .name = "form-responses", .kinds = {sdiag::Kind::input}, .version = "1.0.0",
             .summary = "Online form answers (Google Forms CSV, Microsoft Forms XLSX): one note per answer, "
                        "questions mapped to the workshop template",
             .options = {{"map", sdiag::OptionType::string, "",
                          "Where questions go, for those whose wording does not name a section: "
                          "\"Q3=key_issues/pain_points;What should change?=actions\" (Qn = nth question column)"}},
             .extensions = {".csv", ".xlsx"},
             .sniffs = "a Google Forms CSV (first column Timestamp) or a Microsoft Forms XLSX/CSV "
                       "(Start time and Completion time columns)")
