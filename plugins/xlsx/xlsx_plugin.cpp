// xlsx: the action plan as an Excel workbook, out (libxlsxwriter) and back
// in (sdiag::ooxml) once officers have updated it.
#include <sdiag/atomic_file.hpp>
#include <sdiag/dates/calendar.hpp>
#include <sdiag/dates/iso.hpp>
#include <sdiag/ooxml/package.hpp>
#include <sdiag/plugin.hpp>

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
    auto report = sdiag::xlsx::merge_plan(plan, into, {f.path.filename().string(), sdiag::dates::iso(sdiag::dates::utc_date(ctx.now()))});
    for (auto& finding : report.findings)
      ctx.finding(finding.severity, f.path.string(), finding.location, finding.message);
  }

  std::vector<std::filesystem::path> write(const sdiag::Diagnostic& d, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    sdiag::AtomicFile file(ctx.output_dir() / ctx.options().str("file"));
    sdiag::xlsx::write_workbook(d, ctx.now(), file.temp_path());
    file.commit();
    return {file.target()};
  }
};

}  // namespace

SDIAG_PLUGIN(XlsxPlan, .name = "xlsx", .kinds = {sdiag::Kind::input, sdiag::Kind::output}, .version = "1.0.0",
             .summary = "The action plan as an Excel workbook, and read back once people have updated it",
             .options = {{"file", sdiag::OptionType::path, "action-plan.xlsx", "Output file name, in the output folder"}},
             .extensions = {".xlsx"}, .sniffs = "an action plan workbook (.xlsx with an Actions sheet and an ID column)")
