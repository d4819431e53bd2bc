// {{name}}: an analysis plugin. It flags notes too short to act on: each one
// gets the tag "too-short" and a warning finding that names the note, so a
// facilitator can expand it before the report goes out.
#include <sstream>
#include <string>

#include <sdiag/plugin.hpp>

namespace {

std::size_t word_count(const std::string& text) {
  std::istringstream words(text);
  std::size_t n = 0;
  for (std::string w; words >> w;) ++n;
  return n;
}

class {{class_name}} : public sdiag::Analysis {
 public:
  void analyse(sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    const auto min_words = static_cast<std::size_t>(ctx.options().integer("min-words"));
    std::size_t flagged = 0;
    for (auto& note : d.notes) {
      if (word_count(note.text) >= min_words) continue;
      note.tags.push_back("too-short");
      ctx.finding(sdiag::Severity::warning, note.source.file, note.id,
                  "note '" + note.text + "' has fewer than " + std::to_string(min_words) + " words");
      ++flagged;
    }
    ctx.info(std::to_string(flagged) + " of " + std::to_string(d.notes.size()) + " notes flagged as too short");
  }
};

}  // namespace

SDIAG_PLUGIN({{class_name}}, .name = "{{name}}", .kinds = {sdiag::Kind::analysis}, .version = "0.1.0",
             .summary = "Flags notes too short to act on",
             .options = {{"min-words", sdiag::OptionType::integer, "3", "Notes with fewer words are flagged"}})
