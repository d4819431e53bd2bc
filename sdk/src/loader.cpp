#include <sdiag/loader.hpp>
#include <sdiag/text.hpp>

#include <dlfcn.h>

#include <algorithm>

#include <boost/dll/shared_library.hpp>

#include "elf_check.hpp"

namespace sdiag {

struct PluginHandle::Impl {
  boost::dll::shared_library library;  // declared first: destroyed last
  std::filesystem::path path;
  PluginInfo info;
  std::unique_ptr<Plugin> object;
  Input* input = nullptr;
  Analysis* analysis = nullptr;
  Layout* layout = nullptr;
  Output* output = nullptr;
  WarmUp* warm_up = nullptr;
  ~Impl() { object.reset(); }  // the object's code lives in the library
};

namespace {

// Boost wraps dlerror() in "...failed (dlerror system message: PATH: MSG): errno text";
// keep MSG, the part a user can act on.
std::string dl_reason(const std::string& what) {
  auto start = what.find("dlerror system message: ");
  if (start == std::string::npos) return what;
  std::string msg = what.substr(start + 24);
  auto end = msg.rfind("): ");
  if (end != std::string::npos) msg = msg.substr(0, end);
  if (auto colon = msg.find(".so: "); colon != std::string::npos) msg = msg.substr(colon + 5);
  if (msg.find("invalid ELF header") != std::string::npos || msg.find("file too short") != std::string::npos)
    return "not a shared library (" + msg + ")";
  if (msg.find("undefined symbol") != std::string::npos)
    return msg + " (built against another sdiag, or a library it needs is missing)";
  return msg;
}

}  // namespace

PluginHandle PluginHandle::load(const std::filesystem::path& path) {
  auto fail = [&](const std::string& why) -> LoadError { return LoadError(text::display_path(path) + ": " + why); };
  auto impl = std::make_shared<Impl>();
  impl->path = path;
  // Only a whole shared library reaches dlopen: a truncated one would load and then die with SIGBUS.
  if (auto problem = elf_problem(path); !problem.empty()) throw fail(problem);
  try {
    // RTLD_NOW: an undefined symbol is refused here, not met mid-run.
    // RTLD_NODELETE: a plugin stays mapped until the process ends (its object
    // is still destroyed first). Libraries it pulled in (pango, graphviz) may
    // leave thread-locals and exit handlers behind, and leak reports and
    // stack traces at exit can name its functions.
    const auto mode = boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local |
                      static_cast<boost::dll::load_mode::type>(RTLD_NODELETE);
    impl->library.load(path, mode);
  } catch (const std::exception& e) {
    throw fail(dl_reason(e.what()));
  }
  auto& lib = impl->library;
  if (!lib.has("sdiag_plugin_api_major") || !lib.has("sdiag_plugin_api_minor"))
    throw fail("not an sdiag plugin (it has no sdiag_plugin_api_major symbol)");
  int major = lib.get<const int>("sdiag_plugin_api_major");
  int minor = lib.get<const int>("sdiag_plugin_api_minor");
  if (major != api_major || minor > api_minor)
    throw fail("built for SDK " + std::to_string(major) + "." + std::to_string(minor) + ", host has " +
               std::to_string(api_major) + "." + std::to_string(api_minor) + "; rebuild it against this sdiag");
  if (minor < model_since_minor)
    throw fail("built for SDK " + std::to_string(major) + "." + std::to_string(minor) +
               ", whose diagnostic model is laid out differently (changed in " + std::to_string(api_major) + "." +
               std::to_string(model_since_minor) + "); rebuild it against this sdiag");
  if (!lib.has("sdiag_plugin_info") || !lib.has("sdiag_plugin_create"))
    throw fail("not an sdiag plugin (no SDIAG_PLUGIN declaration)");

  try {
    impl->info = lib.get_alias<PluginInfo()>("sdiag_plugin_info")();
  } catch (const std::exception& e) {
    throw fail("its description threw: " + std::string(e.what()));
  } catch (...) {
    throw fail("its description threw an unknown exception");
  }
  const auto& info = impl->info;
  if (info.name.empty()) throw fail("declares no name");
  if (info.name != path.stem().string())
    throw fail("declares the name '" + info.name + "' but the file is '" + text::display_path(path.filename()) +
               "'; the file must be named " + info.name + ".so");
  if (info.kinds.empty()) throw fail("declares no kind (input, analysis, layout or output)");

  try {
    impl->object = lib.get_alias<std::unique_ptr<Plugin>()>("sdiag_plugin_create")();
  } catch (const std::exception& e) {
    throw fail("creating the plugin threw: " + std::string(e.what()));
  } catch (...) {
    throw fail("creating the plugin threw an unknown exception");
  }
  if (!impl->object) throw fail("creating the plugin gave nothing");
  return from_impl(std::move(impl));
}

PluginHandle PluginHandle::adopt(std::filesystem::path path, PluginInfo info, std::unique_ptr<Plugin> object) {
  auto impl = std::make_shared<Impl>();
  impl->path = std::move(path);
  impl->info = std::move(info);
  impl->object = std::move(object);
  if (!impl->object) throw LoadError(text::display_path(impl->path) + ": no plugin object");
  return from_impl(std::move(impl));
}

// The object as each of its kinds, checked against the kinds it declares.
PluginHandle PluginHandle::from_impl(std::shared_ptr<Impl> impl) {
  const auto& info = impl->info;
  Plugin* obj = impl->object.get();
  impl->input = dynamic_cast<Input*>(obj);
  impl->analysis = dynamic_cast<Analysis*>(obj);
  impl->layout = dynamic_cast<Layout*>(obj);
  impl->output = dynamic_cast<Output*>(obj);
  impl->warm_up = dynamic_cast<WarmUp*>(obj);
  for (auto k : info.kinds) {
    bool ok = (k == Kind::input && impl->input) || (k == Kind::analysis && impl->analysis) ||
              (k == Kind::layout && impl->layout) || (k == Kind::output && impl->output);
    if (!ok)
      throw LoadError(text::display_path(impl->path) + ": declares kind '" + to_string(k) +
                      "' but its class does not derive from sdiag::" +
                      (k == Kind::input ? "Input" : k == Kind::analysis ? "Analysis" : k == Kind::layout ? "Layout" : "Output"));
  }
  PluginHandle h;
  h.impl_ = std::move(impl);
  return h;
}

const PluginInfo& PluginHandle::info() const { return impl_->info; }
const std::filesystem::path& PluginHandle::path() const { return impl_->path; }
bool PluginHandle::is(Kind k) const {
  return std::find(impl_->info.kinds.begin(), impl_->info.kinds.end(), k) != impl_->info.kinds.end();
}
Input* PluginHandle::input() const { return is(Kind::input) ? impl_->input : nullptr; }
Analysis* PluginHandle::analysis() const { return is(Kind::analysis) ? impl_->analysis : nullptr; }
Layout* PluginHandle::layout() const { return is(Kind::layout) ? impl_->layout : nullptr; }
Output* PluginHandle::output() const { return is(Kind::output) ? impl_->output : nullptr; }
WarmUp* PluginHandle::warm_up() const { return impl_->warm_up; }

Options resolve_options(const PluginInfo& info, const std::map<std::string, std::string>& values) {
  std::map<std::string, std::string> out;
  for (const auto& spec : info.options) out[spec.name] = spec.default_value;
  for (const auto& [name, value] : values) {
    auto spec = std::find_if(info.options.begin(), info.options.end(),
                             [&n = name](const OptionSpec& s) { return s.name == n; });
    if (spec == info.options.end()) {
      std::string valid;
      for (const auto& s : info.options) valid += (valid.empty() ? "" : ", ") + s.name;
      throw OptionError("plugin '" + info.name + "' has no option '" + name + "'; " +
                        (valid.empty() ? std::string("it takes no options") : "valid options: " + valid));
    }
    try {
      Options::check(*spec, value);
    } catch (const OptionError& e) {
      throw OptionError(info.name + ": " + e.what());
    }
    out[name] = value;
  }
  return Options(std::move(out));
}

}  // namespace sdiag
