// docx-form: Word documents in — filled capture forms (content controls
// tagged with section or prompt ids) and ordinary typed-up notes — and the
// blank capture form out, built from the workshop template.
#include <sdiag/atomic_file.hpp>
#include <sdiag/plugin.hpp>

#include "docx_reader.hpp"
#include "form_writer.hpp"

namespace {

class DocxForm : public sdiag::Input, public sdiag::Output {
 public:
  int sniff(const sdiag::InputFile& f) const override {
    if (f.extension() != ".docx") return 0;
    // A zip whose parts include word/document.xml (its name sits in the zip's directory).
    if (f.bytes.size() < 4 || f.bytes.compare(0, 2, "PK") != 0) return 10;  // read() says why it is not a DOCX
    return f.bytes.find("word/document.xml") != std::string::npos ? 90 : 10;
  }
  void read(const sdiag::InputFile& f, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    sdiag::docx_form::read_docx(f, into, ctx);
  }
  /// The blank form for the diagnostic's template; what else it holds is not used.
  std::vector<std::filesystem::path> write(const sdiag::Diagnostic& d, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    if (d.tmpl.sections.empty()) throw std::runtime_error("the workshop template has no sections, so there is no form to write");
    auto path = ctx.output_dir() / ctx.options().str("file");
    sdiag::write_file_atomically(path, sdiag::docx_form::capture_form_docx(d.tmpl, ctx.now()));
    return {path};
  }
};

}  // namespace

SDIAG_PLUGIN(DocxForm, .name = "docx-form", .kinds = {sdiag::Kind::input, sdiag::Kind::output},
             .version = "1.1.0",
             .summary = "Word capture forms and typed-up notes: content controls or headings to sections, "
                        "paragraphs and list items to notes, contributors tables to people; writes the blank form",
             .options = {{"file", sdiag::OptionType::path, "capture-form.docx",
                          "Output file name of the blank capture form, in the output folder"}},
             .extensions = {".docx"},
             .sniffs = "a .docx Word document (a zip with word/document.xml)")
