// {{name}}: an output plugin. It writes the actions as a CSV file (RFC 4180
// quoting, UTF-8 with a BOM so Excel opens it right), for councils whose
// tracker imports CSV. The file appears only when complete (AtomicFile).
#include <string>

#include <sdiag/atomic_file.hpp>
#include <sdiag/plugin.hpp>

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

class {{class_name}} : public sdiag::Output {
 public:
  std::vector<std::filesystem::path> write(const sdiag::Diagnostic& d, const sdiag::doc::Document*,
                                           sdiag::Context& ctx) override {
    const auto file_name = ctx.options().str("file");
    if (file_name.empty() || file_name.find('/') != std::string::npos)
      throw std::runtime_error("option 'file' must be a plain file name, not '" + file_name + "'");
    std::string csv = "\xEF\xBB\xBF" "id,action,owner,due,status\r\n";
    for (const auto& a : d.actions)
      csv += csv_field(a.id) + "," + csv_field(a.text) + "," + csv_field(a.owner) + "," +
             csv_field(a.due.empty() ? a.due_text : a.due) + "," + csv_field(a.status) + "\r\n";
    const auto target = ctx.output_dir() / file_name;
    sdiag::write_file_atomically(target, csv);
    return {target};
  }
};

}  // namespace

SDIAG_PLUGIN({{class_name}}, .name = "{{name}}", .kinds = {sdiag::Kind::output}, .version = "0.1.0",
             .summary = "Writes the actions as a CSV file for a tracker to import",
             .options = {{"file", sdiag::OptionType::string, "actions.csv", "Name of the file written"}})
