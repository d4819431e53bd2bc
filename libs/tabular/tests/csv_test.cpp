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

TEST_CASE("a quoted cell never closed: read to the end, recorded with its line, nothing lost") {
  auto open = parse_csv("a,\"never closed\nstill", ',');
  REQUIRE(open.records.size() == 1);
  CHECK(open.records[0].fields == Fields{"a", "never closed\nstill"});
  REQUIRE(open.problems.size() == 1);
  CHECK(open.problems[0].line == 1);
  CHECK(open.problems[0].message.find("never closed") != std::string::npos);

  // Opened on line 3, after a cell with a line break: the line is where it opens.
  auto later = parse_csv("h1,h2\r\n\"one\r\ntwo\",ok\r\nx,\"open\r\ny,z\r\n", ',');
  REQUIRE(later.records.size() == 3);
  CHECK(later.records[2].line == 4);
  CHECK(later.records[2].fields == Fields{"x", "open\ny,z\n"});
  REQUIRE(later.problems.size() == 1);
  CHECK(later.problems[0].line == 4);

  auto only_quote = parse_csv("\"", ',');
  CHECK(only_quote.records.empty());
  CHECK(only_quote.problems.size() == 1);
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
