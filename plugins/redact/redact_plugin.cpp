// redact: one diagnostic redacted by a profile (templates/redaction/*.json)
// for sharing beyond the council: names and short forms, contact details and
// identifying numbers become tokens, the council's name stays or becomes
// "Council A", free text can be left out. `sdiag compare` runs it on each
// diagnostic before anything is combined. Redacted is not anonymous.
#include <sdiag/plugin.hpp>

#include <sdiag/text.hpp>

#include "redactor.hpp"

namespace {

class Redact : public sdiag::Analysis {
 public:
  void analyse(sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    std::filesystem::path file = ctx.options().str("profile");
    if (file.extension() != ".json") file = "redaction" / file.concat(".json");
    if (file.is_relative()) file = ctx.data_dir() / file;
    const auto profile = sdiag::redact::Profile::load(file);  // no profile, no redaction: the run fails
    auto label = ctx.options().str("council-label");
    if (label.empty()) label = "Council A";
    // "Name=Label;Name=Label": the councils of the other diagnostics compared.
    std::vector<sdiag::redact::Redactor::Council> others;
    for (const auto& entry : sdiag::text::split(ctx.options().str("other-councils"), ';')) {
      if (sdiag::text::trim(entry).empty()) continue;
      auto eq = entry.rfind('=');
      if (eq == std::string::npos || eq == 0)
        throw std::runtime_error("other-councils: '" + entry + "' is not NAME=LABEL");
      others.push_back({sdiag::text::trim(entry.substr(0, eq)), sdiag::text::trim(entry.substr(eq + 1))});
    }
    sdiag::redact::Redactor r(profile, d, label, others);
    r.apply(d);
    std::string summary;
    for (const auto& [kind, n] : r.counts()) summary += (summary.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
    ctx.info("redacted by the " + profile.name + " profile: " + (summary.empty() ? "nothing found" : summary));
  }
};

}  // namespace

SDIAG_PLUGIN(Redact, .name = "redact", .kinds = {sdiag::Kind::analysis}, .version = "1.0.0",
             .summary = "Names, contact details and identifying numbers replaced by tokens, by a redaction profile",
             .options = {
                 {"profile", sdiag::OptionType::string, "national",
                  "Redaction profile: a name in templates/redaction (regional, national, statistics) or a .json file"},
                 {"council-label", sdiag::OptionType::string, "",
                  "What the council is called when the profile hides its name (empty = Council A)"},
                 {"other-councils", sdiag::OptionType::string, "",
                  "The other councils compared, NAME=LABEL;NAME=LABEL: their names are hidden too when the profile "
                  "hides councils"},
             })
