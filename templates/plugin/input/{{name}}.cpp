// {{name}}: an input plugin. It reads sticky notes typed up as plain text,
// one per line, each starting with its section (and prompt) in brackets:
//
//   # Castlebrook workshop, typed up from the wall
//   [key_issues/pain_points] Reports take three days to refresh
//   [ideas] A shared glossary of terms
//
// Lines starting with # are comments. A line without a known section is
// kept as an "unsorted" note with a finding: nothing typed is lost.
#include <sstream>
#include <string>

#include <sdiag/plugin.hpp>

namespace {

struct Tagged {
  std::string section, prompt, text;
};

// "[section/prompt] text" -> parts; false when the line has no [..] prefix.
bool parse_line(const std::string& line, Tagged& out) {
  if (line.empty() || line[0] != '[') return false;
  auto close = line.find(']');
  if (close == std::string::npos || close == 1) return false;
  std::string where = line.substr(1, close - 1);
  auto slash = where.find('/');
  out.section = where.substr(0, slash);
  out.prompt = slash == std::string::npos ? "" : where.substr(slash + 1);
  auto start = line.find_first_not_of(' ', close + 1);
  out.text = start == std::string::npos ? "" : line.substr(start);
  return true;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

class {{class_name}} : public sdiag::Input {
 public:
  int sniff(const sdiag::InputFile& file) const override {
    if (file.extension() != ".txt") return 0;
    std::istringstream in(file.bytes);
    for (std::string line; std::getline(in, line);) {
      line = trimmed(line);
      if (line.empty() || line[0] == '#') continue;
      Tagged t;
      return parse_line(line, t) ? 70 : 0;  // judged on the first real line
    }
    return 0;
  }

  void read(const sdiag::InputFile& file, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    std::istringstream in(file.bytes);
    std::size_t line_no = 0, added = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      line = trimmed(line);
      if (line.empty() || line[0] == '#') continue;
      const std::string where = "line " + std::to_string(line_no);
      Tagged t;
      if (!parse_line(line, t)) {
        t = {sdiag::unsorted_section, "", line};
        ctx.finding(sdiag::Severity::warning, file.path.string(), where, "no [section] at the start; kept as unsorted");
      } else if (!into.tmpl.sections.empty() && !into.tmpl.find_section(t.section)) {
        ctx.finding(sdiag::Severity::warning, file.path.string(), where,
                    "unknown section '" + t.section + "'; kept as unsorted");
        t.section = sdiag::unsorted_section;
        t.prompt.clear();
      }
      sdiag::Note note;
      note.id = "{{name}}-" + std::to_string(line_no);
      note.section = t.section;
      note.prompt = t.prompt;
      note.text = t.text;
      note.source = {file.path.string(), "{{name}}", where};
      into.notes.push_back(std::move(note));
      ++added;
    }
    // The host records the file in meta.sources once read() returns.
    if (added == 0) throw sdiag::InputError("no notes in " + file.path.filename().string());
  }
};

}  // namespace

SDIAG_PLUGIN({{class_name}}, .name = "{{name}}", .kinds = {sdiag::Kind::input}, .version = "0.1.0",
             .summary = "Reads typed-up sticky notes: one per line, '[section/prompt] text'",
             .extensions = {".txt"}, .sniffs = "text files whose first line starts with [section]")
