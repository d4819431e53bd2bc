#include <sdiag/plugin.hpp>
struct Dup : sdiag::Analysis {
  void analyse(sdiag::Diagnostic& d, sdiag::Context&) override { d.meta.service = DUP_WHICH; }
};
SDIAG_PLUGIN(Dup, .name = "dup", .kinds = {sdiag::Kind::analysis}, .version = DUP_WHICH, .summary = "the " DUP_WHICH " dup")
