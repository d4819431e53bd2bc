// The workbook cell reader: values, dates, and hostile sheets.
#include <doctest/doctest.h>

#include <sdiag/ooxml/workbook.hpp>
#include <sdiag/plugin.hpp>

#include "test_files.hpp"

using sdiag::InputError;
using sdiag::ooxml::Cell;
using sdiag::ooxml::Package;
using sdiag::ooxml::WorkbookReader;
using namespace ooxml_test;

namespace {

const std::string S = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
const std::string R = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const std::string rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

Entries workbook(const std::string& sheet_data, const std::string& sheet_prefix = "<?xml version=\"1.0\"?>") {
  return {
      {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + S + " " + R +
                              "><sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/>"
                              "<sheet name=\"Other\" sheetId=\"2\" r:id=\"rId9\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"" + rel_type + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId9\" Type=\"" + rel_type + "worksheet\" Target=\"/xl/worksheets/other.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"" + rel_type + "sharedStrings\" Target=\"strings.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"" + rel_type + "styles\" Target=\"styles.xml\"/></Relationships>"},
      {"xl/strings.xml", "<?xml version=\"1.0\"?><sst " + S + "><si><t>ID</t></si>"
                         "<si><r><t>Act</t></r><r><t>ion</t></r><rPh><t>ignored</t></rPh></si></sst>"},
      {"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + S + "><numFmts><numFmt numFmtId=\"164\" "
                        "formatCode=\"[Red]dd/mm/yyyy\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>"
                        "<xf numFmtId=\"14\"/></cellXfs></styleSheet>"},
      {"xl/worksheets/sheet1.xml", sheet_prefix + "<worksheet " + S + "><sheetData>" + sheet_data + "</sheetData></worksheet>"},
      {"xl/worksheets/other.xml", "<?xml version=\"1.0\"?><worksheet " + S + "><sheetData/></worksheet>"},
  };
}

sdiag::ooxml::Cells cells_of(const Entries& entries) {
  Package pkg(zip_of(entries, true), "XLSX");
  WorkbookReader book(pkg);
  return book.read_cells(book.sheets().front());
}

}  // namespace

TEST_CASE("sheets, shared and inline strings, numbers, dates, booleans and errors") {
  Package pkg(zip_of(workbook(
                  "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                  "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>x</t></rPh></is></c>"
                  "<c r=\"C3\"><v>12.0</v></c><c r=\"D3\" s=\"1\"><v>46022</v></c><c r=\"E3\" s=\"2\"><v>46023.5</v></c>"
                  "<c r=\"F3\" t=\"b\"><v>1</v></c><c r=\"G3\" t=\"e\"><v>#N/A</v></c><c r=\"H3\" s=\"1\"/>"
                  "<c t=\"str\"><v>formula text</v></c></row>")),
              "XLSX");
  WorkbookReader book(pkg);
  REQUIRE(book.sheets().size() == 2);
  CHECK(book.sheets()[0].name == "Plan");
  CHECK(book.sheets()[0].part == "xl/worksheets/sheet1.xml");
  CHECK(book.sheets()[1].part == "xl/worksheets/other.xml");
  auto cells = book.read_cells(book.sheets()[0]);
  CHECK(cells[0][0].text == "ID");
  CHECK(cells[0][1].text == "Action");  // rich runs joined, the phonetic guide left out
  CHECK(cells[2][0].text == "inline");
  CHECK(cells[2][2].type == Cell::Type::number);
  CHECK(cells[2][2].text == "12");
  CHECK_FALSE(cells[2][2].date_style);
  CHECK(cells[2][3].date_style);   // a custom date format
  CHECK(cells[2][4].date_style);   // built-in format 14
  CHECK(cells[2][4].number == 46023.5);
  CHECK(cells[2][5].text == "TRUE");
  CHECK(cells[2][6].type == Cell::Type::error);
  CHECK(cells[2].count(7) == 0);              // styled but empty
  CHECK(cells[2][8].text == "formula text");  // no reference: the column after the last
  CHECK(cells.count(1) == 0);
  CHECK(book.read_cells(book.sheets()[1]).empty());
}

TEST_CASE("characters stored as _xHHHH_ are read as the characters, in shared, inline and formula strings") {
  auto entries = workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>one_x000D_\ntwo _x005F_x000D_ _xD83D__xDE00_ _xd83d_ _x0041__x00e9_ _x12_ x_</t></is></c>"
                          "<c r=\"B1\" t=\"s\"><v>2</v></c><c r=\"C1\" t=\"str\"><f>A1</f><v>a_x0009_b</v></c></row>");
  entries[2].second = "<?xml version=\"1.0\"?><sst " + S + "><si><t>ID</t></si><si><t>Action</t></si>"
                      "<si><r><t>Line_x000D_</t></r><r><t>\nend</t></r></si></sst>";
  const auto cells = cells_of(entries);
  CHECK(cells.at(0).at(0).text == "one\r\ntwo _x000D_ \xF0\x9F\x98\x80 \xEF\xBF\xBD A\xC3\xA9 _x12_ x_");
  CHECK(cells.at(0).at(1).text == "Line\r\nend");
  CHECK(cells.at(0).at(2).text == "a\tb");
}

TEST_CASE("text for a cell is cut to Excel's 32,767 at a character boundary, and only when longer") {
  using sdiag::ooxml::fit_cell;
  const std::string full(32767, 'a');
  CHECK(fit_cell(full) == full);
  CHECK(fit_cell(full + "b") == full);  // cut at a boundary: nothing more is lost
  const std::string e_acute = "\xC3\xA9";
  CHECK(fit_cell(std::string(32766, 'a') + e_acute) == std::string(32766, 'a'));  // not half of it
  CHECK(fit_cell(std::string(32765, 'a') + e_acute + "b") == std::string(32765, 'a') + e_acute);
  CHECK(fit_cell("") == "");
}

TEST_CASE("the notes on a sheet's cells") {
  auto entries = workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
  entries.push_back({"xl/worksheets/_rels/sheet1.xml.rels",
                     "<?xml version=\"1.0\"?><Relationships "
                     "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                     "Type=\"" + rel_type + "comments\" Target=\"../comments1.xml\"/></Relationships>"});
  entries.push_back({"xl/comments1.xml", "<?xml version=\"1.0\"?><comments " + S +
                                             "><authors><author>sdiag</author></authors><commentList>"
                                             "<comment ref=\"D5\" authorId=\"0\"><text><r><t>As agreed: </t></r>"
                                             "<r><t>TBC</t></r></text></comment>"
                                             "<comment ref=\"B2\" authorId=\"0\"><text><t>plain</t></text></comment>"
                                             "</commentList></comments>"});
  Package pkg(zip_of(entries, true), "XLSX");
  WorkbookReader book(pkg);
  auto notes = book.read_notes(book.sheets()[0]);
  CHECK(notes[4][3] == "As agreed: TBC");  // rich runs joined
  CHECK(notes[1][1] == "plain");
  CHECK(book.read_notes(book.sheets()[1]).empty());  // no comments part
}

TEST_CASE("not a workbook, and damaged cells") {
  CHECK_THROWS_WITH_AS(WorkbookReader(Package(zip_of({{"word/document.xml", "<d/>"}}), "XLSX")),
                       doctest::Contains("not an Excel workbook"), InputError);
  CHECK_THROWS_WITH_AS(cells_of(workbook("<row><c r=\"A1\" t=\"s\"><v>7</v></c></row>")),
                       doctest::Contains("shared string that does not exist"), InputError);
  CHECK_THROWS_WITH_AS(cells_of(workbook("<row><c r=\"1A\"><v>1</v></c></row>")), doctest::Contains("bad cell reference"),
                       InputError);
  CHECK_THROWS_WITH_AS(cells_of(workbook("<row><c r=\"A1\"><v>abc</v></c></row>")), doctest::Contains("not a number"),
                       InputError);
  CHECK_THROWS_WITH_AS(cells_of(workbook("<row r=\"1048577\"><c><v>1</v></c></row>")),
                       doctest::Contains("row beyond Excel's limit"), InputError);
}

TEST_CASE("a sheet nested 100,000 deep or with a DOCTYPE is refused, in UTF-8 and in UTF-16") {
  const auto deep = nested(100000, "<row>", "</row>");
  CHECK_THROWS_WITH_AS(cells_of(workbook(deep)), doctest::Contains("xl/worksheets/sheet1.xml is nested more than 256"),
                       InputError);
  auto entries = workbook(deep);
  entries[4].second = utf16(entries[4].second);
  CHECK_THROWS_WITH_AS(cells_of(entries), doctest::Contains("nested more than 256"), InputError);

  entries = workbook("", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
  entries[4].second = utf16(entries[4].second);
  CHECK_THROWS_WITH_AS(cells_of(entries), doctest::Contains("DOCTYPE"), InputError);
  // The shared strings go through the same parse.
  entries = workbook("");
  entries[2].second = utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + nested(300, "<si>", "</si>"));
  CHECK_THROWS_WITH_AS(WorkbookReader(Package(zip_of(entries, true), "XLSX")), doctest::Contains("xl/strings.xml is nested"),
                       InputError);
}
