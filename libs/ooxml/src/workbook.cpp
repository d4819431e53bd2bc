#include <sdiag/ooxml/workbook.hpp>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include <sdiag/ooxml/dom.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "sax.hpp"

namespace sdiag::ooxml {

namespace {

using detail::attribute;
using detail::XmlEvents;

constexpr const char* workbook_part = "xl/workbook.xml";

// The r:id of <sheet>: the attribute named "id" in the relationships namespace.
std::string relationship_id(const Poco::XML::Attributes& a) {
  for (int i = 0; i < a.getLength(); ++i)
    if (a.getLocalName(i) == "id" && !a.getURI(i).empty()) return a.getValue(i);
  return {};
}

bool parse_number(const std::string& s, double& out) {
  auto first = s.data(), last = s.data() + s.size();
  while (first < last && *first == ' ') ++first;
  auto r = std::from_chars(first, last, out);
  return r.ec == std::errc() && r.ptr == last && std::isfinite(out);
}

// Built-in date formats (ECMA-376 18.8.30) and custom codes with day or year
// parts outside quotes and [colour] brackets.
bool is_date_format(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  bool quoted = false, bracket = false;
  for (char c : code) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '[') bracket = true;
    else if (!quoted && c == ']') bracket = false;
    else if (!quoted && !bracket && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) return true;
  }
  return false;
}

// Text as SpreadsheetML stores it (ECMA-376 Part 1, 22.9.2.19, ST_Xstring):
// a character XML cannot carry, a carriage return among them, is written
// _xHHHH_ (Excel and libxlsxwriter both write "\r" as _x000D_), and an
// underscore that would start such a sequence as _x005F_. A surrogate half
// without its pair, or NUL, becomes U+FFFD.
std::string unescape_xstring(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  auto hex4 = [&](std::size_t at, char32_t& out) {
    out = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      const auto c = static_cast<unsigned char>(s[k]);
      if (!std::isxdigit(c)) return false;
      out = out * 16 + static_cast<char32_t>(std::isdigit(c) ? c - '0' : std::tolower(c) - 'a' + 10);
    }
    return true;
  };
  std::string out;
  out.reserve(s.size());
  char32_t high = 0;  // a high surrogate waiting for its low half
  auto flush_high = [&] {
    if (high) sdiag::text::append_utf8(out, 0xFFFD);
    high = 0;
  };
  for (std::size_t i = 0; i < s.size();) {
    char32_t code = 0;
    if (s.compare(i, 2, "_x") == 0 && i + 7 <= s.size() && s[i + 6] == '_' && hex4(i + 2, code)) {
      i += 7;
      if (code >= 0xDC00 && code <= 0xDFFF && high) {
        sdiag::text::append_utf8(out, 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00));
        high = 0;
        continue;
      }
      flush_high();
      if (code >= 0xD800 && code <= 0xDBFF) high = code;
      else sdiag::text::append_utf8(out, code == 0 ? 0xFFFD : code);  // a lone low half becomes U+FFFD there
      continue;
    }
    flush_high();
    out += s[i++];
  }
  flush_high();
  return out;
}

}  // namespace

bool parse_cell_ref(const std::string& ref, std::uint32_t& row, std::uint32_t& col) {
  std::size_t i = 0;
  std::uint64_t c = 0, r = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    c = c * 26 + static_cast<std::uint64_t>(std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (c > max_columns || ++i > 3) return false;
  }
  if (c == 0 || i == ref.size()) return false;
  for (; i < ref.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
    r = r * 10 + static_cast<std::uint64_t>(ref[i] - '0');
    if (r > max_rows) return false;
  }
  if (r == 0) return false;
  row = static_cast<std::uint32_t>(r - 1);
  col = static_cast<std::uint32_t>(c - 1);
  return true;
}

std::string fit_cell(const std::string& text) {
  constexpr std::size_t limit = 32767;
  if (text.size() <= limit) return text;
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // not inside a character
  return text.substr(0, n);
}

std::string number_text(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

WorkbookReader::WorkbookReader(const Package& package) : package_(package) {
  if (!package_.has(workbook_part))
    throw InputError("has no xl/workbook.xml: it is a zip but not an Excel workbook (.xlsx). Save it from Excel as "
                     "\"Excel Workbook (.xlsx)\"");

  // Relationships: r:id -> part, and where the shared strings and styles are.
  std::map<std::string, std::string> targets;
  std::string shared_part, styles_part;
  const std::string rels = rels_name(workbook_part);
  if (auto bytes = package_.read(rels)) {
    for (const auto& r : relationships(*bytes, rels)) {
      auto target = r.external ? std::nullopt : resolve(workbook_part, r.target);
      if (!target) continue;
      targets[r.id] = *target;
      if (r.type.ends_with("/sharedStrings")) shared_part = *target;
      if (r.type.ends_with("/styles")) styles_part = *target;
    }
  }

  {
    XmlEvents events;
    events.on_start = [&](const std::string& local, const Poco::XML::Attributes& a) {
      if (local != "sheet") return;
      auto it = targets.find(relationship_id(a));
      if (it != targets.end()) sheets_.push_back({attribute(a, "name"), it->second});
    };
    detail::read_xml_events(package_.require(workbook_part), workbook_part, events);
  }

  if (shared_part.empty() && package_.has("xl/sharedStrings.xml")) shared_part = "xl/sharedStrings.xml";
  if (!shared_part.empty()) {
    // <si> holds either <t> or rich-text runs <r><t>; <rPh> is phonetic help, not text.
    std::string current;
    int phonetic = 0;
    XmlEvents events;
    events.on_start = [&](const std::string& local, const Poco::XML::Attributes&) {
      if (local == "si") current.clear();
      else if (local == "rPh") ++phonetic;
      else if (local == "t" && phonetic == 0) events.text_sink = &current;
    };
    events.on_end = [&](const std::string& local) {
      if (local == "t") {
        events.text_sink = nullptr;
      } else if (local == "rPh") {
        --phonetic;
      } else if (local == "si") {
        if (shared_.size() >= max_cells) throw InputError("has too many shared strings", shared_part);
        shared_.push_back(unescape_xstring(current));
      }
    };
    detail::read_xml_events(package_.require(shared_part), shared_part, events);
  }

  if (styles_part.empty() && package_.has("xl/styles.xml")) styles_part = "xl/styles.xml";
  if (!styles_part.empty()) {
    std::map<int, std::string> codes;
    bool in_cell_xfs = false;
    std::uint32_t index = 0;
    XmlEvents events;
    events.on_start = [&](const std::string& local, const Poco::XML::Attributes& a) {
      if (local == "numFmt") {
        codes[std::atoi(attribute(a, "numFmtId").c_str())] = attribute(a, "formatCode");
      } else if (local == "cellXfs") {
        in_cell_xfs = true;
      } else if (local == "xf" && in_cell_xfs) {
        int id = std::atoi(attribute(a, "numFmtId").c_str());
        auto code = codes.count(id) ? codes[id] : std::string();
        if (is_date_format(id, code)) date_styles_.insert(index);
        ++index;
      }
    };
    events.on_end = [&](const std::string& local) {
      if (local == "cellXfs") in_cell_xfs = false;
    };
    detail::read_xml_events(package_.require(styles_part), styles_part, events);
  }
}

Cells WorkbookReader::read_cells(const SheetRef& sheet) const {
  Cells cells;
  std::size_t count = 0;
  std::uint32_t row = 0, next_row = 0, next_col = 0;
  std::string type, value, inline_text, ref, formula;
  std::uint32_t style = 0;
  bool in_cell = false, has_formula = false, has_value = false;
  int phonetic = 0;
  XmlEvents events;
  events.on_start = [&](const std::string& local, const Poco::XML::Attributes& a) {
    if (local == "row") {
      auto r = attribute(a, "r");
      row = r.empty() ? next_row : static_cast<std::uint32_t>(std::strtoul(r.c_str(), nullptr, 10) - 1);
      if (row >= max_rows) throw InputError("sheet " + sheet.name + " has a row beyond Excel's limit", sheet.name);
      next_row = row + 1;
      next_col = 0;
    } else if (local == "c") {
      in_cell = true;
      type = attribute(a, "t");
      ref = attribute(a, "r");
      style = static_cast<std::uint32_t>(std::strtoul(attribute(a, "s").c_str(), nullptr, 10));
      value.clear();
      inline_text.clear();
      formula.clear();
      has_formula = has_value = false;
    } else if (in_cell && local == "rPh") {
      ++phonetic;
    } else if (in_cell && local == "f") {
      has_formula = true;
      events.text_sink = &formula;
    } else if (in_cell && local == "v") {
      has_value = true;
      events.text_sink = &value;
    } else if (in_cell && local == "t" && phonetic == 0) {  // <is><t> of an inline string, rich runs included
      events.text_sink = &inline_text;
    }
  };
  events.on_end = [&](const std::string& local) {
    if (local == "v" || local == "t" || local == "f") {
      events.text_sink = nullptr;
      return;
    }
    if (local == "rPh") {
      --phonetic;
      return;
    }
    if (local != "c") return;
    in_cell = false;
    std::uint32_t r = row, c = next_col;
    if (!ref.empty() && !parse_cell_ref(ref, r, c))
      throw InputError("sheet " + sheet.name + " has a bad cell reference \"" + ref + "\"", sheet.name);
    next_col = c + 1;
    Cell cell;
    cell.has_formula = has_formula;
    cell.formula = formula;
    cell.has_value = !has_formula || has_value;
    if (!cell.has_value) {
      // kept: a formula is someone's work even when no result was saved
    } else if (type == "s") {
      double idx = 0;
      if (!parse_number(value, idx) || idx < 0 || idx >= static_cast<double>(shared_.size()))
        throw InputError("cell " + sheet.name + "!" + ref + " points at a shared string that does not exist",
                         sheet.name + "!" + ref);
      cell.text = shared_[static_cast<std::size_t>(idx)];
    } else if (type == "inlineStr") {
      cell.text = unescape_xstring(inline_text);
    } else if (type == "str" || type == "d") {
      cell.text = unescape_xstring(value);  // a formula's text result; "d" is an ISO date-time
    } else if (type == "b") {
      cell.type = Cell::Type::boolean;
      cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      cell.type = Cell::Type::error;
      cell.text = value;
    } else if (value.empty()) {
      if (!has_formula) return;  // a styled empty cell
      cell.has_value = false;    // a formula whose result was never saved
    } else {
      cell.type = Cell::Type::number;
      if (!parse_number(value, cell.number))
        throw InputError("cell " + sheet.name + "!" + ref + " holds \"" + value + "\", not a number",
                         sheet.name + "!" + ref);
      cell.text = number_text(cell.number);
      cell.date_style = date_styles_.count(style) != 0;
    }
    if (cell.type == Cell::Type::text && cell.text.empty() && !has_formula) return;
    if (++count > max_cells)
      throw InputError("sheet " + sheet.name + " has more than 2 million cells; not read", sheet.name);
    cells[r][c] = std::move(cell);
  };
  detail::read_xml_events(package_.require(sheet.part), sheet.part, events);
  return cells;
}

Notes WorkbookReader::read_notes(const SheetRef& sheet) const {
  Notes notes;
  std::string part;
  const std::string rels = rels_name(sheet.part);
  if (auto bytes = package_.read(rels))
    for (const auto& r : relationships(*bytes, rels))
      if (!r.external && r.type.ends_with("/comments"))
        if (auto target = resolve(sheet.part, r.target)) part = *target;
  if (part.empty() || !package_.has(part)) return notes;
  // <comment ref="D5"><text><r><t>As agreed: </t></r><r><t>TBC</t></r></text></comment>
  std::string ref, text;
  std::size_t count = 0;
  int phonetic = 0;
  XmlEvents events;
  events.on_start = [&](const std::string& local, const Poco::XML::Attributes& a) {
    if (local == "comment") {
      ref = attribute(a, "ref");
      text.clear();
    } else if (local == "rPh") {
      ++phonetic;
    } else if (local == "t" && phonetic == 0) {
      events.text_sink = &text;
    }
  };
  events.on_end = [&](const std::string& local) {
    if (local == "t") {
      events.text_sink = nullptr;
    } else if (local == "rPh") {
      --phonetic;
    } else if (local == "comment") {
      std::uint32_t r = 0, c = 0;
      if (!parse_cell_ref(ref, r, c)) throw InputError("a note on sheet " + sheet.name + " has a bad cell reference \"" + ref + "\"", part);
      if (++count > max_cells) throw InputError("sheet " + sheet.name + " has too many notes; not read", part);
      notes[r][c] = text;
    }
  };
  detail::read_xml_events(package_.require(part), part, events);
  return notes;
}

}  // namespace sdiag::ooxml
