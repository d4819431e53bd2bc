#include <stdexcept>
#include <sdiag/plugin.hpp>
// An analysis that records a finding, changes the diagnostic, then throws:
// the host must keep the diagnostic as it was and report the failure.
struct ThrowingRun : sdiag::Analysis {
  void analyse(sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    ctx.finding(sdiag::Severity::info, "", "", "about to fail");
    d.meta.title = "changed";
    for (auto& n : d.notes) {
      n.text = "changed";
      n.position.reset();
      n.tags.push_back("changed");
    }
    d.notes.resize(d.notes.size() / 2);
    d.themes.push_back(sdiag::Theme{});
    throw std::runtime_error("ran out of patience");
  }
};
SDIAG_PLUGIN(ThrowingRun, .name = "throwing-run", .kinds = {sdiag::Kind::analysis}, .version = "0", .summary = "throws when run")
