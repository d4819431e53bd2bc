// pdf: the report as a tagged, bookmarked A4 (or A3) PDF, typeset with cairo
// and pango, finished with qpdf for what cairo cannot write.
#include <sdiag/atomic_file.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/render/fonts.hpp>

#include "accessibility_fixup.hpp"
#include "document_renderer.hpp"

namespace {

std::vector<std::string> figure_alts(const sdiag::doc::Document& d) {
  std::vector<std::string> alts;
  for (const auto& b : d.blocks)
    if (const auto* f = std::get_if<sdiag::doc::Figure>(&b)) {
      // A figure with nothing to draw becomes a note paragraph, not a Figure.
      const bool drawn = !f->png.empty() || (f->drawing.width > 0 && f->drawing.height > 0);
      if (drawn) alts.push_back(f->alt.empty() ? f->caption : f->alt);
    }
  return alts;
}

class Pdf : public sdiag::Output, public sdiag::WarmUp {
 public:
  void warm_up() override {
    auto setup = std::make_unique<sdiag::pdf::PangoSetup>();
    setup->warm_up();
    warmed_ = std::move(setup);
  }

  std::vector<std::filesystem::path> write(const sdiag::Diagnostic&, const sdiag::doc::Document* document,
                                           sdiag::Context& ctx) override {
    if (!document) throw std::runtime_error("the pipeline has no layout, so there is no report to write as PDF");
    // The fonts loaded by the warm-up, if the host ran it; fresh ones otherwise.
    std::unique_ptr<sdiag::pdf::PangoSetup> pango = warmed_ ? std::move(warmed_) : std::make_unique<sdiag::pdf::PangoSetup>();
    // Without a font every letter is an empty box: no PDF rather than pages of boxes.
    const auto fonts = sdiag::render::check_fonts(pango->context(), sdiag::pdf::theme::look);
    if (!fonts.error.empty()) throw std::runtime_error(fonts.error);
    if (!fonts.warning.empty()) ctx.finding(sdiag::Severity::warning, "report", "fonts", fonts.warning);
    sdiag::pdf::PageOptions pages;
    if (ctx.options().str("paper") == "a3") {
      pages.width = sdiag::pdf::theme::a3_width;
      pages.height = sdiag::pdf::theme::a3_height;
    }
    pages.section_in_footer = ctx.options().boolean("section_footer");
    const auto alts = figure_alts(*document);
    sdiag::AtomicFile out(ctx.output_dir() / ctx.options().str("file"));
    sdiag::pdf::RenderedPdf rendered;
    sdiag::pdf::FixupResult fixed;
    out.write_with([&](const auto& temp) {
      rendered = sdiag::pdf::render_document(*document, ctx.now(), *pango, pages, temp);
      pango.reset();
      fixed = sdiag::pdf::add_accessibility_update(temp, document->meta.language, alts);
    });
    if (!rendered.stable)
      ctx.finding(sdiag::Severity::warning, "report", "contents",
                  "page numbers in the contents may be off by a page: the layout changed between passes");
    if (fixed.figures_found != alts.size())
      ctx.finding(sdiag::Severity::warning, "report", "figures",
                  "the PDF has " + std::to_string(fixed.figures_found) + " figures but the report " +
                      std::to_string(alts.size()) + ": some alt text may be missing");
    for (const auto& w : fixed.warnings) ctx.warn("qpdf: " + w);
    ctx.debug("wrote " + std::to_string(rendered.pages) + " pages");
    return {out.target()};
  }

 private:
  std::unique_ptr<sdiag::pdf::PangoSetup> warmed_;
};

}  // namespace

SDIAG_PLUGIN(Pdf, .name = "pdf", .kinds = {sdiag::Kind::output}, .version = "1.0.0",
             .summary = "The report as an accessible A4 PDF: tagged, bookmarked, with contents and page numbers",
             .options = {{"file", sdiag::OptionType::path, "report.pdf", "Output file name, in the output folder"},
                         {"paper", sdiag::OptionType::string, "a4", "Paper size: a4, or a3 for wall boards", {"a4", "a3"}},
                         {"section_footer", sdiag::OptionType::boolean, "false",
                          "Name each page's section (its level 1 heading) in the footer, beside the page number"}})
