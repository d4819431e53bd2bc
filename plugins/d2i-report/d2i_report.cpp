// d2i-report: the report the D2I method describes, as a Document.
#include <sdiag/plugin.hpp>

#include "report_builder.hpp"
#include "system_map_figure.hpp"

namespace {

class D2iReport : public sdiag::Layout, public sdiag::WarmUp {
 public:
  // graphviz's first layout loads its plugins and the label fonts: a map of
  // two resources does that ahead of the real one.
  void warm_up() override {
    sdiag::SystemMap map;
    map.nodes = {{.id = "a", .label = "Case management system", .function = "other", .business_area = "other"},
                 {.id = "b", .label = "Data warehouse", .function = "other", .business_area = "other"}};
    map.edges = {{.from = "a", .to = "b", .label = "nightly extract"}};
    sdiag::d2i_report::system_map_figure(map);
  }

  sdiag::doc::Document layout(const sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    sdiag::d2i_report::ReportOptions o;
    o.appendix = ctx.options().boolean("appendix");
    o.theme_examples = static_cast<int>(ctx.options().integer("theme-examples"));
    return sdiag::d2i_report::build_report(d, o);
  }
};

}  // namespace

SDIAG_PLUGIN(D2iReport, .name = "d2i-report", .kinds = {sdiag::Kind::layout}, .version = "1.0.0",
             .summary = "The D2I service diagnostic report: contributors, DCS view, system map, themes, goals, actions",
             .options = {{"appendix", sdiag::OptionType::boolean, "true", "End with every note, by section"},
                         {"theme-examples", sdiag::OptionType::integer, "3", "Representative notes quoted per theme"}})
