// The theme's colours and the Word styles written from it.
#include <doctest/doctest.h>

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>

#include <sdiag/render/theme.hpp>
#include <sdiag/render/word_styles.hpp>

using namespace sdiag::render;

namespace {

/// styles.xml parsed; the w:style element with `id`.
struct Styles {
  explicit Styles(const std::string& xml) : doc(Poco::XML::DOMParser().parseString(xml)) {}
  Poco::XML::Element* style(const std::string& id) const {
    Poco::AutoPtr<Poco::XML::NodeList> all = doc->getElementsByTagName("w:style");
    for (unsigned long i = 0; i < all->length(); ++i) {
      auto* e = static_cast<Poco::XML::Element*>(all->item(i));
      if (e->getAttribute("w:styleId") == id) return e;
    }
    return nullptr;
  }
  /// The w:val of the first `element` below the style `id`, "" when there is none.
  std::string value(const std::string& id, const std::string& element) const {
    auto* s = style(id);
    if (!s) return {};
    Poco::AutoPtr<Poco::XML::NodeList> found = s->getElementsByTagName(element);
    return found->length() ? static_cast<Poco::XML::Element*>(found->item(0))->getAttribute("w:val") : std::string();
  }
  std::string default_font() const {
    Poco::AutoPtr<Poco::XML::NodeList> fonts = doc->getElementsByTagName("w:rFonts");
    return fonts->length() ? static_cast<Poco::XML::Element*>(fonts->item(0))->getAttribute("w:ascii") : std::string();
  }
  Poco::AutoPtr<Poco::XML::Document> doc;
};

}  // namespace

TEST_CASE("colours: OOXML hex both ways, and nothing else taken for a colour") {
  CHECK(ooxml_hex(report_theme.heading) == "1F3864");
  CHECK(ooxml_hex(Rgb::hex(0x0563C1)) == "0563C1");
  CHECK(ooxml_hex(Rgb{0.10, 0.10, 0.10}) == "1A1A1A");
  CHECK(ooxml_hex(Rgb{-1, 2, 0.5}) == "00FF80");  // out of range is clamped
  CHECK(parse_colour("#1f3864") == report_theme.heading);
  CHECK(parse_colour("#1F3864") == report_theme.heading);
  for (const char* bad : {"", "#", "1F3864", "#1F386", "#1F38644", "#1F386G", "#-1F386", "#+1F386", "# 1F386",
                          "red", "#1F3864\n"})
    CHECK_MESSAGE(!parse_colour(bad), bad);
}

TEST_CASE("the report's styles.xml takes its font, sizes and colours from the theme") {
  Styles s(styles_xml(report_styles(report_theme, 9298)));
  const auto heading = ooxml_hex(report_theme.heading);
  CHECK(s.default_font() == report_theme.office_font);
  CHECK(s.value("Heading1", "w:color") == heading);
  CHECK(s.value("Heading2", "w:color") == heading);
  CHECK(s.value("Title", "w:color") == heading);
  CHECK(s.value("Heading3", "w:color") == ooxml_hex(report_theme.word.accent));
  CHECK(s.value("Heading1", "w:sz") == "32");
  CHECK(s.value("Caption", "w:sz") == std::to_string(int(report_theme.small_size * 2)));
  CHECK(s.value("TableText", "w:sz") == std::to_string(int(report_theme.table_size * 2)));
  CHECK(s.value("Hyperlink", "w:color") == ooxml_hex(report_theme.word.link));
  CHECK(s.value("Heading1", "w:outlineLvl") == "0");
  CHECK(s.value("TOCHeading", "w:outlineLvl") == "9");
  // The table style's header row: the heading colour on the pale fill.
  CHECK(s.value("ReportTable", "w:color") == heading);

  // A theme with other values comes out with them.
  Theme other = report_theme;
  other.heading = Rgb::hex(0x123456);
  other.office_font = "Calibri";
  Styles o(styles_xml(report_styles(other, 9298)));
  CHECK(o.value("Heading1", "w:color") == "123456");
  CHECK(o.default_font() == "Calibri");
}

TEST_CASE("the capture form's styles share the report's font and heading colour") {
  Styles s(styles_xml(form_styles(report_theme)));
  CHECK(s.default_font() == report_theme.office_font);
  for (const auto& ref : {form_style::title, form_style::heading1, form_style::heading2}) {
    REQUIRE(s.style(ref.id));
    CHECK(s.value(ref.id, "w:color") == ooxml_hex(report_theme.heading));
    CHECK(s.value(ref.id, "w:name") == ref.name);
  }
  // The reader finds the guidance style by this name.
  CHECK(s.value(form_style::guidance.id, "w:name") == "Form Guidance");
  for (const auto& ref : {form_style::answer, form_style::placeholder, form_style::table})
    CHECK_MESSAGE(s.style(ref.id), ref.id);
}
