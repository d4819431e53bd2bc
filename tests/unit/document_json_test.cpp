#include <doctest/doctest.h>

#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>

using namespace sdiag;
using namespace sdiag::doc;

namespace {

Document every_block() {
  Document d;
  d.meta = {"Report", "Sub", "Jo", "Diagnostic", "Northmoor", "2026-02-10", "en-GB", {"data", "CSC"}};
  d.blocks.push_back(Contents{"Inside"});
  d.blocks.push_back(Heading{2, "Système", "system"});
  d.blocks.push_back(Paragraph{{Run{"Read ", false, false, {}}, Run{"this", true, true, "#system"}}, style::quote});
  d.blocks.push_back(List{true, {{Paragraph::plain("one"), 0}, {Paragraph::plain("two"), 1}}});
  d.blocks.push_back(Table{{Paragraph::plain("A"), Paragraph::plain("B")},
                           {{Paragraph::plain("1"), Paragraph::plain("2")}}, {2, 1}, "Numbers"});
  Figure f;
  f.alt = "A map";
  f.caption = "The map";
  f.id = "map";
  f.png = std::string("\x89PNG\r\n\x1a\n\0\xff", 10);
  f.drawing = Drawing{400, 300, {DrawOp{DrawOp::Kind::bezier, {{0, 0}, {1, 2}, {3, 4}, {5, 6}}, "", "#000000", 1.5,
                                        true, true, "", 9, false},
                                 DrawOp{DrawOp::Kind::text, {{10, 20}}, "", "", 1, false, false, "Node", 11, true}}};
  d.blocks.push_back(f);
  d.blocks.push_back(PageBreak{true});
  return d;
}

}  // namespace

TEST_CASE("the Document JSON reads back to the same Document, figures whole") {
  const auto d = every_block();
  const auto back = document_from_json(to_json(d));
  CHECK(back == d);
  CHECK(to_json(back) == to_json(d));
}

TEST_CASE("a missing field keeps its default") {
  auto d = document_from_json(R"({"blocks": [{"type": "heading", "text": "X"}, {"type": "paragraph"}]})");
  REQUIRE(d.blocks.size() == 2);
  CHECK(std::get<Heading>(d.blocks[0]).level == 1);
  CHECK(d.meta.language == "en-GB");
}

TEST_CASE("what cannot be a Document is refused, naming the field") {
  auto refused = [](const char* text) -> std::string {
    try {
      document_from_json(text);
    } catch (const InputError& e) {
      return std::string(e.location()) + " | " + e.what();
    }
    return "accepted";
  };
  CHECK(refused(R"({"blocks": [{"type": "video"}]})").find("blocks[0].type |") == 0);
  CHECK(refused(R"({"blocks": [{"type": "heading", "level": 4}]})").find("should be 1, 2 or 3") != std::string::npos);
  CHECK(refused(R"({"blocks": [{"type": "table", "rows": [[{"runs": "x"}]]}]})").find("blocks[0].rows[0][0].runs") == 0);
  CHECK(refused(R"({"blocks": [{"type": "figure", "alt": "x", "png": "@@@"}]})").find("PNG bytes in base64") !=
        std::string::npos);
  CHECK(refused(R"({"blocks": [{"type": "figure", "drawing": {"ops": [{"kind": "star"}]}}]})")
            .find("blocks[0].drawing.ops[0].kind") == 0);
  CHECK(refused(R"({"meta": {"keywords": [1]}})").find("meta.keywords") == 0);
  CHECK(refused("[]").find("should be an object") != std::string::npos);
  CHECK(refused("{\"blocks\": [").find("not valid JSON") != std::string::npos);
  CHECK(refused("").find("not valid JSON") != std::string::npos);
  // A number past a double's range is malformed JSON too, not another kind of exception (found by fuzz-document-json).
  CHECK(refused(R"({"blocks": [{"type": "heading", "level": 1e400}]})").find("number overflow") != std::string::npos);
  CHECK(refused("333333333333333e333").find("not valid JSON") != std::string::npos);
}
