// progress-report: the progress on an action plan people have updated, as a
// Document (`sdiag track` lays it out after reading the plan back).
#include <sdiag/plugin.hpp>

#include "progress_builder.hpp"

namespace {

class ProgressReport : public sdiag::Layout {
 public:
  sdiag::doc::Document layout(const sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    return sdiag::progress_report::progress_report(d, ctx.now());
  }
};

}  // namespace

SDIAG_PLUGIN(ProgressReport, .name = "progress-report", .kinds = {sdiag::Kind::layout}, .version = "1.0.0",
             .summary = "Progress on the action plan: changes in this return, done, overdue, blocked, by owner and theme")
