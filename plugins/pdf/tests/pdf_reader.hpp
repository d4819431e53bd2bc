// What the pdf tests read back from a written file with qpdf's library. Kept
// apart from the tests, behind plain types, because qpdf 11.3's headers do
// not compile as C++20 with clang 14; pdf_reader.cpp is compiled as C++17.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace pdf_test {

struct PdfFacts {
  std::vector<std::string> warnings;
  std::size_t pages = 0;
  std::string lang;
  bool display_doc_title = false;
  bool marked = false;
  std::vector<std::string> outline;    ///< bookmark titles, depth first
  std::vector<std::string> kinds;      ///< structure element types (/S), depth first
  std::vector<std::string> alts;       ///< /Alt of each Figure, in order
  std::vector<std::string> uri_links;  ///< /URI of each link annotation
  std::size_t dest_links = 0;          ///< link annotations to a place in the document
};

PdfFacts read_pdf(const std::string& path);

}  // namespace pdf_test
