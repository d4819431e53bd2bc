// The markdown output, loaded as the real plugin; what it writes is read back
// with cmark-gfm (a CommonMark reader we did not write).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <cmark-gfm.h>

#include <sdiag/testing.hpp>

namespace {

using namespace sdiag;

std::string written_markdown(const doc::Document& document) {
  testing::Harness h(std::string(SDIAG_TEST_PLUGIN_DIR) + "/markdown.so");
  h.set("file", "report.md");
  auto files = h.write(Diagnostic{}, &document);
  REQUIRE(files.size() == 1);
  std::ifstream in(files.front(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every link of the CommonMark text: (destination, text).
std::vector<std::pair<std::string, std::string>> links_of(const std::string& markdown) {
  std::vector<std::pair<std::string, std::string>> out;
  cmark_node* root = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK) continue;
    std::string text;
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
      if (const char* lit = cmark_node_get_literal(c)) text += lit;
    out.emplace_back(cmark_node_get_url(n), text);
  }
  cmark_iter_free(it);
  cmark_node_free(root);
  return out;
}

doc::Paragraph linked(const std::string& text, const std::string& url) {
  doc::Paragraph p;
  p.runs.push_back(doc::Run{.text = text, .link = url});
  return p;
}

}  // namespace

TEST_CASE("link targets read back as written, whatever characters they hold") {
  const std::vector<std::string> urls = {
      "https://example.org/report",
      "https://example.org/a_(b)",
      "https://example.org/with space",
      "https://example.org/x>y<z",
      "https://example.org/back\\slash",
      "https://example.org/pipe|bar",
      "file:///C:/Shared Drive/Data (2026)/plan.xlsx",
  };
  doc::Document d;
  for (const auto& u : urls) d.blocks.push_back(linked("the [odd] one", u));
  auto links = links_of(written_markdown(d));
  REQUIRE(links.size() == urls.size());
  for (std::size_t i = 0; i < urls.size(); ++i) {
    CHECK(links[i].first == urls[i]);
    CHECK(links[i].second == "the [odd] one");
  }
}

TEST_CASE("a hostile link target cannot inject markup or end the paragraph") {
  doc::Document d;
  d.blocks.push_back(linked("click", "javascript:x)\n\n# Injected heading [x](y"));
  auto md = written_markdown(d);
  auto links = links_of(md);
  REQUIRE(links.size() == 1);
  CHECK(links[0].second == "click");
  CHECK(md.find("\n# Injected") == std::string::npos);
  CHECK(links[0].first.find('\n') == std::string::npos);
}
