// markdown: Documents out as CommonMark (a quick preview of the report).
#include <sdiag/atomic_file.hpp>
#include <sdiag/plugin.hpp>

#include "markdown_writer.hpp"

namespace {

class Markdown : public sdiag::Output {
 public:
  std::vector<std::filesystem::path> write(const sdiag::Diagnostic&, const sdiag::doc::Document* document,
                                           sdiag::Context& ctx) override {
    if (!document) throw std::runtime_error("the pipeline has no layout, so there is no report to write as Markdown");
    auto path = ctx.output_dir() / ctx.options().str("file");
    sdiag::write_file_atomically(path, markdown::to_markdown(*document));
    return {path};
  }
};

}  // namespace

SDIAG_PLUGIN(Markdown, .name = "markdown", .kinds = {sdiag::Kind::output}, .version = "1.0.0",
             .summary = "The report as Markdown (CommonMark with GFM tables), for a quick preview",
             .options = {{"file", sdiag::OptionType::path, "report.md", "Output file name, in the output folder"}})
