#include <sdiag/plugin.hpp>
void function_nobody_defines();  // never defined anywhere: loading must fail cleanly
struct MissingSymbol : sdiag::Analysis {
  void analyse(sdiag::Diagnostic&, sdiag::Context&) override { function_nobody_defines(); }
};
SDIAG_PLUGIN(MissingSymbol, .name = "missing-symbol", .kinds = {sdiag::Kind::analysis}, .version = "0", .summary = "unresolved")
