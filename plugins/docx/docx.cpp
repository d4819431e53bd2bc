// docx: the report as a Word document, in the council's own style when a
// reference DOCX is given.
#include <sdiag/atomic_file.hpp>
#include <sdiag/plugin.hpp>

#include "docx_writer.hpp"

namespace {

class Docx : public sdiag::Output {
 public:
  std::vector<std::filesystem::path> write(const sdiag::Diagnostic&, const sdiag::doc::Document* document,
                                           sdiag::Context& ctx) override {
    if (!document) throw std::runtime_error("the pipeline has no layout, so there is no report to write as DOCX");
    sdiag::docx::WriteOptions options;
    options.now = ctx.now();
    options.reference = ctx.options().str("reference");
    auto result = sdiag::docx::write_docx(*document, options);
    for (const auto& p : result.problems) ctx.finding(sdiag::Severity::warning, ctx.options().str("file"), "", p);
    auto path = ctx.output_dir() / ctx.options().str("file");
    sdiag::write_file_atomically(path, result.bytes);
    return {path};
  }
};

}  // namespace

SDIAG_PLUGIN(Docx, .name = "docx", .kinds = {sdiag::Kind::output}, .version = "1.0.0",
             .summary = "The report as a Word document (DOCX), optionally in the styles of a reference DOCX",
             .options = {{"file", sdiag::OptionType::path, "report.docx", "Output file name, in the output folder"},
                         {"reference", sdiag::OptionType::path, "",
                          "A DOCX whose styles, page setup, header and footer the report takes (like pandoc's "
                          "--reference-doc)"}})
