#include "script_plugin.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <sdiag/json.hpp>
#include <sdiag/limits.hpp>
#include <sdiag/text.hpp>

#include "paths.hpp"
#include "script_process.hpp"
#include "script_response.hpp"

namespace sdiag::core {

namespace {

namespace fs = std::filesystem;
using ojson = script_response::ojson;

std::string command_line(const std::vector<std::string>& run) {
  std::string s;
  for (const auto& a : run) s += (s.empty() ? "" : " ") + a;
  return s;
}

/// The options as JSON of their declared types: what the program reads.
ojson typed_options(const PluginInfo& info, const Options& options) {
  ojson out = ojson::object();
  for (const auto& spec : info.options) {
    const auto& name = spec.name;
    switch (spec.type) {
      case OptionType::integer: out[name] = options.integer(name); break;
      case OptionType::number: out[name] = options.number(name); break;
      case OptionType::boolean: out[name] = options.boolean(name); break;
      case OptionType::list: out[name] = options.list(name); break;
      default: out[name] = options.str(name);
    }
  }
  return out;
}

/// What one call sends: small fields as JSON, the diagnostic and document as
/// the text their writers give (spliced in, not parsed again).
struct Request {
  ojson fields;
  std::vector<std::pair<std::string, std::string>> raw;

  std::string text() const {
    std::string s = fields.dump();
    s.pop_back();  // the closing brace; fields is never empty
    for (const auto& [key, value] : raw) s += "," + ojson(key).dump() + ":" + value;
    return s + "}";
  }
};

/// The path a request names a file or folder by. JSON strings are UTF-8 only,
/// so one whose path is not (Latin-1 bytes from a Windows share) is named by a
/// link with a UTF-8 name (text::display_path's, cut to fit a file name) in a
/// private folder, removed when the call is over.
class RequestPath {
 public:
  explicit RequestPath(const fs::path& file) : path_(fs::absolute(file).lexically_normal()) {
    if (!path_.has_filename()) path_ = path_.parent_path();  // "out/": the folder's own name for the link
    if (text::is_valid_utf8(path_.native())) return;
    std::string folder = (fs::temp_directory_path() / "sdiag-script-XXXXXX").string();
    if (!::mkdtemp(folder.data()))
      throw std::runtime_error("cannot make a folder for a link to " + text::display_path(file) + " (" +
                               std::strerror(errno) + "); check that the temporary folder (TMPDIR) can be written to");
    folder_ = folder;
    const auto link = folder_ / link_name(path_);
    std::error_code ec;
    fs::create_symlink(path_, link, ec);
    if (ec) {
      fs::remove_all(folder_, ec);  // the destructor does not run for a constructor that throws
      throw std::runtime_error("cannot make a link to " + text::display_path(file) + " for the script (" + ec.message() +
                               ")");
    }
    path_ = link;
  }
  ~RequestPath() {
    std::error_code ec;
    if (!folder_.empty()) fs::remove_all(folder_, ec);
  }
  RequestPath(const RequestPath&) = delete;
  RequestPath& operator=(const RequestPath&) = delete;
  std::string str() const { return path_.string(); }
  const fs::path& path() const { return path_; }

 private:
  // The escaped name, which may be four times as long as the file's own: cut
  // to the longest a file name may be (NAME_MAX), keeping its extension.
  static std::string link_name(const fs::path& file) {
    constexpr std::size_t name_max = 255;
    std::string name = text::display_path(file.filename());
    if (name.size() <= name_max) return name;
    std::string extension = text::display_path(file.extension());
    if (extension.size() > 16) extension.clear();
    std::size_t keep = name_max - extension.size();
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;  // a whole character
    return name.substr(0, keep) + extension;
  }

  fs::path path_;
  fs::path folder_;
};

std::string describe_end(const ProgramResult& r) {
  switch (r.end) {
    case ProgramResult::End::signalled: {
      const char* name = sigabbrev_np(r.code);
      return "crashed (signal " + std::to_string(r.code) + (name ? std::string(", SIG") + name : "") + ")";
    }
    case ProgramResult::End::timed_out: return "";
    case ProgramResult::End::too_much_output: return "";
    default: return "exited with status " + std::to_string(r.code);
  }
}

/// Runs the program on `request` and returns its response, checked to hold
/// `answer`; response findings go to `findings`. @throws std::runtime_error
/// saying what went wrong and what to do.
ojson call(const ScriptManifest& m, const Request& request, const Options& options, const fs::path& data_dir,
           const char* answer, std::vector<Finding>& findings) {
  const auto& name = m.info.name;
  const auto cmd = "`" + command_line(m.run) + "`";
  ProgramCall pc;
  pc.argv = m.run;
  pc.dir = m.dir;
  pc.env = {{"SDIAG_API", std::to_string(api_major) + "." + std::to_string(api_minor)},
            {"SDIAG_DATA_DIR", fs::absolute(data_dir).string()},
            {"PYTHONPATH", python_helper_dir().string()},
            {"PYTHONDONTWRITEBYTECODE", "1"},  // nothing written beside the helper or the plugin
            {"LANG", "C.UTF-8"}};
  for (const char* pass : {"PATH", "SOURCE_DATE_EPOCH"})
    if (const char* v = std::getenv(pass)) pc.env[pass] = v;
  pc.input = request.text();
  const auto timeout = options.integer("timeout");
  if (timeout < 1) throw std::runtime_error("option 'timeout' should be at least 1 second");
  pc.timeout = std::chrono::seconds(timeout);
  pc.max_output_bytes = limits::max_script_response_bytes;
  std::string last_error_line;
  pc.on_stderr_line = [&](const std::string& line) {
    spdlog::info("{}: {}", name, line);
    if (!line.empty()) last_error_line = text::to_utf8(line);  // it goes into diagnostic.json
  };

  ProgramResult r;
  try {
    r = run_program(pc);
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot start its program " + cmd + ": " + e.what() + "; check \"run\" in " +
                             (m.dir / manifest_file).string());
  }
  const std::string hint = last_error_line.empty() ? "" : " (its last error line: \"" + last_error_line + "\")";
  if (r.end == ProgramResult::End::timed_out)
    throw std::runtime_error("its program " + cmd + " did not answer within " + std::to_string(timeout) +
                             " s and was stopped; if it needs longer, raise the limit with --set " + name +
                             ".timeout=SECONDS or \"timeout\" in plugin.json");
  if (r.end == ProgramResult::End::too_much_output)
    throw std::runtime_error("its program " + cmd + " wrote more than " +
                             std::to_string(limits::max_script_response_bytes >> 20) +
                             " MiB on stdout and was stopped; the response should be one JSON object");
  if (r.end != ProgramResult::End::exited || r.code != 0)
    throw std::runtime_error("its program " + cmd + " " + describe_end(r) + hint +
                             "; run sdiag with -v to see all it wrote on stderr");

  return script_response::parse(r.output, answer, name, cmd, findings);
}

void add_findings(Context& ctx, std::vector<Finding>& findings) {
  for (auto& f : findings) ctx.finding(f.severity, std::move(f.source), std::move(f.location), std::move(f.message));
}

Request request(const ScriptManifest& m, const char* kind, const Options& options) {
  Request r;
  r.fields = {{"api", std::to_string(api_major) + "." + std::to_string(api_minor)},
              {"kind", kind},
              {"plugin", m.info.name},
              {"options", typed_options(m.info, options)}};
  return r;
}

}  // namespace

int ScriptPlugin::sniff(const InputFile& file) const {
  const auto& exts = manifest_.info.extensions;
  if (!exts.empty() && std::find(exts.begin(), exts.end(), file.extension()) == exts.end()) return 0;
  try {
    std::vector<Finding> ignored;
    auto options = resolve_options(manifest_.info, {});
    auto req = request(manifest_, "input", options);
    const RequestPath path(file.path);
    req.fields["path"] = path.str();
    req.fields["sniff"] = true;
    auto response = call(manifest_, req, options, data_dir(), "sniff", ignored);
    return script_response::sniff_of(response);
  } catch (const std::exception& e) {
    spdlog::debug("{}: sniff of {} failed: {}", manifest_.info.name, text::display_path(file.path), e.what());
    return 0;  // a sniff that fails cannot read the file
  }
}

void ScriptPlugin::read(const InputFile& file, Diagnostic& into, Context& ctx) {
  std::vector<Finding> findings;
  auto req = request(manifest_, "input", ctx.options());
  const RequestPath path(file.path);
  req.fields["path"] = path.str();
  auto response = call(manifest_, req, ctx.options(), ctx.data_dir(), "diagnostic", findings);
  auto read = script_response::diagnostic_of(response, manifest_.info.name);
  // The file as sdiag names it, not the link a request may have named it by.
  const auto shown = text::display_path(file.path);
  for (auto& n : read.notes)
    if (n.source.file == path.str()) n.source.file = shown;
  for (auto& a : read.actions)
    if (a.source.file == path.str()) a.source.file = shown;
  for (auto& f : findings)
    if (f.source == path.str()) f.source = shown;
  // What the file holds joins what the other inputs gave; the template stays the host's.
  using Field = std::pair<std::string*, const std::string*>;
  for (const Field& f : std::initializer_list<Field>{{&into.meta.title, &read.meta.title},
                                                    {&into.meta.organisation, &read.meta.organisation},
                                                    {&into.meta.service, &read.meta.service},
                                                    {&into.meta.date, &read.meta.date},
                                                    {&into.meta.facilitator, &read.meta.facilitator}})
    if (f.first->empty()) *f.first = *f.second;
  append_content(into, std::move(read));
  add_findings(ctx, findings);
}

void ScriptPlugin::analyse(Diagnostic& diagnostic, Context& ctx) {
  std::vector<Finding> findings;
  auto req = request(manifest_, "analysis", ctx.options());
  req.raw.emplace_back("diagnostic", to_json(diagnostic));
  auto response = call(manifest_, req, ctx.options(), ctx.data_dir(), "diagnostic", findings);
  diagnostic = script_response::diagnostic_of(response, manifest_.info.name);
  add_findings(ctx, findings);
}

doc::Document ScriptPlugin::layout(const Diagnostic& diagnostic, Context& ctx) {
  std::vector<Finding> findings;
  auto req = request(manifest_, "layout", ctx.options());
  req.raw.emplace_back("diagnostic", to_json(diagnostic));
  if (!manifest_.base_layout.empty()) {
    if (!base_ || !base_->layout())
      throw std::runtime_error("its base layout '" + manifest_.base_layout + "' " +
                               (base_problem_.empty() ? "is not an installed layout plugin (see 'sdiag plugins')"
                                                      : base_problem_));
    std::vector<Finding> base_findings;
    Context base_ctx(base_->info().name, resolve_options(base_->info(), manifest_.base_options), base_findings);
    base_ctx.set_data_dir(ctx.data_dir());
    base_ctx.set_output_dir(ctx.output_dir());
    base_ctx.set_now(ctx.now());
    req.raw.emplace_back("document", to_json(base_->layout()->layout(diagnostic, base_ctx)));
    for (auto& f : base_findings)
      ctx.finding(f.severity, std::move(f.source), std::move(f.location), base_->info().name + ": " + f.message);
  }
  auto response = call(manifest_, req, ctx.options(), ctx.data_dir(), "document", findings);
  auto document = script_response::document_of(response);
  add_findings(ctx, findings);
  return document;
}

std::vector<fs::path> ScriptPlugin::write(const Diagnostic& diagnostic, const doc::Document* document, Context& ctx) {
  std::vector<Finding> findings;
  const auto out_dir = fs::absolute(ctx.output_dir());
  auto req = request(manifest_, "output", ctx.options());
  const RequestPath folder(out_dir);
  req.fields["output_dir"] = folder.str();
  req.raw.emplace_back("diagnostic", to_json(diagnostic));
  req.raw.emplace_back("document", document ? to_json(*document) : "null");
  auto response = call(manifest_, req, ctx.options(), ctx.data_dir(), "files", findings);
  auto written = script_response::files_of(response, folder.path());
  // The files in the output folder itself, not through the link a request may have named it by.
  for (auto& w : written) w = out_dir / w.lexically_normal().lexically_relative(folder.path().lexically_normal());
  add_findings(ctx, findings);
  return written;
}

PluginHandle script_plugin_handle(ScriptManifest manifest) {
  auto dir = manifest.dir;
  auto info = manifest.info;
  return PluginHandle::adopt(std::move(dir), std::move(info), std::make_unique<ScriptPlugin>(std::move(manifest)));
}

}  // namespace sdiag::core
