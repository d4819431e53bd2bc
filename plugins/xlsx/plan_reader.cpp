#include "plan_reader.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include <sdiag/dates/excel.hpp>
#include <sdiag/dates/iso.hpp>
#include <sdiag/ooxml/dom.hpp>
#include <sdiag/ooxml/xml.hpp>
#include <sdiag/plugin.hpp>

#include "workbook_writer.hpp"

namespace sdiag::xlsx {

namespace dates = sdiag::dates;

namespace {

constexpr std::size_t max_formula_chars = 8192;  // Excel's own limit on a formula's text

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// The header row: the first of the top rows with an "ID" and an "Action" cell.
std::optional<std::uint32_t> find_header_row(const Cells& cells) {
  for (const auto& [row, cols] : cells) {
    if (row > 20) break;
    bool id = false, action = false;
    for (const auto& [c, cell] : cols) {
      auto* spec = find_column(cell.text);
      if (spec && spec->column == Column::id) id = true;
      if (spec && spec->column == Column::action) action = true;
    }
    if (id && action) return row;
  }
  return std::nullopt;
}

const SheetRef* find_actions_sheet(const std::vector<SheetRef>& sheets) {
  for (const auto& s : sheets)
    if (s.name == actions_sheet) return &s;
  return nullptr;
}

// The run id the writer left in docProps/custom.xml:
// <property name="sdiag run id"><vt:lpwstr>ID</vt:lpwstr></property>.
std::string run_id_of(const sdiag::ooxml::Package& package) {
  constexpr const char* part = "docProps/custom.xml";
  auto bytes = package.read(part);
  if (!bytes) return {};
  auto doc = sdiag::ooxml::parse_xml(*bytes, part);
  for (const auto* p : sdiag::ooxml::children(doc->documentElement(), "property"))
    if (sdiag::ooxml::attr(p, "name") == run_id_property) return trim(p->innerText());
  return {};
}

}  // namespace

std::string cell_text(const Cell& c) {
  if (c.type == Cell::Type::number && c.date_style)
    if (auto d = dates::excel_date(c.number)) return dates::iso(*d);
  return c.text;
}

PlanTable read_plan(std::string bytes) {
  sdiag::ooxml::Package package(std::move(bytes), "XLSX");
  sdiag::ooxml::WorkbookReader book(package);

  // The Actions sheet; failing that (a renamed sheet) the first sheet with the header row.
  Cells cells;
  std::optional<std::uint32_t> header;
  std::string sheet_name;
  const SheetRef* sheet = nullptr;
  std::vector<const SheetRef*> candidates;
  if (const auto* s = find_actions_sheet(book.sheets())) candidates.push_back(s);
  for (const auto& s : book.sheets())
    if (s.name != actions_sheet) candidates.push_back(&s);
  for (const auto* s : candidates) {
    cells = book.read_cells(*s);
    header = find_header_row(cells);
    if (header) {
      sheet_name = s->name;
      sheet = s;
      break;
    }
  }
  if (!header)
    throw sdiag::InputError("has no sheet with an \"ID\" and an \"Action\" column: is it an sdiag action plan? (the ID "
                            "column must keep its name)");

  PlanTable table;
  table.sheet = sheet_name;
  table.run_id = run_id_of(package);
  std::map<std::uint32_t, const ColumnSpec*> known;
  std::map<std::uint32_t, std::string> own;
  std::set<Column> seen;
  std::set<std::string> names;
  for (const auto& [c, cell] : cells[*header]) {
    auto name = trim(cell_text(cell));
    const auto* spec = find_column(name);
    if (spec && seen.insert(spec->column).second) {
      known[c] = spec;
      continue;
    }
    // A user's column; a repeated name gets a number so both are kept.
    std::string unique = name;
    for (int k = 2; names.count(unique); ++k) unique = name + " (" + std::to_string(k) + ")";
    names.insert(unique);
    own[c] = unique;
  }
  // Values under no header are still someone's data: name the column by its letter.
  for (const auto& [r, cols] : cells) {
    if (r <= *header) continue;
    for (const auto& [c, cell] : cols)
      if (!known.count(c) && !own.count(c)) {
        std::string name = "Column " + column_letter(static_cast<lxw_col_t>(c));
        for (int k = 2; names.count(name); ++k) name = "Column " + column_letter(static_cast<lxw_col_t>(c)) + " (" + std::to_string(k) + ")";
        names.insert(name);
        own[c] = name;
      }
  }
  for (const auto& [c, name] : own) table.user_columns.push_back(name);

  const auto notes = book.read_notes(*sheet);  // the Due cells' notes keep due dates agreed in words
  for (const auto& [r, cols] : cells) {
    if (r <= *header) continue;
    PlanRow row;
    row.sheet_row = r + 1;
    bool any = false;
    for (const auto& [c, cell] : cols) {
      const auto* spec = own.count(c) ? nullptr : known.at(c);
      if (spec && spec->column == Column::rag && cell.has_formula) continue;  // sdiag's own formula
      const std::string header = spec ? spec->header : own.at(c);
      const std::string where = header + " (" + column_letter(static_cast<lxw_col_t>(c)) + std::to_string(r + 1) + ")";
      bool formula_kept = false;
      if (cell.has_formula) {
        if (spec && spec->computed)
          row.formulas_not_kept.emplace_back(where, "holds a formula in a column sdiag fills in");
        else if (cell.formula.empty())
          row.formulas_not_kept.emplace_back(where, "is filled from a shared formula (its text is in another cell)");
        else if (cell.formula.size() > max_formula_chars)
          row.formulas_not_kept.emplace_back(where, "holds a formula longer than Excel's 8,192 characters");
        else
          formula_kept = true;
        if (formula_kept) row.formulas.emplace_back(header, cell.formula);
      }
      any = true;
      if (!cell.has_value) {  // nothing to read: the record keeps what it had
        if (formula_kept) row.unsaved.push_back(where);
        continue;
      }
      if (!spec) {
        auto text = cell_text(cell);
        if (cell.has_formula && text.empty()) continue;  // a formula with no result yet: the formula is what is kept
        bool numeric = cell.type == Cell::Type::number && !(cell.date_style && dates::excel_date(cell.number));
        row.user.push_back({header, {text, numeric}});
        continue;
      }
      if (cell.type == Cell::Type::error) {  // a formula gone wrong: keep what the record had
        row.errors.push_back(spec->header);
        continue;
      }
      auto text = trim(cell_text(cell));
      switch (spec->column) {
        case Column::id: row.id = text; break;
        case Column::action: row.text = cell_text(cell); break;
        case Column::owner: row.owner = text; break;
        case Column::due: row.due = cell; break;
        case Column::status: row.status = text; break;
        case Column::comments: row.comments = cell_text(cell); break;
        case Column::latest: row.latest = text; break;
        case Column::link: row.links = text; break;
        case Column::rag: row.rag = text; break;
      }
    }
    for (const auto& [c, spec] : known)
      if (spec->column == Column::due)
        if (auto n = notes.find(r); n != notes.end())
          if (auto note = n->second.find(c); note != n->second.end() && note->second.starts_with(due_note_prefix))
            row.due_words = trim(note->second.substr(std::string_view(due_note_prefix).size()));
    if (any) table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace sdiag::xlsx
