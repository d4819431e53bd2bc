// markdown: facilitator write-ups in (markdown_reader.cpp), Documents out as
// CommonMark (a quick preview of the report).
#include <sdiag/atomic_file.hpp>
#include <sdiag/plugin.hpp>

#include "markdown_reader.hpp"
#include "markdown_writer.hpp"

namespace {

class Markdown : public sdiag::Input, public sdiag::Output {
 public:
  int sniff(const sdiag::InputFile& file) const override { return sdiag::markdown::sniff_markdown(file); }

  void read(const sdiag::InputFile& file, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    sdiag::markdown::read_markdown(file, into, ctx);
  }

  std::vector<std::filesystem::path> write(const sdiag::Diagnostic&, const sdiag::doc::Document* document,
                                           sdiag::Context& ctx) override {
    if (!document) throw std::runtime_error("the pipeline has no layout, so there is no report to write as Markdown");
    auto path = ctx.output_dir() / ctx.options().str("file");
    sdiag::write_file_atomically(path, sdiag::markdown::to_markdown(*document));
    return {path};
  }
};

}  // namespace

SDIAG_PLUGIN(Markdown, .name = "markdown", .kinds = {sdiag::Kind::input, sdiag::Kind::output}, .version = "1.0.0",
             .summary = "Facilitator write-ups in (notes, commentary, contributors); the report out as Markdown for a quick preview",
             .options = {{"file", sdiag::OptionType::path, "report.md", "Output file name, in the output folder"}},
             .extensions = {".md", ".markdown"},
             .sniffs = "a Markdown write-up (.md, .markdown; or text starting with front matter or a # title)")
