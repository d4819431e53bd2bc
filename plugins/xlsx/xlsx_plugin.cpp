// xlsx: the action plan as an Excel workbook, out (libxlsxwriter) and back
// in (sdiag::ooxml) once officers have updated it.
#include <sdiag/atomic_file.hpp>
#include <sdiag/dates/calendar.hpp>
#include <sdiag/dates/iso.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "plan_merge.hpp"
#include "plan_reader.hpp"
#include "workbook_writer.hpp"

namespace {

class XlsxPlan : public sdiag::Input, public sdiag::Output {
 public:
  int sniff(const sdiag::InputFile& f) const override {
    if (!sdiag::ooxml::looks_like_zip(f.bytes)) return 0;
    // Zip entry names are stored uncompressed: a workbook names its parts.
    bool workbook = f.bytes.find("xl/workbook.xml") != std::string::npos;
    if (!workbook) return f.extension() == ".xlsx" ? 10 : 0;
    return f.extension() == ".xlsx" ? 90 : 60;
  }

  void read(const sdiag::InputFile& f, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    auto plan = sdiag::xlsx::read_plan(f.bytes);
    const bool with_record = !into.meta.sources.empty();
    const auto record_run = sdiag::xlsx::extra_string(into.meta.extra, sdiag::xlsx::run_id_key);
    auto report = sdiag::xlsx::merge_plan(plan, into, {sdiag::text::display_path(f.path.filename()), sdiag::dates::iso(sdiag::dates::utc_date(ctx.now()))});
    if (with_record) check_same_run(plan.run_id, record_run, f, ctx);
    for (auto& finding : report.findings)
      ctx.finding(finding.severity, sdiag::text::display_path(f.path), finding.location, finding.message);
  }

  // A plan and a diagnostic written by different runs do not belong
  // together: the merge (by action ID) still runs, but the added and removed
  // actions it reports may only be the difference between the two runs.
  static void check_same_run(const std::string& plan_run, const std::string& record_run, const sdiag::InputFile& f,
                             sdiag::Context& ctx) {
    if (plan_run.empty() || record_run.empty()) {
      ctx.finding(sdiag::Severity::info, sdiag::text::display_path(f.path), "",
                  std::string(plan_run.empty() ? "the plan" : "the diagnostic") +
                      " carries no run id (an earlier sdiag wrote it), so whether the plan was written "
                      "with this diagnostic cannot be checked");
      return;
    }
    if (plan_run == record_run) return;
    ctx.finding(sdiag::Severity::warning, sdiag::text::display_path(f.path), "",
                "the plan was not written with this diagnostic (the plan's run id is " + plan_run +
                    ", the diagnostic's " + record_run +
                    "): actions are matched by ID, so the actions reported added or removed may only be the "
                    "difference between two runs. Track the plan with the diagnostic.json written beside it");
  }

  std::vector<std::filesystem::path> write(const sdiag::Diagnostic& d, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    sdiag::AtomicFile file(ctx.output_dir() / ctx.options().str("file"));
    file.write_with([&](const auto& temp) { sdiag::xlsx::write_workbook(d, ctx.now(), temp); });
    return {file.target()};
  }
};

}  // namespace

SDIAG_PLUGIN(XlsxPlan, .name = "xlsx", .kinds = {sdiag::Kind::input, sdiag::Kind::output}, .version = "1.0.0",
             .summary = "The action plan as an Excel workbook, and read back once people have updated it",
             .options = {{"file", sdiag::OptionType::path, "action-plan.xlsx", "Output file name, in the output folder"}},
             .extensions = {".xlsx"}, .sniffs = "an action plan workbook (.xlsx with an Actions sheet and an ID column)")
