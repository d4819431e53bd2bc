#include "xlsx_table.hpp"

#include <map>

#include <sdiag/plugin.hpp>

#include "safe_package.hpp"
#include "xml_walk.hpp"

namespace forms {

namespace {

/// All <t> text under `n`, skipping phonetic runs (<rPh>) that Excel adds for East Asian text.
void collect_text(const Poco::XML::Node* n, std::string& out) {
  for (auto* e : xml::children(n)) {
    if (e->localName() == "rPh") continue;
    if (e->localName() == "t") out += e->innerText();
    else collect_text(e, out);
  }
}

std::vector<std::string> shared_strings(const Package& pkg) {
  std::vector<std::string> out;
  auto doc = pkg.xml("xl/sharedStrings.xml");
  if (!doc) return out;
  for (auto* si : xml::children(doc->documentElement(), "si")) {
    std::string s;
    collect_text(si, s);
    out.push_back(std::move(s));
  }
  return out;
}

/// The part of the workbook's first sheet, from workbook.xml and its relationships.
std::string first_sheet_part(const Package& pkg) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  auto wb = pkg.xml("xl/workbook.xml");
  if (!wb) throw sdiag::InputError("this XLSX has no workbook part (xl/workbook.xml); it is not an Excel workbook");
  auto* sheets = xml::child(wb->documentElement(), "sheets");
  auto list = xml::children(sheets, "sheet");
  if (list.empty()) return fallback;
  std::string rid = xml::attr(list.front(), "id");
  auto rels = pkg.xml("xl/_rels/workbook.xml.rels");
  if (!rels) return fallback;
  for (auto* r : xml::children(rels->documentElement(), "Relationship")) {
    if (xml::attr(r, "Id") != rid) continue;
    std::string target = xml::attr(r, "Target");
    if (!target.empty() && target.front() == '/') return target.substr(1);
    return "xl/" + target;
  }
  return fallback;
}

/// "BC12" -> column 54 (0-based); -1 when the reference is not a cell.
int column_of(const std::string& ref) {
  int col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) return -1;
  }
  return i == 0 ? -1 : col - 1;
}

}  // namespace

Table read_xlsx_first_sheet(const std::string& bytes) {
  Package pkg(bytes, "XLSX");
  auto strings = shared_strings(pkg);
  auto part = first_sheet_part(pkg);
  auto sheet = pkg.xml(part);
  if (!sheet) throw sdiag::InputError("the workbook's first sheet (" + part + ") is missing; the file is damaged");
  auto* data = xml::child(sheet->documentElement(), "sheetData");

  Table t;
  bool header_done = false;
  int next_row = 1;
  for (auto* row : xml::children(data, "row")) {
    int number = next_row;
    if (auto r = xml::attr(row, "r"); !r.empty()) {
      try { number = std::stoi(r); } catch (...) {}
    }
    next_row = number + 1;
    std::vector<std::string> cells;
    std::vector<int> numeric;
    int next_col = 0;
    for (auto* c : xml::children(row, "c")) {
      int col = next_col;
      if (auto ref = xml::attr(c, "r"); !ref.empty()) col = column_of(ref);
      if (col < 0) {
        t.problems.push_back("row " + std::to_string(number) + ": a cell with the reference '" + xml::attr(c, "r") +
                             "' was skipped");
        continue;
      }
      next_col = col + 1;
      std::string type = xml::attr(c, "t");
      std::string value;
      auto* v = xml::child(c, "v");
      if (type == "inlineStr") collect_text(xml::child(c, "is"), value);
      else if (v) value = v->innerText();
      if (type == "s") {
        std::size_t idx = 0;
        try { idx = std::stoul(value); } catch (...) { idx = strings.size(); }
        if (idx >= strings.size()) {
          t.problems.push_back("row " + std::to_string(number) + ": a cell points at a shared string that does not exist");
          value.clear();
        } else {
          value = strings[idx];
        }
      } else if (type == "b") {
        value = value == "1" ? "TRUE" : "FALSE";
      }
      if (static_cast<std::size_t>(col) >= cells.size()) {
        cells.resize(col + 1);
        numeric.resize(col + 1);
      }
      cells[col] = std::move(value);
      numeric[col] = (type.empty() || type == "n") && v ? 1 : 0;
    }
    if (!header_done) {
      t.header = std::move(cells);
      header_done = true;
      continue;
    }
    t.rows.push_back(Table::Row{number, std::move(cells), std::move(numeric)});
  }
  return t;
}

}  // namespace forms
