#include <sdiag/plugin.hpp>
// A good out-of-tree style analysis with options, used by the CLI tests.
struct Shout : sdiag::Analysis {
  void analyse(sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    auto mark = ctx.options().str("mark");
    for (auto& n : d.notes) n.text += mark;
  }
};
SDIAG_PLUGIN(Shout, .name = "shout", .kinds = {sdiag::Kind::analysis}, .version = "1.0.0",
             .summary = "Adds a mark to every note",
             .options = {{"mark", sdiag::OptionType::string, "!", "What to add"},
                         {"times", sdiag::OptionType::integer, "1", "How many times"}})
