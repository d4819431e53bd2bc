#include <sdiag/plugin.hpp>
struct Nothing : sdiag::Analysis {
  void analyse(sdiag::Diagnostic&, sdiag::Context&) override {}
};
SDIAG_PLUGIN(Nothing, .name = "something-else", .kinds = {sdiag::Kind::analysis}, .version = "0", .summary = "misnamed")
