#include <sdiag/render/fonts.hpp>

#include <cstdlib>
#include <memory>

namespace sdiag::render {

namespace {

// Which font configuration is in use, for the message: sdiag sets its own
// (templates/fonts/fonts.conf) unless the user chose one.
std::string configuration() {
  const char* file = std::getenv("FONTCONFIG_FILE");
  return file && *file ? std::string(" (FONTCONFIG_FILE=") + file + ")" : std::string();
}

}  // namespace

FontCheck check_fonts(PangoContext* context, const Theme& theme) {
  using Description = std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)>;
  Description wanted(pango_font_description_new(), &pango_font_description_free);
  pango_font_description_set_family(wanted.get(), theme.font_family);
  pango_font_description_set_size(wanted.get(), static_cast<gint>(theme.body_size * PANGO_SCALE));

  FontCheck out;
  const std::string install = std::string("install ") + theme.font_package + " (apt-get install " + theme.font_package +
                              ")";
  // The font pango draws an ordinary letter with: the theme's, or fontconfig's stand-in.
  PangoFontset* fonts = pango_context_load_fontset(context, wanted.get(), pango_context_get_language(context));
  PangoFont* font = fonts ? pango_fontset_get_font(fonts, 'a') : nullptr;
  if (fonts) g_object_unref(fonts);
  PangoLayout* line = pango_layout_new(context);
  pango_layout_set_font_description(line, wanted.get());
  pango_layout_set_text(line, "Data service diagnostic: themes, actions and owners", -1);
  const int boxes = pango_layout_get_unknown_glyphs_count(line);
  g_object_unref(line);
  if (!font || boxes > 0) {
    if (font) g_object_unref(font);
    out.error = std::string("no font can draw the report's text: ") + theme.font_family +
                " is missing and the font configuration in use" + configuration() +
                " offers no other font for ordinary letters; " + install +
                ", or point FONTCONFIG_FILE at a configuration that lists the system's font folders";
    return out;
  }
  Description got(pango_font_describe(font), &pango_font_description_free);
  g_object_unref(font);
  const char* family = pango_font_description_get_family(got.get());
  if (!family || std::string(family) != theme.font_family)
    out.warning = std::string(theme.font_family) + " is not found" + configuration() + ", so the report is set in " +
                  (family ? family : "another font") + ", whose lines and pages break differently; " + install;
  return out;
}

}  // namespace sdiag::render
