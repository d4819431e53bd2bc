#include <sdiag/testing.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <sdiag/input_file.hpp>
#include <sdiag/json.hpp>

namespace sdiag::testing {

namespace {

// Runs a plugin call and rethrows what it threw as a host-owned copy.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const InputError& e) {
    throw InputError(e.what(), e.location());
  } catch (const std::exception& e) {
    throw std::runtime_error(e.what());
  }
}

}  // namespace

Template default_template(const std::filesystem::path& data_dir) {
  return template_from_json(read_input_file(data_dir / "workshop" / "d2i-service-diagnostic.json").bytes);
}

Harness::Harness(const std::filesystem::path& plugin_path) : plugin_(PluginHandle::load(plugin_path)) {
  if (const char* d = std::getenv("SDIAG_DATA_DIR")) data_dir_ = d;
  auto base = std::filesystem::temp_directory_path() /
              ("sdiag-harness-" + std::to_string(::getpid()) + "-" + plugin_.info().name);
  output_dir_ = base;
}

Harness& Harness::set(const std::string& option, const std::string& value) {
  options_[option] = value;
  return *this;
}
Harness& Harness::data_dir(std::filesystem::path dir) {
  data_dir_ = std::move(dir);
  return *this;
}
Harness& Harness::output_dir(std::filesystem::path dir) {
  output_dir_ = std::move(dir);
  return *this;
}

Context Harness::context() {
  Context ctx(plugin_.info().name, resolve_options(plugin_.info(), options_), findings_);
  ctx.set_data_dir(data_dir_);
  ctx.set_output_dir(output_dir_);
  return ctx;
}

int Harness::sniff(const std::filesystem::path& file) const {
  if (!plugin_.input()) throw std::runtime_error(plugin_.info().name + " is not an input plugin");
  const InputFile in = read_input_file(file);
  return guarded([&] { return plugin_.input()->sniff(in); });
}

Diagnostic Harness::read(const std::filesystem::path& file) {
  Diagnostic d;
  d.tmpl = default_template(data_dir_);
  d.meta.template_id = d.tmpl.id;
  return read(file, std::move(d));
}

Diagnostic Harness::read(const std::filesystem::path& file, Diagnostic into) {
  if (!plugin_.input()) throw std::runtime_error(plugin_.info().name + " is not an input plugin");
  const InputFile in = read_input_file(file);
  auto ctx = context();
  guarded([&] { plugin_.input()->read(in, into, ctx); });
  return into;
}

Diagnostic Harness::analyse(Diagnostic d) {
  if (!plugin_.analysis()) throw std::runtime_error(plugin_.info().name + " is not an analysis plugin");
  auto ctx = context();
  guarded([&] { plugin_.analysis()->analyse(d, ctx); });
  return d;
}

doc::Document Harness::layout(const Diagnostic& d) {
  if (!plugin_.layout()) throw std::runtime_error(plugin_.info().name + " is not a layout plugin");
  auto ctx = context();
  return guarded([&] { return plugin_.layout()->layout(d, ctx); });
}

std::vector<std::filesystem::path> Harness::write(const Diagnostic& d, const doc::Document* document) {
  if (!plugin_.output()) throw std::runtime_error(plugin_.info().name + " is not an output plugin");
  std::filesystem::create_directories(output_dir_);
  auto ctx = context();
  return guarded([&] { return plugin_.output()->write(d, document, ctx); });
}

std::string text_of(const doc::Document& d) {
  std::string out;
  auto para = [&](const doc::Paragraph& p) {
    for (const auto& r : p.runs) out += r.text;
    out += "\n";
  };
  for (const auto& b : d.blocks) {
    if (auto* h = std::get_if<doc::Heading>(&b)) out += h->text + "\n";
    if (auto* p = std::get_if<doc::Paragraph>(&b)) para(*p);
    if (auto* l = std::get_if<doc::List>(&b))
      for (const auto& i : l->items) para(i.content);
    if (auto* t = std::get_if<doc::Table>(&b))
      for (const auto& row : t->rows)
        for (const auto& cell : row) para(cell);
  }
  return out;
}

}  // namespace sdiag::testing
