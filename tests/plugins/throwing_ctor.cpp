#include <stdexcept>
#include <sdiag/plugin.hpp>
struct ThrowingCtor : sdiag::Analysis {
  ThrowingCtor() { throw std::runtime_error("cannot start: licence file missing"); }
  void analyse(sdiag::Diagnostic&, sdiag::Context&) override {}
};
SDIAG_PLUGIN(ThrowingCtor, .name = "throwing-ctor", .kinds = {sdiag::Kind::analysis}, .version = "0", .summary = "throws when created")
