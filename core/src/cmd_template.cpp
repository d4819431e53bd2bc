// sdiag template: a blank capture template built from the workshop template,
// for councils that collect notes outside Miro. The Word form is the
// docx-form plugin's (loaded through the registry like any output); the JSON
// and CSV shapes are small enough to write here.
#include <iostream>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <sdiag/atomic_file.hpp>
#include <sdiag/input_file.hpp>
#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "commands.hpp"
#include "paths.hpp"
#include "registry.hpp"

namespace sdiag::core {

namespace {

namespace fs = std::filesystem;

constexpr const char* supported = "docx, json, csv";

struct Failure : std::runtime_error {
  int code;
  Failure(const std::string& m, int c) : std::runtime_error(m), code(c) {}
};

/// An id names templates/workshop/<id>.json; anything ending in .json is a path.
Template load_template(const std::string& ref) {
  fs::path path = ref;
  if (path.extension() != ".json") path = data_dir() / "workshop" / (ref + ".json");
  std::string json;
  try {
    json = read_input_file(path).bytes;
  } catch (const InputError& e) {
    throw Failure("cannot open the workshop template " + path.string() + ": " + e.what(), 2);
  }
  try {
    return template_from_json(json);
  } catch (const InputError& e) {
    throw Failure(path.string() + (e.location().empty() ? "" : ":" + e.location()) + ": " + e.what(), 1);
  }
}

/// The template as diagnostic.json writes it, so every reader of that file reads this one.
std::string template_json(const Template& t) {
  Diagnostic d;
  d.tmpl = t;
  auto whole = nlohmann::ordered_json::parse(to_json(d));
  return whole.at("template").dump(2) + "\n";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

/// A notes CSV the csv input reads: one example row per prompt (per section without prompts).
std::string template_csv(const Template& t) {
  std::string out = "section,prompt,text,author\r\n";
  auto row = [&](const std::string& section, const std::string& prompt) {
    const std::string example = "Example for " + (prompt.empty() ? section : prompt) + ": replace with what was said";
    out += csv_field(section) + "," + csv_field(prompt) + "," + csv_field(example) + "," +
           csv_field("Your name or role") + "\r\n";
  };
  for (const auto& s : t.sections) {
    if (s.prompts.empty()) row(s.title, "");
    for (const auto& p : s.prompts) row(s.title, p.title);
  }
  return out;
}

void write_docx(const GlobalOptions& g, const Template& t, const fs::path& file) {
  Registry reg;
  reg.load(Registry::folders(g.plugin_dirs));
  for (const auto& r : reg.refused()) spdlog::warn("refused {}", r.reason);
  const auto* form = reg.find("docx-form");
  if (!form || !form->handle.is(Kind::output))
    throw Failure("the docx-form plugin is not installed, so no Word form can be written ('sdiag plugins' lists them)", 1);

  Diagnostic d;
  d.tmpl = t;
  d.meta.template_id = t.id;
  std::vector<Finding> findings;
  Context ctx("docx-form", resolve_options(form->handle.info(), {{"file", file.filename().string()}}), findings);
  ctx.set_data_dir(data_dir());
  ctx.set_output_dir(file.parent_path().empty() ? fs::path(".") : file.parent_path());
  try {
    form->handle.output()->write(d, nullptr, ctx);
  } catch (const std::exception& e) {
    throw Failure(file.string() + ": docx-form failed: " + e.what(), 1);
  }
  for (const auto& f : findings)
    if (f.severity != Severity::info) std::cerr << "sdiag: " << f.message << " [" << f.plugin << "]\n";
}

}  // namespace

int cmd_template(const GlobalOptions& g, const TemplateArgs& a) {
  try {
    std::string format = text::lower(a.format.empty() ? a.output.extension().string() : a.format);
    if (!format.empty() && format[0] == '.') format.erase(0, 1);
    if (format.empty())
      throw Failure("say which format with --format (" + std::string(supported) + "), or end FILE with one", 2);
    if (format != "docx" && format != "json" && format != "csv")
      throw Failure("cannot write a '" + format + "' template; the formats are " + supported, 2);
    std::error_code ec;
    // A filled-in form could sit at FILE: a blank one never replaces it unasked.
    if (fs::exists(a.output, ec) && !a.force)
      throw Failure(a.output.string() + " exists; pass --force to replace it with a blank template", 2);

    const Template t = load_template(a.template_ref);
    if (auto dir = a.output.parent_path(); !dir.empty()) {
      fs::create_directories(dir, ec);
      if (ec) throw Failure("cannot create the folder " + dir.string() + ": " + ec.message(), 1);
    }
    if (format == "docx") write_docx(g, t, a.output);
    else write_file_atomically(a.output, format == "json" ? template_json(t) : template_csv(t));
    spdlog::info("wrote {}", a.output.string());
    return 0;
  } catch (const Failure& e) {
    std::cerr << "sdiag: " << e.what() << "\n";
    return e.code;
  } catch (const std::exception& e) {  // options, file system
    std::cerr << "sdiag: " << a.output.string() << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace sdiag::core
