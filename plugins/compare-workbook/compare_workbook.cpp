// compare-workbook: the comparison of many councils' diagnostics as an Excel
// workbook (councils x themes, actions, systems), beside the report.
#include <sdiag/atomic_file.hpp>
#include <sdiag/plugin.hpp>

#include "comparison_workbook.hpp"

namespace {

class CompareWorkbook : public sdiag::Output {
 public:
  std::vector<std::filesystem::path> write(const sdiag::Diagnostic& d, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    auto it = d.meta.extra.find("comparison");
    const auto comparison = it == d.meta.extra.end() ? nlohmann::json() : nlohmann::json::parse(it->second);
    sdiag::AtomicFile file(ctx.output_dir() / ctx.options().str("file"));
    file.write_with([&](const auto& temp) { sdiag::compare_workbook::write_workbook(comparison, d.meta.title, ctx.now(), temp); });
    return {file.target()};
  }
};

}  // namespace

SDIAG_PLUGIN(CompareWorkbook, .name = "compare-workbook", .kinds = {sdiag::Kind::output}, .version = "1.0.0",
             .summary = "Many councils' diagnostics compared, as a workbook: councils x themes, actions, systems",
             .options = {{"file", sdiag::OptionType::path, "comparison.xlsx", "Output file name, in the output folder"}})
