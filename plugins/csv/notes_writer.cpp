#include "notes_writer.hpp"

namespace sdiag::csv {

namespace {

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string row(const std::string& section, const std::string& prompt, const std::string& text,
                const std::string& author) {
  return field(section) + "," + field(prompt) + "," + field(text) + "," + field(author) + "\r\n";
}

/// The section's and prompt's titles in the template; the ids when the template lacks them.
std::pair<std::string, std::string> titles(const Template& t, const Note& n) {
  for (const auto& s : t.sections) {
    if (s.id != n.section) continue;
    for (const auto& p : s.prompts)
      if (p.id == n.prompt) return {s.title, p.title};
    return {s.title, n.prompt};
  }
  return {n.section, n.prompt};
}

}  // namespace

std::string notes_csv(const Diagnostic& d) {
  std::string out = "section,prompt,text,author\r\n";
  for (const auto& n : d.notes) {
    auto [section, prompt] = titles(d.tmpl, n);
    out += row(section, prompt, n.text, n.author);
  }
  if (!d.notes.empty()) return out;
  for (const auto& s : d.tmpl.sections) {
    auto example = [&](const std::string& prompt) {
      out += row(s.title, prompt, "Example for " + (prompt.empty() ? s.title : prompt) + ": replace with what was said",
                 "Your name or role");
    };
    if (s.prompts.empty()) example("");
    for (const auto& p : s.prompts) example(p.title);
  }
  return out;
}

}  // namespace sdiag::csv
