// Pipelines as written (presets and files), the command line's --set and
// --meta, and the check that a pipeline can run before anything does.
#include "pipeline.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

namespace sdiag::core {

namespace {

Step parse_step(const nlohmann::json& j, const std::string& where) {
  Step s;
  if (j.is_string()) {
    s.plugin = j.get<std::string>();
    return s;
  }
  if (!j.is_object() || !j.contains("plugin") || !j["plugin"].is_string())
    throw UsageError(where + ": a step is a plugin name or {\"plugin\": NAME, \"options\": {...}}");
  s.plugin = j["plugin"].get<std::string>();
  if (j.contains("options")) {
    if (!j["options"].is_object()) throw UsageError(where + ": 'options' of " + s.plugin + " should be an object");
    for (auto it = j["options"].begin(); it != j["options"].end(); ++it)
      s.options[it.key()] = it->is_string() ? it->get<std::string>() : it->dump();
  }
  return s;
}

std::vector<Step> parse_steps(const nlohmann::json& j, const char* key, const std::string& origin) {
  std::vector<Step> out;
  if (!j.contains(key)) return out;
  const auto& v = j[key];
  if (!v.is_array()) throw UsageError(origin + ": '" + key + "' should be a list of steps");
  for (const auto& s : v) out.push_back(parse_step(s, origin));
  return out;
}

}  // namespace

Pipeline Pipeline::from_json(const std::string& text, const std::string& origin) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    throw UsageError(origin + ": not valid JSON: " + text::json_error_text(e));
  }
  if (!j.is_object()) throw UsageError(origin + ": a pipeline is a JSON object");
  Pipeline p;
  p.name = j.value("name", std::filesystem::path(origin).stem().string());
  p.summary = j.value("summary", "");
  p.template_ref = j.value("template", "d2i-service-diagnostic");
  if (j.contains("inputs")) {
    if (j["inputs"].is_string() && j["inputs"] == "auto") p.auto_inputs = true;
    else {
      p.auto_inputs = false;
      p.inputs = parse_steps(j, "inputs", origin);
    }
  }
  p.analyses = parse_steps(j, "analyses", origin);
  if (j.contains("layout") && !j["layout"].is_null()) p.layout = parse_step(j["layout"], origin);
  p.outputs = parse_steps(j, "outputs", origin);
  if (p.outputs.empty()) throw UsageError(origin + ": the pipeline has no outputs");
  return p;
}

Pipeline Pipeline::from_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(text::display_path(path) + ": cannot open the pipeline file");
  std::ostringstream s;
  s << in.rdbuf();
  return from_json(s.str(), text::display_path(path));
}

std::vector<std::pair<std::string, Pipeline>> list_presets(const std::filesystem::path& data_dir) {
  std::vector<std::pair<std::string, Pipeline>> out;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(data_dir / "pipelines", ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) out.emplace_back(f.stem().string(), Pipeline::from_file(f));
  return out;
}

Pipeline load_preset(const std::filesystem::path& data_dir, const std::string& name) {
  auto path = data_dir / "pipelines" / (name + ".json");
  if (std::filesystem::exists(path)) return Pipeline::from_file(path);
  std::string names;
  for (const auto& [n, p] : list_presets(data_dir)) names += (names.empty() ? "" : ", ") + n;
  throw UsageError("no preset '" + name + "'; presets: " + (names.empty() ? "(none found in " + (data_dir / "pipelines").string() + ")" : names));
}

std::vector<std::reference_wrapper<const Finding>> RunResult::raised_findings() const {
  std::vector<std::reference_wrapper<const Finding>> found;
  found.reserve(raised.size());
  for (auto at : raised) found.emplace_back(diagnostic.findings.at(at));
  return found;
}

void add_setting(RunRequest& r, const std::string& assignment) {
  auto eq = assignment.find('=');
  auto dot = assignment.find('.');
  if (eq == std::string::npos || dot == std::string::npos || dot > eq || dot == 0 || dot + 1 == eq)
    throw UsageError("--set takes plugin.option=value, not '" + assignment + "'");
  r.settings[assignment.substr(0, dot)][assignment.substr(dot + 1, eq - dot - 1)] = assignment.substr(eq + 1);
}

void add_meta(RunRequest& r, const std::string& assignment) {
  static const std::set<std::string> keys = {"title", "organisation", "service", "date", "facilitator"};
  auto eq = assignment.find('=');
  auto key = assignment.substr(0, eq);
  if (eq == std::string::npos || !keys.count(key))
    throw UsageError("--meta takes KEY=VALUE with KEY one of title, organisation, service, date, facilitator; not '" +
                     assignment + "'");
  auto value = assignment.substr(eq + 1);
  bool iso = value.size() == 10 && value[4] == '-' && value[7] == '-' &&
             std::all_of(value.begin(), value.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (key == "date" && !iso) throw UsageError("--meta date= takes the workshop date as YYYY-MM-DD, not '" + value + "'");
  r.meta[key] = value;
}

std::vector<const Step*> all_steps(const Pipeline& p) {
  std::vector<const Step*> out;
  for (const auto& s : p.inputs) out.push_back(&s);
  for (const auto& s : p.analyses) out.push_back(&s);
  if (p.layout) out.push_back(&*p.layout);
  for (const auto& s : p.outputs) out.push_back(&s);
  return out;
}

std::map<std::string, std::string> merged_options(const Step& s, const RunRequest& r) {
  auto opts = s.options;
  if (auto it = r.settings.find(s.plugin); it != r.settings.end())
    for (const auto& [k, v] : it->second) opts[k] = v;
  return opts;
}

namespace {

const LoadedPlugin& require(const Registry& reg, const std::string& name, Kind kind, const std::string& pipeline) {
  const auto* p = reg.find(name);
  if (!p) throw UsageError("pipeline '" + pipeline + "' needs the plugin '" + name + "', which is not installed (see 'sdiag plugins')");
  if (!p->handle.is(kind))
    throw UsageError("pipeline '" + pipeline + "' uses '" + name + "' as " + to_string(kind) + ", but it is not an " +
                     to_string(kind) + " plugin");
  return *p;
}

}  // namespace

namespace {

// An output writes one file in the output folder, named by its "file" option:
// a plain name, never a path that reaches outside (a separator, "..", or an
// absolute path would let a pipeline file overwrite anything the user can write).
void require_plain_file_name(const Step& s, const std::map<std::string, std::string>& options) {
  auto it = options.find("file");
  if (it == options.end()) return;
  const std::string& name = it->second;
  const bool plain = !name.empty() && name != "." && name != ".." &&
                     name.find_first_of(std::string("/\\\0", 3)) == std::string::npos;
  if (!plain)
    throw UsageError(s.plugin + ".file='" + text::display_path(name) + "' is not a plain file name: an output writes only into the "
                     "output folder (-o). Give a name such as 'report.pdf', and choose the folder with -o");
}

// Two outputs of one run writing one file name would write over each other
// (and, written side by side, through one temporary file): refused.
void require_one_writer_per_file(const Pipeline& p, const Registry& reg, const RunRequest& r) {
  std::map<std::string, std::string> writer_of;  // file name -> the output writing it
  for (const auto& s : p.outputs) {
    const auto options = resolve_options(reg.find(s.plugin)->handle.info(), merged_options(s, r)).values();
    const auto file = options.find("file");
    if (file == options.end() || file->second.empty()) continue;
    const auto [first, added] = writer_of.emplace(file->second, s.plugin);
    if (!added)
      throw UsageError("pipeline '" + p.name + "': the outputs " + first->second + " and " + s.plugin +
                       " would both write " + text::display_path(file->second) +
                       ", one over the other; give each its own file name (its \"file\" option in the pipeline" +
                       (first->second == s.plugin ? std::string(")") : ", or --set " + s.plugin + ".file=NAME)"));
  }
}

}  // namespace

void validate(const Pipeline& p, const Registry& reg, const RunRequest& r) {
  for (const auto& s : p.inputs) require(reg, s.plugin, Kind::input, p.name);
  for (const auto& s : p.analyses) require(reg, s.plugin, Kind::analysis, p.name);
  if (p.layout) require(reg, p.layout->plugin, Kind::layout, p.name);
  for (const auto& s : p.outputs) require(reg, s.plugin, Kind::output, p.name);
  for (const auto& [file, known] : r.known_files) require(reg, known.plugin, Kind::input, p.name);
  std::set<std::string> used;
  for (const auto* s : all_steps(p)) {
    used.insert(s->plugin);
    try {
      resolve_options(reg.find(s->plugin)->handle.info(), merged_options(*s, r));
    } catch (const OptionError& e) {
      throw UsageError(e.what());
    }
  }
  for (const auto& s : p.outputs) require_plain_file_name(s, merged_options(s, r));
  require_one_writer_per_file(p, reg, r);
  for (const auto& [plugin, opts] : r.settings) {
    const auto* lp = reg.find(plugin);
    if (!lp) throw UsageError("--set " + plugin + ".…: no plugin '" + plugin + "' is installed (see 'sdiag plugins')");
    if (!used.count(plugin)) {
      if (!p.auto_inputs || !lp->handle.is(Kind::input))
        spdlog::warn("--set {}.…: '{}' is not part of pipeline '{}'; the setting has no effect", plugin, plugin, p.name);
      try {
        resolve_options(lp->handle.info(), opts);
      } catch (const OptionError& e) {
        throw UsageError(e.what());
      }
    }
  }
}

}  // namespace sdiag::core
