// The CSV reader on its own: RFC 4180, the quirks of real exports, and
// hostile text (a quote never closed, a huge cell, nothing at all).
#include <doctest/doctest.h>

#include <sdiag/tabular/csv.hpp>
#include <sdiag/text.hpp>

using sdiag::tabular::detect_separator;
using sdiag::tabular::parse_csv;
using Fields = std::vector<std::string>;

TEST_CASE("RFC 4180 and the quirks of real files") {
  auto t = parse_csv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x\rlast,row,\n\n", ',');
  REQUIRE(t.records.size() == 3);
  CHECK(t.records[0].fields == Fields{"a", "b, c", "say \"hi\""});
  CHECK(t.records[1].fields == Fields{"two\nlines", "x"});
  CHECK(t.records[1].line == 2);
  CHECK(t.records[2].line == 4);
  CHECK(t.records[2].fields == Fields{"last", "row", ""});
  CHECK(t.problems.empty());

  // A quote inside an unquoted cell, and text after a closing quote, are kept as written.
  CHECK(parse_csv("x\"y\",z", ',').records[0].fields == Fields{"x\"y\"", "z"});
  CHECK(parse_csv("\"a\"b,c", ',').records[0].fields == Fields{"ab", "c"});
}

TEST_CASE("a quote never closed is a character of its cell: the rows after it are rows, its line a problem") {
  auto open = parse_csv("a,\"never closed\nb,still a row", ',');
  REQUIRE(open.records.size() == 2);
  CHECK(open.records[0].fields == Fields{"a", "\"never closed"});
  CHECK(open.records[1].fields == Fields{"b", "still a row"});
  CHECK(open.records[1].line == 2);
  REQUIRE(open.problems.size() == 1);
  CHECK(open.problems[0].line == 1);
  CHECK(open.problems[0].message.find("never closed") != std::string::npos);
  CHECK(open.problems[0].message.find("stray \"") != std::string::npos);

  // Opened on line 4, after a cell with a line break: the line is where it opens.
  auto later = parse_csv("h1,h2\r\n\"one\r\ntwo\",ok\r\nx,\"open, still\r\ny,z\r\n", ',');
  REQUIRE(later.records.size() == 4);
  CHECK(later.records[1].fields == Fields{"one\ntwo", "ok"});
  CHECK(later.records[2].line == 4);
  CHECK(later.records[2].fields == Fields{"x", "\"open", " still"});
  CHECK(later.records[3].fields == Fields{"y", "z"});
  REQUIRE(later.problems.size() == 1);
  CHECK(later.problems[0].line == 4);

  // In the header: the header is still read, and so is every row.
  auto header = parse_csv("\"Timestamp\",\"Question\r\n2025,x\r\n2026,y\r\n", ',');
  REQUIRE(header.records.size() == 3);
  CHECK(header.records[0].fields == Fields{"Timestamp", "\"Question"});
  CHECK(header.records[2].fields == Fields{"2026", "y"});

  // In the last row: nothing before it is touched.
  auto last = parse_csv("a,b\nc,\"d", ',');
  REQUIRE(last.records.size() == 2);
  CHECK(last.records[1].fields == Fields{"c", "\"d"});
  CHECK(last.problems.size() == 1);

  auto only_quote = parse_csv("\"", ',');
  REQUIRE(only_quote.records.size() == 1);
  CHECK(only_quote.records[0].fields == Fields{"\""});
  CHECK(only_quote.problems.size() == 1);
}

TEST_CASE("a stray quote closed lines later by another never merges the rows between") {
  // The second stray quote opens a cell of its own row: its "closing" quote is followed by text.
  auto t = parse_csv("section,text\nideas,\"Broken note\nideas,another\nideas,\"Quoted, fine\"\n", ',');
  REQUIRE(t.records.size() == 4);
  CHECK(t.records[1].fields == Fields{"ideas", "\"Broken note"});
  CHECK(t.records[2].fields == Fields{"ideas", "another"});
  CHECK(t.records[3].fields == Fields{"ideas", "Quoted, fine"});
  REQUIRE(t.problems.size() == 1);
  CHECK(t.problems[0].line == 2);
  CHECK(t.problems[0].message.find("closed on line 4") != std::string::npos);

  // A quote inside a later unquoted cell ("he said "yes"") is such a closing quote too.
  auto said = parse_csv("a,\"open\nb,he said \"yes\" today\nc,d\n", ',');
  REQUIRE(said.records.size() == 3);
  CHECK(said.records[1].fields == Fields{"b", "he said \"yes\" today"});
  CHECK(said.records[2].fields == Fields{"c", "d"});
  CHECK(said.problems.size() == 1);

  // More lines than one cell may span: the quote is stray even when the close looks sound.
  std::string rows;
  for (std::size_t k = 0; k < sdiag::tabular::max_quoted_cell_lines; ++k) rows += "row " + std::to_string(k) + ",x\n";
  auto longer = parse_csv("\"a\n" + rows + "5'10\",y\n", ',');
  CHECK(longer.records.size() == sdiag::tabular::max_quoted_cell_lines + 2);
  REQUIRE(longer.problems.size() == 1);
  CHECK(longer.problems[0].message.find("50 lines") != std::string::npos);
}

TEST_CASE("sound multi-line cells are kept whole, whatever they hold") {
  // Commas, text that looks like a row, and as many lines as a cell may span.
  std::string lines;
  for (std::size_t k = 1; k + 1 < sdiag::tabular::max_quoted_cell_lines; ++k) lines += "point " + std::to_string(k) + ", and more\n";
  auto t = parse_csv("section,text\nideas,\"First, a list:\n" + lines + "end\"\nactions,next\n", ',');
  REQUIRE(t.records.size() == 3);
  CHECK(t.records[1].fields[1].rfind("First, a list:\npoint 1, and more\n", 0) == 0);
  CHECK(t.records[2].line == sdiag::tabular::max_quoted_cell_lines + 2);
  CHECK(t.problems.empty());
  // Spaces between a closing quote and the separator or line end are no stray text.
  auto spaced = parse_csv("a,\"two\nlines\" ,b\nc,\"three\n\" \t\nd,e\n", ',');
  CHECK(spaced.problems.empty());
  REQUIRE(spaced.records.size() == 3);
  CHECK(spaced.records[0].fields == Fields{"a", "two\nlines ", "b"});
  // Text after a closing quote on the same line stays as it was: no row is involved.
  CHECK(parse_csv("\"a\"b,c\nd,e", ',').problems.empty());
}

TEST_CASE("a stray quote in the header does not hide its separator") {
  CHECK(detect_separator("Section;\"Text;Author\nIdeas;x;Jo\n") == ';');
  auto t = parse_csv("Section;\"Text;Author\nIdeas;x;Jo\n");
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[1].fields == Fields{"Ideas", "x", "Jo"});
}

TEST_CASE("CRLF, bare CR and LF line ends, inside and outside quotes") {
  for (const char* end : {"\r\n", "\r", "\n"}) {
    CAPTURE(end);
    std::string e = end;
    auto t = parse_csv("a,b" + e + "\"c" + e + "d\",e" + e + "f,g" + e, ',');
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[0].fields == Fields{"a", "b"});
    CHECK(t.records[1].fields == Fields{"c\nd", "e"});
    CHECK(t.records[2].fields == Fields{"f", "g"});
    CHECK(t.records[2].line == 4);
  }
  // A CRLF split over a record end and a bare CR after it: two line ends.
  auto t = parse_csv("a\r\n\rb", ',');
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[1].line == 3);
}

TEST_CASE("separators: ',' ';' and tab, found in the first record outside quotes") {
  CHECK(detect_separator("a;b;\"c,d\"\n1,2") == ';');
  CHECK(detect_separator("a,b;c,d") == ',');
  CHECK(detect_separator("a\tb\tc") == '\t');
  CHECK(detect_separator("\"x;y;z\",b\n") == ',');
  CHECK(detect_separator("a;b\tc") == ';');  // a tie of ';' and tab
  CHECK(detect_separator("just text") == ',');
  CHECK(detect_separator("") == ',');

  auto semi = parse_csv("Section;Text\r\nIdeas;\"one; two\"\r\n");
  CHECK(semi.separator == ';');
  REQUIRE(semi.records.size() == 2);
  CHECK(semi.records[1].fields == Fields{"Ideas", "one; two"});

  auto tab = parse_csv("a\tb\n1\t\"x\ty\"\n");
  CHECK(tab.separator == '\t');
  CHECK(tab.records[1].fields == Fields{"1", "x\ty"});

  // A separator given wins over what the text suggests (.tsv files).
  CHECK(parse_csv("a,b\tc", '\t').records[0].fields == Fields{"a,b", "c"});
}

TEST_CASE("a BOM and Windows-1252 are decoded by the SDK before the reader") {
  std::string encoding;
  auto bom = parse_csv(sdiag::text::to_utf8("\xEF\xBB\xBFtext,author\nhello,Jo\n", &encoding));
  CHECK(encoding == "UTF-8 with BOM");
  CHECK(bom.records[0].fields == Fields{"text", "author"});  // no BOM in the first header

  auto excel = parse_csv(sdiag::text::to_utf8("Text;Author\r\nCaf\xE9;Jos\xE9\r\n", &encoding));
  CHECK(encoding == "Windows-1252");
  CHECK(excel.records[1].fields == Fields{"Caf\xC3\xA9", "Jos\xC3\xA9"});
}

TEST_CASE("blank lines and records of blank cells are left out; the lines still count") {
  auto t = parse_csv("a,b\n\n , \n,,\n\"\"\nc,d\n", ',');
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[1].fields == Fields{"c", "d"});
  CHECK(t.records[1].line == 6);
}

TEST_CASE("empty and nearly empty text") {
  CHECK(parse_csv("", ',').records.empty());
  CHECK(parse_csv("\r\n\n\r", ',').records.empty());
  CHECK(parse_csv(",,,\n;;", ',').records.size() == 1);  // ";;" is a cell of text with ','
  auto one = parse_csv("x", ',');
  REQUIRE(one.records.size() == 1);
  CHECK(one.records[0].fields == Fields{"x"});
  CHECK(parse_csv("a,", ',').records[0].fields == Fields{"a", ""});
}

TEST_CASE("a huge cell and many records are read whole") {
  std::string big(3u << 20, 'x');
  auto t = parse_csv("\"" + big + "\"\n" + big + ",y\n", ',');
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].fields[0].size() == big.size());
  CHECK(t.records[1].fields == Fields{big, "y"});

  std::string many;
  for (int i = 0; i < 100000; ++i) many += std::to_string(i) + ",\"a\"\"b\"\n";
  auto m = parse_csv(many, ',');
  REQUIRE(m.records.size() == 100000);
  CHECK(m.records.back().line == 100000);
  CHECK(m.records.back().fields == Fields{"99999", "a\"b"});
}
