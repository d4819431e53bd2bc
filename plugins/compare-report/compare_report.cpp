// compare-report: the comparison of many councils' diagnostics as a
// Document (sdiag compare lays it out; docx, pdf and markdown write it).
#include <sdiag/plugin.hpp>

#include "comparison_report.hpp"

namespace {

class CompareReport : public sdiag::Layout {
 public:
  sdiag::doc::Document layout(const sdiag::Diagnostic& d, sdiag::Context&) override {
    auto it = d.meta.extra.find("comparison");
    const auto comparison = it == d.meta.extra.end() ? nlohmann::json() : nlohmann::json::parse(it->second);
    auto doc = sdiag::compare_report::comparison_report(comparison, d.meta.title);
    doc.meta.organisation = d.meta.organisation;
    return doc;
  }
};

}  // namespace

SDIAG_PLUGIN(CompareReport, .name = "compare-report", .kinds = {sdiag::Kind::layout}, .version = "1.0.0",
             .summary = "Many councils' diagnostics compared: shared themes, dimensions, systems, actions, offers")
