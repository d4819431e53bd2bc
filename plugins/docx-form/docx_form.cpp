// docx-form: Word documents in — filled capture forms (content controls
// tagged with section or prompt ids) and ordinary typed-up notes.
#include <sdiag/plugin.hpp>

#include "docx_reader.hpp"

namespace {

class DocxForm : public sdiag::Input {
 public:
  int sniff(const sdiag::InputFile& f) const override {
    if (f.extension() != ".docx") return 0;
    // A zip whose parts include word/document.xml (its name sits in the zip's directory).
    if (f.bytes.size() < 4 || f.bytes.compare(0, 2, "PK") != 0) return 10;  // read() says why it is not a DOCX
    return f.bytes.find("word/document.xml") != std::string::npos ? 90 : 10;
  }
  void read(const sdiag::InputFile& f, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    docx_form::read_docx(f, into, ctx);
  }
};

}  // namespace

SDIAG_PLUGIN(DocxForm, .name = "docx-form", .kinds = {sdiag::Kind::input}, .version = "1.0.0",
             .summary = "Word capture forms and typed-up notes: content controls or headings to sections, "
                        "paragraphs and list items to notes, contributors tables to people",
             .extensions = {".docx"},
             .sniffs = "a .docx Word document (a zip with word/document.xml)")
