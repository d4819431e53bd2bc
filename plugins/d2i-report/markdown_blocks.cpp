#include "markdown_blocks.hpp"

#include <algorithm>
#include <memory>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace sdiag::d2i_report {

namespace {

using namespace sdiag::doc;

struct InlineStyle {
  bool bold = false;
  bool italic = false;
  std::string link;
};

void collect_inlines(cmark_node* node, InlineStyle style, std::vector<Run>& out) {
  for (cmark_node* n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE: {  // raw HTML shown as text, never made active
        const char* lit = cmark_node_get_literal(n);
        out.push_back(Run{lit ? lit : "", style.bold, style.italic, style.link});
        break;
      }
      case CMARK_NODE_SOFTBREAK: out.push_back(Run{" ", style.bold, style.italic, style.link}); break;
      case CMARK_NODE_LINEBREAK: out.push_back(Run{"\n", style.bold, style.italic, style.link}); break;
      case CMARK_NODE_STRONG: { auto s = style; s.bold = true; collect_inlines(n, s, out); break; }
      case CMARK_NODE_EMPH: { auto s = style; s.italic = true; collect_inlines(n, s, out); break; }
      case CMARK_NODE_LINK: {
        auto s = style;
        const char* url = cmark_node_get_url(n);
        std::string u = url ? url : "";
        // Only web and mail links become active; anything else (javascript:, file:) stays text.
        if (u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0 || u.rfind("mailto:", 0) == 0) s.link = u;
        collect_inlines(n, s, out);
        break;
      }
      default: collect_inlines(n, style, out);
    }
  }
}

Paragraph paragraph_of(cmark_node* node, std::string style = {}) {
  Paragraph p;
  p.style = std::move(style);
  collect_inlines(node, {}, p.runs);
  return p;
}

void add_list(cmark_node* list, int level, List& out) {
  for (cmark_node* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
    bool first = true;
    for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
      if (cmark_node_get_type(c) == CMARK_NODE_LIST) {
        add_list(c, level + 1, out);
      } else if (first) {
        out.items.push_back(ListItem{paragraph_of(c), level});
        first = false;
      } else {
        auto& last = out.items.back().content.runs;
        last.push_back(Run{"\n"});
        auto more = paragraph_of(c).runs;
        last.insert(last.end(), more.begin(), more.end());
      }
    }
  }
}

void convert(cmark_node* parent, int base_level, std::vector<Block>& out) {
  for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
    std::string type = cmark_node_get_type_string(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: out.push_back(paragraph_of(n)); break;
      case CMARK_NODE_HEADING: {
        int level = std::min(3, base_level + cmark_node_get_heading_level(n));
        auto p = paragraph_of(n);
        out.push_back(Heading{level, p.text(), {}});
        break;
      }
      case CMARK_NODE_LIST: {
        List l;
        l.numbered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        add_list(n, 0, l);
        out.push_back(std::move(l));
        break;
      }
      case CMARK_NODE_BLOCK_QUOTE: {
        std::vector<Block> inner;
        convert(n, base_level, inner);
        for (auto& b : inner) {
          if (auto* p = std::get_if<Paragraph>(&b)) p->style = style::quote;
          out.push_back(std::move(b));
        }
        break;
      }
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK: {
        const char* lit = cmark_node_get_literal(n);
        std::string s = lit ? lit : "";
        while (!s.empty() && s.back() == '\n') s.pop_back();
        if (!s.empty()) out.push_back(Paragraph::plain(s));
        break;
      }
      case CMARK_NODE_THEMATIC_BREAK: break;
      default:
        if (type == "table") {
          Table t;
          bool header = true;
          for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            std::vector<Paragraph> cells;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
              cells.push_back(paragraph_of(cell));
            if (header) t.header = std::move(cells);
            else t.rows.push_back(std::move(cells));
            header = false;
          }
          out.push_back(std::move(t));
        } else {
          convert(n, base_level, out);
        }
    }
  }
}

}  // namespace

std::vector<Block> markdown_to_blocks(const std::string& markdown, int base_level) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_DEFAULT),
                                                                      &cmark_parser_free);
  if (auto* table = cmark_find_syntax_extension("table")) cmark_parser_attach_syntax_extension(parser.get(), table);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(cmark_parser_finish(parser.get()), &cmark_node_free);
  std::vector<Block> out;
  if (root) convert(root.get(), base_level, out);
  return out;
}

}  // namespace sdiag::d2i_report
