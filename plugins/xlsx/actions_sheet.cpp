#include "actions_sheet.hpp"

#include <map>
#include <optional>

#include <sdiag/ooxml/workbook.hpp>
#include <sdiag/dates/excel.hpp>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>

#include "plan_layout.hpp"

namespace sdiag::xlsx {

namespace dates = sdiag::dates;

namespace {

// The RAG cell formula: table references, so rows people add get it too.
std::string rag_formula() {
  const std::string st = std::string(table_name) + "[[#This Row],[Status]]";
  const std::string due = std::string(table_name) + "[[#This Row],[Due]]";
  return "=IF(" + st + "=\"Done\",\"Green\",IF(" + st + "=\"Dropped\",\"\",IF(" + st + "=\"Blocked\",\"Red\",IF(ISNUMBER(" +
         due + "),IF(" + due + "<TODAY(),\"Red\",IF(" + due + "-TODAY()<=14,\"Amber\",\"Green\")),\"\"))))";
}

void add_highlights(lxw_worksheet* ws, const Formats& f, lxw_row_t last_row, lxw_col_t last_col) {
  // Conditional formats cannot use table references: plain ones, relative to row 2.
  const std::string due = "$" + column_letter(3) + "2";
  const std::string status = "$" + column_letter(4) + "2";
  const std::string open = status + "<>\"Done\"," + status + "<>\"Dropped\"";
  struct Rule {
    std::string formula;
    lxw_format* format;
  };
  const Rule rules[] = {
      {"=AND(ISNUMBER(" + due + ")," + due + "<TODAY()," + open + ")", f.overdue},
      {"=AND(ISNUMBER(" + due + ")," + due + ">=TODAY()," + due + "-TODAY()<=14," + open + ")", f.due_soon},
      {"=" + status + "=\"Done\"", f.done},
  };
  for (const auto& r : rules) {
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = const_cast<char*>(r.formula.c_str());
    cf.format = r.format;
    check(worksheet_conditional_format_range(ws, 1, 0, last_row, last_col, &cf), "conditional format");
  }
}

void add_status_dropdown(lxw_worksheet* ws, lxw_row_t last_row) {
  std::string list = "=" + std::string(lists_sheet) + "!$A$2:$A$" + std::to_string(1 + statuses().size());
  std::string message;
  for (const auto& s : statuses()) message += (message.empty() ? "" : ", ") + std::string(s.label);
  message = "Choose one of: " + message + ".";
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  v.value_formula = list.data();
  v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  v.error_title = const_cast<char*>("Status");
  v.error_message = message.data();
  v.input_title = const_cast<char*>("Status");
  v.input_message = message.data();
  check(worksheet_data_validation_range(ws, 1, 4, last_row, 4, &v), "status dropdown");
}

// Formulas people put in the row's cells, written back over the values with
// the value the record holds as their saved result (Excel recalculates on opening).
void put_formulas(const SheetContext& sc, lxw_worksheet* ws, lxw_row_t row, const sdiag::Action& a,
                  const std::vector<std::string>& extra_columns) {
  const auto& cols = columns();
  for (const auto& [header, formula] : formulas(a)) {
    std::optional<lxw_col_t> col;
    std::string text;
    std::optional<double> number;
    lxw_format* format = sc.formats.wrap;
    auto as_date = [&](const std::string& iso) {
      if (auto d = dates::parse_iso(iso)) {
        number = dates::excel_serial(*d).value();
        format = sc.formats.date;
      }
    };
    if (const auto* spec = find_column(header); spec && !spec->computed) {
      col = static_cast<lxw_col_t>(spec - cols.data());
      switch (spec->column) {
        case Column::id: text = a.id; break;
        case Column::action: text = shown_text(a); break;
        case Column::owner: text = a.owner; break;
        case Column::due: as_date(a.due); break;
        case Column::status: text = status_label(a.status); break;
        case Column::comments: text = extra_string(a.extra, comments_key); break;
        default: break;
      }
    } else {
      for (std::size_t k = 0; k < extra_columns.size(); ++k)
        if (extra_columns[k] == header) col = static_cast<lxw_col_t>(cols.size() + k);
      for (const auto& [name, v] : user_values(a))
        if (name == header) {
          if (v.numeric) number = number_of(v);
          else as_date(v.text);
          if (!number) text = v.text;
        }
    }
    if (!col) continue;  // its column is no longer in the plan; the record keeps the formula
    const std::string f = "=" + formula;
    if (number)
      check(worksheet_write_formula_num(ws, row, *col, f.c_str(), format, *number), "a formula");
    else
      check(worksheet_write_formula_str(ws, row, *col, f.c_str(), format, ooxml::fit_cell(text).c_str()), "a formula");
  }
}

}  // namespace

std::vector<const sdiag::Action*> plan_actions(const sdiag::Diagnostic& d) {
  std::vector<const sdiag::Action*> out;
  for (const auto& a : d.actions)
    if (a.extra.count(removed_key) == 0) out.push_back(&a);
  return out;
}

std::string rag_of(const sdiag::Action& a, const dates::Date& today) {
  if (a.status == "done") return "Green";
  if (a.status == "dropped") return "";
  if (a.status == "blocked") return "Red";
  auto due = dates::parse_iso(a.due);
  if (!due) return "";
  int days = dates::days_between(today, *due);
  return days < 0 ? "Red" : days <= 14 ? "Amber" : "Green";
}

void write_actions_sheet(const SheetContext& sc) {
  const auto& f = sc.formats;
  auto* ws = workbook_add_worksheet(sc.workbook, actions_sheet);
  const auto actions = plan_actions(sc.diagnostic);
  const auto extra_columns = user_columns(sc.diagnostic);
  const auto& cols = columns();
  const auto ncols = static_cast<lxw_col_t>(cols.size() + extra_columns.size());

  for (lxw_col_t c = 0; c < cols.size(); ++c) {
    bool wide = cols[c].width >= 30;
    worksheet_set_column(ws, c, c, cols[c].width, wide ? f.wrap : f.text);
  }
  for (lxw_col_t c = static_cast<lxw_col_t>(cols.size()); c < ncols; ++c) worksheet_set_column(ws, c, c, 20, f.wrap);

  const std::string rag = rag_formula();
  lxw_row_t row = 1;
  for (const auto* a : actions) {
    put_text(ws, row, 0, a->id, f.text);
    put_text(ws, row, 1, shown_text(*a), f.wrap);
    put_text(ws, row, 2, a->owner, f.wrap);
    // The Due column holds dates only (the RAG and the overdue count compute
    // on it): words agreed instead ("TBC", "ASAP") go in the cell's note.
    auto due = dates::parse_iso(a->due);
    if (due) put_date(ws, row, 3, *due, f.date);
    if (!a->due_text.empty() && (!due || (a->due_text != dates::uk_numeric(*due) && a->due_text != a->due)))
      check(worksheet_write_comment(ws, row, 3, ooxml::fit_cell(due_note_prefix + a->due_text).c_str()), "due note");
    put_text(ws, row, 4, status_label(a->status), f.text);
    put_text(ws, row, 6, links_of(*a, sc.diagnostic), f.wrap);
    put_text(ws, row, 7, latest_update(*a), f.wrap);
    put_text(ws, row, 8, extra_string(a->extra, comments_key), f.wrap);
    auto values = user_values(*a);
    for (std::size_t k = 0; k < extra_columns.size(); ++k) {
      auto col = static_cast<lxw_col_t>(cols.size() + k);
      const UserValue* v = nullptr;
      for (const auto& [name, value] : values)
        if (name == extra_columns[k]) v = &value;
      if (!v) continue;
      if (auto n = number_of(*v))
        check(worksheet_write_number(ws, row, col, *n, f.number), "writing a number");
      else if (auto d = dates::parse_iso(v->text))
        put_date(ws, row, col, *d, f.date);
      else
        put_text(ws, row, col, v->text, f.wrap);
    }
    put_formulas(sc, ws, row, *a, extra_columns);
    ++row;
  }

  // The table needs one data row even for an empty plan.
  const lxw_row_t last = actions.empty() ? 1 : static_cast<lxw_row_t>(actions.size());
  std::vector<lxw_table_column> specs(ncols);
  std::vector<lxw_table_column*> spec_ptrs;
  std::vector<std::string> headers;
  for (const auto& c : cols) headers.push_back(c.header);
  headers.insert(headers.end(), extra_columns.begin(), extra_columns.end());
  std::string rag_column = rag.substr(1);
  for (lxw_col_t c = 0; c < ncols; ++c) {
    specs[c].header = headers[c].data();
    if (c == 5) specs[c].formula = rag_column.data();  // rows people add get the RAG too
    spec_ptrs.push_back(&specs[c]);
  }
  spec_ptrs.push_back(nullptr);
  lxw_table_options t{};
  t.name = const_cast<char*>(table_name);
  t.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
  t.style_type_number = 2;
  t.columns = spec_ptrs.data();
  check(worksheet_add_table(ws, 0, 0, last, ncols - 1, &t), "actions table");
  // The table wrote the column formula without values: write the rows again
  // with the RAG worked out for today, for readers that do not recalculate.
  row = 1;
  for (const auto* a : actions) {
    check(worksheet_write_formula_str(ws, row, 5, rag.c_str(), f.text, rag_of(*a, sc.today).c_str()), "RAG");
    ++row;
  }

  add_status_dropdown(ws, last + spare_rows);
  add_highlights(ws, f, last + spare_rows, ncols - 1);
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_set_row(ws, 0, 30, nullptr);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, 0);
}

}  // namespace sdiag::xlsx
