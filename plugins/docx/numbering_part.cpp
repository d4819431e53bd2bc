#include "numbering_part.hpp"

#include <array>

#include <sdiag/ooxml/namespaces.hpp>
#include <sdiag/ooxml/xml_part.hpp>

namespace sdiag::docx {

using namespace sdiag::ooxml;

namespace {

constexpr int levels = 9;

void level(XmlPart& x, int lvl, const char* format, const std::string& text, const char* font = nullptr) {
  x.start("w:lvl", {{"w:ilvl", std::to_string(lvl)}});
  x.empty("w:start", {{"w:val", "1"}});
  x.empty("w:numFmt", {{"w:val", format}});
  x.empty("w:lvlText", {{"w:val", text}});
  x.empty("w:lvlJc", {{"w:val", "left"}});
  x.start("w:pPr");
  x.empty("w:ind", {{"w:left", std::to_string(360 * (lvl + 1))}, {"w:hanging", "360"}});
  x.end("w:pPr");
  if (font) {
    x.start("w:rPr");
    x.empty("w:rFonts", {{"w:ascii", font}, {"w:hAnsi", font}, {"w:hint", "default"}});
    x.end("w:rPr");
  }
  x.end("w:lvl");
}

}  // namespace

std::string Numbering::xml() const {
  XmlPart x("w:numbering", {{"w", ns.w}});
  const auto bullets_abstract = std::to_string(abstract_base_ + 1);
  const auto numbers_abstract = std::to_string(abstract_base_ + 2);

  x.start("w:abstractNum", {{"w:abstractNumId", bullets_abstract}});
  x.empty("w:multiLevelType", {{"w:val", "hybridMultilevel"}});
  const std::array<const char*, 3> marks = {"\u2022", "\u2013", "\u25E6"};
  for (int i = 0; i < levels; ++i) level(x, i, "bullet", marks[static_cast<std::size_t>(i % 3)], "Arial");
  x.end("w:abstractNum");

  x.start("w:abstractNum", {{"w:abstractNumId", numbers_abstract}});
  x.empty("w:multiLevelType", {{"w:val", "hybridMultilevel"}});
  const std::array<const char*, 3> formats = {"decimal", "lowerLetter", "lowerRoman"};
  for (int i = 0; i < levels; ++i)
    level(x, i, formats[static_cast<std::size_t>(i % 3)], "%" + std::to_string(i + 1) + (i % 3 == 1 ? ")" : "."));
  x.end("w:abstractNum");

  x.start("w:num", {{"w:numId", std::to_string(bullets())}});
  x.empty("w:abstractNumId", {{"w:val", bullets_abstract}});
  x.end("w:num");
  for (int n = 0; n < numbered_; ++n) {
    x.start("w:num", {{"w:numId", std::to_string(num_base_ + 2 + n)}});
    x.empty("w:abstractNumId", {{"w:val", numbers_abstract}});
    for (int i = 0; i < levels; ++i) {
      x.start("w:lvlOverride", {{"w:ilvl", std::to_string(i)}});
      x.empty("w:startOverride", {{"w:val", "1"}});
      x.end("w:lvlOverride");
    }
    x.end("w:num");
  }
  return x.finish();
}

}  // namespace sdiag::docx
