// d2i-report: the report the D2I method describes, as a Document.
#include <sdiag/plugin.hpp>

#include "report_builder.hpp"

namespace {

class D2iReport : public sdiag::Layout {
 public:
  sdiag::doc::Document layout(const sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    d2i::ReportOptions o;
    o.appendix = ctx.options().boolean("appendix");
    o.theme_examples = static_cast<int>(ctx.options().integer("theme-examples"));
    return d2i::build_report(d, o);
  }
};

}  // namespace

SDIAG_PLUGIN(D2iReport, .name = "d2i-report", .kinds = {sdiag::Kind::layout}, .version = "1.0.0",
             .summary = "The D2I service diagnostic report: contributors, DCS view, system map, themes, goals, actions",
             .options = {{"appendix", sdiag::OptionType::boolean, "true", "End with every note, by section"},
                         {"theme-examples", sdiag::OptionType::integer, "3", "Representative notes quoted per theme"}})
