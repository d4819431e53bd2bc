// json: diagnostic.json in and out, the canonical record of a diagnostic.
#include <sdiag/atomic_file.hpp>
#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include <fstream>
#include <stdexcept>

namespace {

class Json : public sdiag::Input, public sdiag::Output {
 public:
  int sniff(const sdiag::InputFile& f) const override {
    // A diagnostic.json names its schema near the top.
    auto head = std::string_view(f.bytes).substr(0, 512);
    if (head.find("\"schema\"") != std::string_view::npos && head.find("\"sdiag/") != std::string_view::npos) return 100;
    return 0;
  }

  void read(const sdiag::InputFile& f, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    std::vector<sdiag::Finding> warnings;
    auto d = sdiag::diagnostic_from_json(f.bytes, warnings);
    for (auto& w : warnings) ctx.finding(w.severity, sdiag::text::display_path(f.path), w.location, w.message);
    if (into.notes.empty() && into.people.empty() && into.actions.empty() && into.themes.empty()) {
      // The first input: the file is the whole diagnostic, its template included.
      if (d.tmpl.sections.empty()) {
        d.tmpl = into.tmpl;
        d.meta.template_id = into.tmpl.id;
      }
      auto sources = std::move(into.meta.sources);
      into = std::move(d);
      into.meta.sources.insert(into.meta.sources.begin(), sources.begin(), sources.end());
      return;
    }
    // Another input came first: add this file's content to it.
    sdiag::append_content(into, std::move(d));
  }

  std::vector<std::filesystem::path> write(const sdiag::Diagnostic& d, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    auto path = ctx.output_dir() / ctx.options().str("file");
    // Streamed to the file: at 100,000 notes the text is over 100 MB.
    sdiag::AtomicFile(path).write_with([&](const std::filesystem::path& temp) {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      sdiag::write_json(d, out);
      out.close();
      if (!out) throw std::runtime_error("the file could not be written");
    });
    return {path};
  }
};

}  // namespace

SDIAG_PLUGIN(Json, .name = "json", .kinds = {sdiag::Kind::input, sdiag::Kind::output}, .version = "1.0.0",
             .summary = "diagnostic.json in and out: the whole diagnostic, the canonical record",
             .options = {{"file", sdiag::OptionType::path, "diagnostic.json", "Output file name, in the output folder"}},
             .extensions = {".json"}, .sniffs = "a diagnostic.json (\"schema\": \"sdiag/1\")")
