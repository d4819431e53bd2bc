#include "script_manifest.hpp"

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include <sdiag/input_file.hpp>
#include <sdiag/loader.hpp>
#include <sdiag/text.hpp>

namespace sdiag::core {

namespace {

using json = nlohmann::json;

const std::pair<const char*, Kind> kind_names[] = {
    {"input", Kind::input}, {"analysis", Kind::analysis}, {"layout", Kind::layout}, {"output", Kind::output}};
const std::pair<const char*, OptionType> type_names[] = {
    {"string", OptionType::string}, {"integer", OptionType::integer}, {"number", OptionType::number},
    {"boolean", OptionType::boolean}, {"path", OptionType::path},     {"list", OptionType::list}};

class ManifestReader {
 public:
  explicit ManifestReader(std::filesystem::path file) : file_(std::move(file)) {}

  /// (nlohmann's parse errors quote the bytes they met: kept readable, as UTF-8)
  [[noreturn]] void fail(const std::string& why) const { throw LoadError(text::display_path(file_) + ": " + text::to_utf8(why)); }

  std::string str(const json& j, const char* key, bool required) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
      if (required) fail(std::string("needs \"") + key + "\"");
      return {};
    }
    if (!it->is_string()) fail(std::string("\"") + key + "\" should be a string");
    return it->get<std::string>();
  }
  std::vector<std::string> strings(const json& j, const char* key) const {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return out;
    if (!it->is_array()) fail(std::string("\"") + key + "\" should be a list of strings");
    for (const auto& v : *it) {
      if (!v.is_string()) fail(std::string("\"") + key + "\" should be a list of strings");
      out.push_back(v.get<std::string>());
    }
    return out;
  }
  /// A default written as JSON's true, 3 or "x": options are strings to the host.
  std::string scalar(const json& v, const std::string& where) const {
    if (v.is_null()) return {};
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean() || v.is_number()) return v.dump();
    if (v.is_array()) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : ",") + scalar(x, where);
      return s;
    }
    fail(where + " should be a string, number or true/false");
  }

  OptionSpec option(const json& o, std::size_t i) const {
    const auto where = "options[" + std::to_string(i) + "]";
    if (!o.is_object()) fail(where + " should be an object with name, type, default and help");
    OptionSpec spec;
    spec.name = str(o, "name", true);
    if (spec.name == "timeout") fail("the option \"timeout\" is every script plugin's own; set it with \"timeout\" at the top");
    auto type = str(o, "type", false);
    if (!type.empty()) {
      auto t = std::find_if(std::begin(type_names), std::end(type_names), [&](const auto& p) { return type == p.first; });
      if (t == std::end(type_names)) fail(where + ".type '" + type + "' is not one of string, integer, number, boolean, path, list");
      spec.type = t->second;
    }
    if (o.contains("default")) spec.default_value = scalar(o["default"], where + ".default");
    spec.help = str(o, "help", false);
    spec.choices = strings(o, "choices");
    try {
      if (!spec.default_value.empty()) Options::check(spec, spec.default_value);
    } catch (const OptionError& e) {
      fail(where + ".default: " + e.what());
    }
    return spec;
  }

 private:
  std::filesystem::path file_;
};

}  // namespace

ScriptManifest read_script_manifest(const std::filesystem::path& dir) {
  const auto file = dir / manifest_file;
  ManifestReader r(file);
  json j;
  try {
    j = json::parse(read_input_file(file).bytes, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    r.fail(std::string("not valid JSON (") + e.what() + ")");
  } catch (const InputError& e) {
    r.fail(e.what());
  }
  if (!j.is_object()) r.fail("should hold one JSON object");

  ScriptManifest m;
  m.dir = dir;
  auto& info = m.info;
  info.name = r.str(j, "name", true);
  static const std::regex valid_name("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  if (!std::regex_match(info.name, valid_name))
    r.fail("the name '" + info.name + "' should be lower-case letters, digits and hyphens");
  if (info.name != dir.filename().string())
    r.fail("declares the name '" + info.name + "' but its folder is '" + text::display_path(dir.filename()) +
           "'; the folder must be named " + info.name);
  for (const auto& k : r.strings(j, "kinds")) {
    auto it = std::find_if(std::begin(kind_names), std::end(kind_names), [&](const auto& p) { return k == p.first; });
    if (it == std::end(kind_names)) r.fail("kind '" + k + "' is not one of input, analysis, layout, output");
    info.kinds.push_back(it->second);
  }
  if (info.kinds.empty()) r.fail("declares no kind (\"kinds\": [\"analysis\"], or input, layout, output)");
  info.version = r.str(j, "version", false);
  info.summary = r.str(j, "summary", false);
  info.extensions = r.strings(j, "extensions");
  for (auto& e : info.extensions)
    if (!e.empty() && e[0] != '.') e = "." + e;
  info.sniffs = r.str(j, "sniffs", false);
  if (j.contains("api") && !j["api"].is_null()) {
    auto api = r.str(j, "api", false);
    if (api.substr(0, api.find('.')) != std::to_string(api_major))
      r.fail("written for SDK " + api + ", this sdiag speaks " + std::to_string(api_major) + "." +
             std::to_string(api_minor));
  }

  m.run = r.strings(j, "run");
  if (m.run.empty() || m.run[0].empty()) r.fail("needs \"run\": the command, e.g. [\"python3\", \"my_plugin.py\"]");

  if (auto it = j.find("options"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) r.fail("\"options\" should be a list");
    for (std::size_t i = 0; i < it->size(); ++i) info.options.push_back(r.option((*it)[i], i));
  }
  long long timeout = default_script_timeout;
  if (auto it = j.find("timeout"); it != j.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 86400)
      r.fail("\"timeout\" should be a whole number of seconds, 1 to 86400");
    timeout = it->get<long long>();
  }
  info.options.push_back({"timeout", OptionType::integer, std::to_string(timeout),
                          "Seconds the program may take per call before it is stopped"});

  if (auto it = j.find("base_layout"); it != j.end() && !it->is_null()) {
    if (it->is_string()) {
      m.base_layout = it->get<std::string>();
    } else if (it->is_object()) {
      m.base_layout = r.str(*it, "plugin", true);
      if (auto o = it->find("options"); o != it->end() && o->is_object())
        for (auto kv = o->begin(); kv != o->end(); ++kv) m.base_options[kv.key()] = r.scalar(kv.value(), "base_layout.options");
    } else {
      r.fail("\"base_layout\" should be a layout's name, or {\"plugin\": NAME, \"options\": {...}}");
    }
    if (m.base_layout == info.name) r.fail("\"base_layout\" cannot be the plugin itself");
  }
  return m;
}

}  // namespace sdiag::core
