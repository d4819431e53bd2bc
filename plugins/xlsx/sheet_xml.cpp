#include "sheet_xml.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>

#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/SAX/LexicalHandler.h>
#include <Poco/SAX/SAXException.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/XML/XMLString.h>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>

namespace xlsxplan {

namespace {

using Poco::XML::XMLChar;
using Poco::XML::XMLString;

constexpr std::size_t max_rows = 1u << 20;       // Excel's own sheet limits
constexpr std::uint32_t max_columns = 1u << 14;
constexpr std::size_t max_cells = 2'000'000;

// OOXML parts never carry a DOCTYPE; one that does is refused before any
// entity in it can be declared, let alone expanded.
class NoDtd : public Poco::XML::LexicalHandler {
 public:
  void startDTD(const XMLString&, const XMLString&, const XMLString&) override {
    throw sdiag::InputError("declares a DOCTYPE, which a workbook never does; not read");
  }
  void endDTD() override {}
  void startEntity(const XMLString&) override {}
  void endEntity(const XMLString&) override {}
  void startCDATA() override {}
  void endCDATA() override {}
  void comment(const XMLChar[], int, int) override {}
};

// Calls back with each element's local name; collects text where asked.
class Handler : public Poco::XML::DefaultHandler {
 public:
  std::function<void(const XMLString&, const Poco::XML::Attributes&)> on_start;
  std::function<void(const XMLString&)> on_end;
  std::string* text_sink = nullptr;

  void startElement(const XMLString&, const XMLString& local, const XMLString&,
                    const Poco::XML::Attributes& attrs) override {
    if (on_start) on_start(local, attrs);
  }
  void endElement(const XMLString&, const XMLString& local, const XMLString&) override {
    if (on_end) on_end(local);
  }
  void characters(const XMLChar ch[], int start, int length) override {
    if (text_sink) text_sink->append(ch + start, static_cast<std::size_t>(length));
  }
};

void parse(const std::string& xml, Handler& h, const std::string& part) {
  sdiag::limits::check_xml_depth(xml, "part " + part);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  NoDtd no_dtd;
  parser.setProperty(Poco::XML::XMLReader::PROPERTY_LEXICAL_HANDLER, static_cast<Poco::XML::LexicalHandler*>(&no_dtd));
  parser.setContentHandler(&h);
  try {
    parser.parseString(xml);
  } catch (const sdiag::InputError& e) {
    throw sdiag::InputError("part " + part + " " + e.what(), part);
  } catch (const Poco::Exception& e) {
    throw sdiag::InputError("part " + part + " is not well-formed XML: " + e.displayText(), part);
  }
}

std::string attr(const Poco::XML::Attributes& a, const char* local) {
  for (int i = 0; i < a.getLength(); ++i)
    if (a.getLocalName(i) == local) return a.getValue(i);
  return {};
}

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

std::string resolve_target(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  std::string t = target;
  while (t.rfind("./", 0) == 0) t = t.substr(2);
  return "xl/" + t;
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

std::string number_text(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

WorkbookReader::WorkbookReader(Package& package) : package_(package) {
  if (!package_.has("xl/workbook.xml"))
    throw sdiag::InputError("has no xl/workbook.xml: it is a zip but not an Excel workbook (.xlsx). Save the plan as "
                            "\"Excel Workbook (.xlsx)\"");

  // Relationships: r:id -> part, and where the shared strings and styles are.
  std::map<std::string, std::string> targets;
  std::string shared_part, styles_part;
  if (auto rels = package_.read_if_present("xl/_rels/workbook.xml.rels")) {
    Handler h;
    h.on_start = [&](const XMLString& local, const Poco::XML::Attributes& a) {
      if (local != "Relationship") return;
      auto type = attr(a, "Type");
      auto target = resolve_target(attr(a, "Target"));
      targets[attr(a, "Id")] = target;
      if (type.ends_with("/sharedStrings")) shared_part = target;
      if (type.ends_with("/styles")) styles_part = target;
    };
    parse(*rels, h, "xl/_rels/workbook.xml.rels");
  }

  {
    Handler h;
    h.on_start = [&](const XMLString& local, const Poco::XML::Attributes& a) {
      if (local != "sheet") return;
      auto it = targets.find(relationship_id(a));
      if (it != targets.end()) sheets_.push_back({attr(a, "name"), it->second});
    };
    parse(package_.read("xl/workbook.xml"), h, "xl/workbook.xml");
  }

  if (shared_part.empty() && package_.has("xl/sharedStrings.xml")) shared_part = "xl/sharedStrings.xml";
  if (!shared_part.empty()) {
    // <si> holds either <t> or rich-text runs <r><t>; <rPh> is phonetic help, not text.
    std::string current;
    int phonetic = 0;
    bool in_t = false;
    Handler h;
    h.on_start = [&](const XMLString& local, const Poco::XML::Attributes&) {
      if (local == "si") current.clear();
      else if (local == "rPh") ++phonetic;
      else if (local == "t" && phonetic == 0) { in_t = true; h.text_sink = &current; }
    };
    h.on_end = [&](const XMLString& local) {
      if (local == "t") { in_t = false; h.text_sink = nullptr; }
      else if (local == "rPh") --phonetic;
      else if (local == "si") {
        if (shared_.size() >= max_cells) throw sdiag::InputError("has too many shared strings");
        shared_.push_back(current);
      }
    };
    parse(package_.read(shared_part), h, shared_part);
  }

  if (styles_part.empty() && package_.has("xl/styles.xml")) styles_part = "xl/styles.xml";
  if (!styles_part.empty()) {
    std::map<int, std::string> codes;
    bool in_cell_xfs = false;
    std::uint32_t index = 0;
    Handler h;
    h.on_start = [&](const XMLString& local, const Poco::XML::Attributes& a) {
      if (local == "numFmt") {
        codes[std::atoi(attr(a, "numFmtId").c_str())] = attr(a, "formatCode");
      } else if (local == "cellXfs") {
        in_cell_xfs = true;
      } else if (local == "xf" && in_cell_xfs) {
        int id = std::atoi(attr(a, "numFmtId").c_str());
        auto code = codes.count(id) ? codes[id] : std::string();
        if (is_date_format(id, code)) date_styles_.insert(index);
        ++index;
      }
    };
    h.on_end = [&](const XMLString& local) {
      if (local == "cellXfs") in_cell_xfs = false;
    };
    parse(package_.read(styles_part), h, styles_part);
  }
}

Cells WorkbookReader::read_cells(const SheetRef& sheet) {
  Cells cells;
  std::size_t count = 0;
  std::uint32_t row = 0, next_row = 0, next_col = 0;
  std::string type, value, inline_text, ref;
  std::uint32_t style = 0;
  bool in_cell = false;
  Handler h;
  h.on_start = [&](const XMLString& local, const Poco::XML::Attributes& a) {
    if (local == "row") {
      auto r = attr(a, "r");
      row = r.empty() ? next_row : static_cast<std::uint32_t>(std::strtoul(r.c_str(), nullptr, 10) - 1);
      if (row >= max_rows) throw sdiag::InputError("sheet " + sheet.name + " has a row beyond Excel's limit");
      next_row = row + 1;
      next_col = 0;
    } else if (local == "c") {
      in_cell = true;
      type = attr(a, "t");
      ref = attr(a, "r");
      style = static_cast<std::uint32_t>(std::strtoul(attr(a, "s").c_str(), nullptr, 10));
      value.clear();
      inline_text.clear();
    } else if (in_cell && local == "v") {
      h.text_sink = &value;
    } else if (in_cell && local == "t") {  // <is><t> of an inline string, rich runs included
      h.text_sink = &inline_text;
    }
  };
  h.on_end = [&](const XMLString& local) {
    if (local == "v" || local == "t") {
      h.text_sink = nullptr;
      return;
    }
    if (local != "c") return;
    in_cell = false;
    std::uint32_t r = row, c = next_col;
    if (!ref.empty() && !parse_cell_ref(ref, r, c))
      throw sdiag::InputError("sheet " + sheet.name + " has a bad cell reference \"" + ref + "\"", sheet.name);
    next_col = c + 1;
    Cell cell;
    if (type == "s") {
      double idx = 0;
      if (!parse_number(value, idx) || idx < 0 || idx >= static_cast<double>(shared_.size()))
        throw sdiag::InputError("cell " + sheet.name + "!" + ref + " points at a shared string that does not exist",
                                sheet.name + "!" + ref);
      cell.text = shared_[static_cast<std::size_t>(idx)];
    } else if (type == "inlineStr") {
      cell.text = inline_text;
    } else if (type == "str" || type == "d") {
      cell.text = value;  // a formula's text result; "d" is an ISO date-time
    } else if (type == "b") {
      cell.type = Cell::Type::boolean;
      cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "e") {
      cell.type = Cell::Type::error;
      cell.text = value;
    } else {
      if (value.empty()) return;  // a styled empty cell
      cell.type = Cell::Type::number;
      if (!parse_number(value, cell.number))
        throw sdiag::InputError("cell " + sheet.name + "!" + ref + " holds \"" + value + "\", not a number",
                                sheet.name + "!" + ref);
      cell.text = number_text(cell.number);
      cell.date_style = date_styles_.count(style) != 0;
    }
    if (cell.type == Cell::Type::text && cell.text.empty()) return;
    if (++count > max_cells) throw sdiag::InputError("sheet " + sheet.name + " has more than 2 million cells; not read");
    cells[r][c] = std::move(cell);
  };
  parse(package_.read(sheet.part), h, sheet.part);
  return cells;
}

}  // namespace xlsxplan
