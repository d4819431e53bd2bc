#include "pipeline.hpp"
#include "sha256.hpp"
#include "warm_ups.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <sdiag/json.hpp>
#include <sdiag/plugin.hpp>

namespace sdiag::core {

namespace {

std::string slurp(const std::filesystem::path& p, std::uintmax_t limit) {
  std::error_code ec;
  auto size = std::filesystem::file_size(p, ec);
  if (ec) throw InputError("cannot read: " + ec.message());
  if (size > limit)
    throw InputError("is " + std::to_string((size + (1u << 20) - 1) >> 20) + " MiB; the limit is " + std::to_string(limit >> 20) +
                     " MiB (is this the right file?)");
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError("cannot open for reading");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

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

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

Pipeline Pipeline::from_json(const std::string& text, const std::string& origin) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    throw UsageError(origin + ": not valid JSON: " + e.what());
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
  if (!in) throw UsageError(path.string() + ": cannot open the pipeline file");
  std::ostringstream s;
  s << in.rdbuf();
  return from_json(s.str(), path.string());
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

namespace {

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

const LoadedPlugin& require(const Registry& reg, const std::string& name, Kind kind, const std::string& pipeline) {
  const auto* p = reg.find(name);
  if (!p) throw UsageError("pipeline '" + pipeline + "' needs the plugin '" + name + "', which is not installed (see 'sdiag plugins')");
  if (!p->handle.is(kind))
    throw UsageError("pipeline '" + pipeline + "' uses '" + name + "' as " + to_string(kind) + ", but it is not an " +
                     to_string(kind) + " plugin");
  return *p;
}

}  // namespace

void validate(const Pipeline& p, const Registry& reg, const RunRequest& r) {
  for (const auto& s : p.inputs) require(reg, s.plugin, Kind::input, p.name);
  for (const auto& s : p.analyses) require(reg, s.plugin, Kind::analysis, p.name);
  if (p.layout) require(reg, p.layout->plugin, Kind::layout, p.name);
  for (const auto& s : p.outputs) require(reg, s.plugin, Kind::output, p.name);
  std::set<std::string> used;
  for (const auto* s : all_steps(p)) {
    used.insert(s->plugin);
    try {
      resolve_options(reg.find(s->plugin)->handle.info(), merged_options(*s, r));
    } catch (const OptionError& e) {
      throw UsageError(e.what());
    }
  }
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

RunResult run(const Pipeline& p, const Registry& reg, const RunRequest& r, const std::filesystem::path& data_dir) {
  validate(p, reg, r);
  if (r.files.empty()) throw UsageError("no input files; give the board export, notes or diagnostic.json to read");

  RunResult result;
  Diagnostic& d = result.diagnostic;
  std::vector<Finding> findings;  // collected here, copied into the diagnostic before each output

  // The workshop template the inputs map onto.
  auto tpath = std::filesystem::path(p.template_ref);
  if (tpath.extension() != ".json") tpath = data_dir / "workshop" / (p.template_ref + ".json");
  {
    std::ifstream in(tpath, std::ios::binary);
    if (!in) throw UsageError("cannot open the workshop template " + tpath.string());
    std::ostringstream s;
    s << in.rdbuf();
    try {
      d.tmpl = template_from_json(s.str());
    } catch (const InputError& e) {
      throw UsageError(tpath.string() + ": " + e.what());
    }
    d.meta.template_id = d.tmpl.id;
  }

  auto make_context = [&](const Step& step, std::vector<Finding>& sink) {
    Context ctx(step.plugin, resolve_options(reg.find(step.plugin)->handle.info(), merged_options(step, r)), sink);
    ctx.set_data_dir(data_dir);
    ctx.set_output_dir(r.output_dir);
    // Progress is shown only for a step that takes more than a moment, at most once a second.
    auto started = std::chrono::steady_clock::now();
    auto last_shown = std::make_shared<std::chrono::steady_clock::time_point>(started);
    ctx.set_progress_sink([plugin = step.plugin, started, last_shown](const std::string& what, double fraction) {
      auto now = std::chrono::steady_clock::now();
      if (now - started < std::chrono::seconds(1) || now - *last_shown < std::chrono::seconds(1)) return;
      *last_shown = now;
      spdlog::warn("{}: {} {:.0f}%", plugin, what, 100 * std::clamp(fraction, 0.0, 1.0));
    });
    return ctx;
  };
  auto fail = [&](const std::string& plugin, const std::string& source, const std::string& location,
                  const std::string& message) {
    findings.push_back(Finding{Severity::error, plugin, source, location, message});
    result.failed = true;
  };

  // The later stages' plugins warm up on another thread while the inputs
  // are read; with one job (-j 1), everything stays on this thread. A plugin
  // that may be called to read an input is not warmed up: it could be in
  // use on this thread meanwhile.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t jobs = r.jobs ? r.jobs : cores;
  auto may_read = [&](const std::string& plugin) {
    if (p.auto_inputs) return reg.find(plugin)->handle.is(Kind::input);
    return std::any_of(p.inputs.begin(), p.inputs.end(), [&](const Step& s) { return s.plugin == plugin; });
  };
  std::vector<std::pair<std::string, WarmUp*>> to_warm;
  for (const auto* s : all_steps(p)) {
    auto* w = reg.find(s->plugin)->handle.warm_up();
    bool queued = std::any_of(to_warm.begin(), to_warm.end(), [&](const auto& q) { return q.first == s->plugin; });
    if (jobs > 1 && w && !queued && !may_read(s->plugin)) to_warm.emplace_back(s->plugin, w);
  }
  WarmUps warm_ups(std::move(to_warm));

  // ---- inputs
  for (const auto& file : r.files) {
    auto t0 = std::chrono::steady_clock::now();
    InputFile in{file, {}};
    try {
      in.bytes = slurp(file, r.max_input_bytes);
    } catch (const InputError& e) {
      fail("", file.string(), "", e.what());
      continue;
    }
    std::vector<const LoadedPlugin*> candidates;
    Step step;
    if (p.auto_inputs) {
      auto ranked = reg.sniff(in);
      if (ranked.empty()) {
        std::string inputs;
        for (const auto& lp : reg.plugins())
          if (lp.handle.is(Kind::input)) inputs += (inputs.empty() ? "" : ", ") + lp.handle.info().name;
        fail("", file.string(), "", "no input plugin recognises this file (tried: " + inputs + ")");
        continue;
      }
      step.plugin = ranked.front().second->handle.info().name;
    } else {
      for (const auto& s : p.inputs) {
        auto* in_plugin = reg.find(s.plugin)->handle.input();
        int score = 0;
        try { score = in_plugin->sniff(in); } catch (...) {}
        if (score > 0) { step = s; break; }
      }
      if (step.plugin.empty()) {
        fail("", file.string(), "", "none of this pipeline's inputs recognises this file");
        continue;
      }
    }
    const auto& lp = *reg.find(step.plugin);
    auto ctx = make_context(step, findings);
    std::size_t notes_before = d.notes.size();
    Diagnostic work = d;  // a failed read leaves the diagnostic as it was
    try {
      lp.handle.input()->read(in, work, ctx);
      for (std::size_t i = notes_before; i < work.notes.size(); ++i)
        limits::check_note_length(work.notes[i].id, work.notes[i].text);
      d = std::move(work);
      d.meta.sources.push_back(Source{file.string(), step.plugin, sha256_hex(in.bytes), step.plugin});
      spdlog::info("read {} with {}: {} notes ({:.0f} ms)", file.string(), step.plugin, d.notes.size() - notes_before,
                   ms_since(t0));
    } catch (const InputError& e) {
      fail(step.plugin, file.string(), e.location(), e.what());
    } catch (const std::exception& e) {
      fail(step.plugin, file.string(), "", std::string("failed: ") + e.what());
    } catch (...) {
      fail(step.plugin, file.string(), "", "failed with an unknown exception");
    }
  }

  // Note ids must be unique across inputs: later duplicates get a suffix.
  {
    std::set<std::string> seen;
    for (auto& n : d.notes) {
      if (n.id.empty()) n.id = "n" + std::to_string(seen.size() + 1);
      if (seen.insert(n.id).second) continue;
      std::string base = n.id;
      for (int k = 2; !seen.insert(n.id = base + "-" + std::to_string(k)).second; ++k) {}
      findings.push_back({Severity::info, "", n.source.file, base, "note id '" + base + "' was used twice; renamed to '" + n.id + "'"});
    }
  }

  // What the user said on the command line wins over what the files say.
  for (const auto& [key, value] : r.meta) {
    std::string& field = key == "title" ? d.meta.title
                         : key == "organisation" ? d.meta.organisation
                         : key == "service" ? d.meta.service
                         : key == "date" ? d.meta.date
                                         : d.meta.facilitator;
    field = value;
  }

  bool have_input = !d.meta.sources.empty();
  if (!have_input) {
    d.findings.insert(d.findings.end(), findings.begin(), findings.end());
    result.failed = true;
    return result;  // nothing was read: writing an empty report would hide the problem
  }

  // ---- analyses
  for (const auto& step : p.analyses) {
    warm_ups.wait(step.plugin);
    auto t0 = std::chrono::steady_clock::now();
    auto ctx = make_context(step, findings);
    Diagnostic work = d;
    try {
      reg.find(step.plugin)->handle.analysis()->analyse(work, ctx);
      d = std::move(work);
      spdlog::info("{}: done ({:.0f} ms)", step.plugin, ms_since(t0));
    } catch (const std::exception& e) {
      fail(step.plugin, "", "", std::string("analysis failed: ") + e.what());
    } catch (...) {
      fail(step.plugin, "", "", "analysis failed with an unknown exception");
    }
  }

  // ---- layout
  std::optional<doc::Document> document;
  if (p.layout) {
    warm_ups.wait(p.layout->plugin);
    auto t0 = std::chrono::steady_clock::now();
    d.findings.insert(d.findings.end(), findings.begin(), findings.end());
    findings.clear();
    auto ctx = make_context(*p.layout, findings);
    try {
      document = reg.find(p.layout->plugin)->handle.layout()->layout(d, ctx);
      spdlog::info("{}: {} blocks ({:.0f} ms)", p.layout->plugin, document->blocks.size(), ms_since(t0));
    } catch (const std::exception& e) {
      fail(p.layout->plugin, "", "", std::string("layout failed: ") + e.what());
    } catch (...) {
      fail(p.layout->plugin, "", "", "layout failed with an unknown exception");
    }
  }

  // ---- outputs: one failing does not stop the others
  std::error_code ec;
  std::filesystem::create_directories(r.output_dir, ec);
  if (ec) throw UsageError("cannot create the output folder " + r.output_dir.string() + ": " + ec.message());
  d.findings.insert(d.findings.end(), findings.begin(), findings.end());
  findings.clear();
  // Outputs only read the diagnostic and the document, so they are written
  // side by side: the PDF takes as long as all the others together. Each has
  // its own findings, merged in pipeline order so the result is the same
  // whichever finishes first.
  struct OutputRun {
    std::vector<Finding> findings;
    std::vector<std::filesystem::path> written;
    std::string failure;
  };
  std::vector<OutputRun> runs(p.outputs.size());
  const Diagnostic& diagnostic = d;
  auto write_one = [&](std::size_t i) {
    const auto& step = p.outputs[i];
    auto& out = runs[i];
    warm_ups.wait(step.plugin);
    auto t0 = std::chrono::steady_clock::now();
    try {
      auto ctx = make_context(step, out.findings);
      out.written = reg.find(step.plugin)->handle.output()->write(diagnostic, document ? &*document : nullptr, ctx);
      for (const auto& w : out.written) spdlog::info("wrote {} ({:.0f} ms)", w.string(), ms_since(t0));
    } catch (const std::exception& e) {
      out.failure = std::string("output failed: ") + e.what();
    } catch (...) {
      out.failure = "output failed with an unknown exception";
    }
  };
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < runs.size();) write_one(i);
  };
  const std::size_t threads = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(runs.size(), 1));
  {
    std::vector<std::jthread> helpers;
    for (std::size_t j = 1; j < threads; ++j) helpers.emplace_back(worker);
    worker();
  }  // joined here
  for (std::size_t i = 0; i < runs.size(); ++i) {
    findings.insert(findings.end(), runs[i].findings.begin(), runs[i].findings.end());
    result.written.insert(result.written.end(), runs[i].written.begin(), runs[i].written.end());
    if (!runs[i].failure.empty()) fail(p.outputs[i].plugin, "", "", runs[i].failure);
  }
  d.findings.insert(d.findings.end(), findings.begin(), findings.end());
  return result;
}

}  // namespace sdiag::core
