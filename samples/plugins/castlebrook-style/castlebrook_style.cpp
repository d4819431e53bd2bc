// castlebrook-style: Castlebrook Borough Council's report. It is the D2I
// report (the installed d2i-report layout, run unchanged) in the council's
// own words, with an executive summary at the top. Pair it with the docx
// output and castlebrook-reference.docx for the council's colours and logo.
#include <sdiag/plugin.hpp>

#include "base_report.hpp"
#include "council_terms.hpp"
#include "executive_summary.hpp"

namespace {

class CastlebrookStyle : public sdiag::Layout {
 public:
  sdiag::doc::Document layout(const sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    castlebrook::BaseReportOptions base;
    base.plugin = ctx.options().str("base");
    base.appendix = ctx.options().boolean("appendix");
    base.theme_examples = ctx.options().integer("theme-examples");
    auto doc = castlebrook::build_base_report(d, base, ctx);

    castlebrook::use_council_terms(doc);
    castlebrook::insert_at_top(doc, castlebrook::executive_summary(d));
    doc.meta.author = "Castlebrook Borough Council, Children's Services Performance and Insight";
    doc.meta.keywords.push_back("Castlebrook");
    return doc;
  }
};

}  // namespace

SDIAG_PLUGIN(CastlebrookStyle, .name = "castlebrook-style", .kinds = {sdiag::Kind::layout}, .version = "1.0.0",
             .summary = "Castlebrook's report: the D2I report in the council's own terms, with an executive summary",
             .options = {{"appendix", sdiag::OptionType::boolean, "true", "End with every note, by section"},
                         {"theme-examples", sdiag::OptionType::integer, "3", "Representative notes quoted per theme"},
                         {"base", sdiag::OptionType::path, "",
                          "d2i-report.so to build on; empty = beside this plugin, then sdiag's own plugin folder"}})
