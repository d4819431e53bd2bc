// sdiag: command-line parsing only; each command lives in its own file.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <sdiag/atomic_file.hpp>
#include <sdiag/context.hpp>
#include <sdiag/text.hpp>
#include <sdiag/version.hpp>

#include "commands.hpp"
#include "paths.hpp"
#include "script_process.hpp"
#include "serve_args.hpp"

namespace {

// On Ctrl-C or a kill, remove half-written outputs; good files stay as they were.
extern "C" void on_signal(int sig) {
  sdiag::core::stop_running_programs();  // script plugins run in process groups of their own
  sdiag::remove_pending_temp_files();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Reports are drawn with sdiag's own fontconfig file (templates/fonts/fonts.conf:
// the system's fonts without its hundreds of substitution rules) unless the
// user has chosen one. Set before any library reads it or any thread starts.
void use_report_fonts() {
  if (std::getenv("FONTCONFIG_FILE") || std::getenv("FONTCONFIG_PATH")) return;
  const auto conf = sdiag::core::data_dir() / "fonts" / "fonts.conf";
  std::error_code ec;
  if (std::filesystem::is_regular_file(conf, ec)) setenv("FONTCONFIG_FILE", conf.c_str(), 0);
}

void setup_logging(int verbosity) {
  // Thread-safe: outputs are written, and plugins warm up, on other threads.
  auto logger = spdlog::stderr_logger_mt("sdiag");
  logger->set_pattern("sdiag: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(verbosity < 0 ? spdlog::level::err
                    : verbosity == 0 ? spdlog::level::warn
                    : verbosity == 1 ? spdlog::level::info
                                     : spdlog::level::debug);
}

// What a command printed (cluster's themes, the plugin list) must have
// reached its file: a full disk or /dev/full is an error, not exit 0.
int with_stdout_checked(int code) {
  errno = 0;
  std::cout.flush();
  if (std::fflush(stdout) == 0 && !std::ferror(stdout) && std::cout.good()) return code;
  spdlog::error("cannot write to standard output: {}", errno ? std::strerror(errno) : "part of it was refused (a full disk?)");
  return code == 0 ? 1 : code;
}

}  // namespace

int main(int argc, char** argv) {
  use_report_fonts();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  CLI::App app{"sdiag: turns a data service diagnostic workshop into its report, action plan and record"};
  app.set_version_flag("--version", std::string("sdiag ") + sdiag::version + " (SDK API " +
                                        std::to_string(sdiag::api_major) + "." + std::to_string(sdiag::api_minor) + ")");
  app.require_subcommand(1);
  app.fallthrough();  // -v, -q and --plugins may also come after the command
  sdiag::core::GlobalOptions global;
  int verbose = 0;
  bool quiet = false;
  app.add_option("--plugins", global.plugin_dirs, "Also load plugins from DIR (before SDIAG_PLUGIN_PATH and built-in)")
      ->type_name("DIR");
  app.add_flag("-v,--verbose", verbose, "More messages on stderr (-vv for debugging)");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");

  sdiag::core::RunArgs run;
  auto* run_cmd = app.add_subcommand("run", "Read workshop files and write the report, plan and diagnostic.json");
  run_cmd->add_option("files", run.files, "Board export, notes, forms or diagnostic.json")->type_name("FILE");
  auto* preset = run_cmd->add_option("--preset", run.preset, "Preset pipeline (see 'sdiag presets')")
                     ->capture_default_str();
  run_cmd->add_option("--pipeline", run.pipeline_file, "Pipeline file (JSON)")->excludes(preset)->check(CLI::ExistingFile);
  run_cmd->add_option("-o,--output", run.output_dir, "Folder to write into")->capture_default_str()->type_name("DIR");
  run_cmd->add_option("--set", run.settings, "Set a plugin option, e.g. --set cluster.max-themes=8")
      ->type_name("PLUGIN.OPTION=VALUE");
  run_cmd->add_option("--meta", run.meta,
                      "The workshop's details where the files lack them: title, organisation, service, "
                      "date (YYYY-MM-DD), facilitator, e.g. --meta date=2026-02-10")
      ->type_name("KEY=VALUE");
  run_cmd->add_option("-j,--jobs", run.jobs, "Outputs written at the same time (default: one per processor core)")
      ->type_name("N");

  std::string plugin_name;
  bool exists = false;
  auto* plugins_cmd = app.add_subcommand("plugins", "List the plugins, or show one with its options");
  plugins_cmd->add_option("name", plugin_name, "A plugin to inspect");
  plugins_cmd->add_flag("--exists", exists, "Only set the exit code: 0 when NAME is installed");

  auto* presets_cmd = app.add_subcommand("presets", "List the preset pipelines");

  std::string new_name, new_kind, new_lang = "cpp";
  std::filesystem::path new_dir;
  auto* new_cmd = app.add_subcommand("new-plugin", "Create a plugin project to build against the installed SDK");
  new_cmd->add_option("name", new_name, "Plugin name: lower-case letters, digits, hyphens")->required();
  new_cmd->add_option("--kind", new_kind, "What the plugin does")
      ->required()->check(CLI::IsMember({"input", "analysis", "layout", "output"}));
  new_cmd->add_option("--lang", new_lang, "cpp: a library built against the SDK; python: a script plugin folder")
      ->check(CLI::IsMember({"cpp", "python"}))->capture_default_str();
  new_cmd->add_option("-o,--output", new_dir, "Folder to create (default: ./NAME)")->type_name("DIR");

  sdiag::core::ClusterArgs cluster;
  auto* cluster_cmd = app.add_subcommand(
      "cluster", "Group the notes of a file into themes: prints theme-id<TAB>label per note, in input order");
  cluster_cmd->add_option("file", cluster.file, "Plain text (one note per line) or any input file")
      ->required()->check(CLI::ExistingFile)->type_name("FILE");
  cluster_cmd->add_option("--sections", cluster.sections, "Sections to group, e.g. key_issues/pain_points,ideas")
      ->type_name("LIST");
  cluster_cmd->add_option("--set", cluster.settings, "Set a cluster option, e.g. --set merge-threshold=0.4")
      ->type_name("OPTION=VALUE");

  sdiag::core::TrackArgs track;
  auto* track_cmd = app.add_subcommand("track", "Read back an action plan people have updated; write the updated "
                                                 "diagnostic.json, a refreshed plan and a progress report");
  track_cmd->add_option("plan", track.plan, "The edited action plan (.xlsx)")
      ->required()->check(CLI::ExistingFile)->type_name("PLAN.xlsx");
  track_cmd->add_option("--diagnostic", track.diagnostic, "The diagnostic.json the plan was written from")
      ->check(CLI::ExistingFile)->type_name("FILE");
  track_cmd->add_option("-o,--output", track.output_dir, "Folder to write into")->capture_default_str()->type_name("DIR");
  track_cmd->add_flag("--in-place", track.in_place, "Write the refreshed plan over PLAN (after reading it in full)");

  sdiag::core::CompareArgs compare;
  auto* compare_cmd = app.add_subcommand("compare", "Compare many councils' diagnostics, each redacted before they "
                                                     "are combined: a report, a workbook and a combined record");
  compare_cmd->add_option("diagnostics", compare.inputs, "diagnostic.json files, or folders holding one")
      ->required()->check(CLI::ExistingPath)->type_name("DIAG...");
  compare_cmd->add_option("-o,--output", compare.output_dir, "Folder to write into")->capture_default_str()->type_name("DIR");
  compare_cmd->add_option("--profile", compare.profile, "Redaction profile: regional, national, statistics, or a .json file")
      ->capture_default_str()->type_name("NAME");

  sdiag::core::TemplateArgs tmpl;
  auto* template_cmd = app.add_subcommand("template", "Write a blank capture template: boards to print (PDF, one "
                                                       "landscape page per section), a Word form with a box per "
                                                       "section and prompt, the template as JSON, or a notes CSV");
  template_cmd->add_option("--format", tmpl.format, "pdf, docx, json or csv (default: from FILE's extension)")
      ->type_name("FORMAT");
  template_cmd->add_option("--paper", tmpl.paper, "Paper of the printed boards: a3 or a4")
      ->check(CLI::IsMember({"a3", "a4"}, CLI::ignore_case))->capture_default_str()->type_name("SIZE");
  template_cmd->add_option("-o,--output", tmpl.output, "File to write")->required()->type_name("FILE");
  template_cmd->add_option("--template", tmpl.template_ref, "Workshop template id (templates/workshop) or .json path")
      ->capture_default_str()->type_name("ID|PATH");
  template_cmd->add_flag("--force", tmpl.force, "Replace FILE when it exists");

  sdiag::core::MiroPullArgs miro_pull;
  auto* miro_cmd = app.add_subcommand("miro", "Fetch a board from Miro (the only command that uses the network)");
  miro_cmd->require_subcommand(1);
  auto* miro_pull_cmd = miro_cmd->add_subcommand(
      "pull", "Fetch a whole board through Miro's REST API into a board dump; the token is read from MIRO_TOKEN");
  miro_pull_cmd->add_option("board", miro_pull.board, "The board id (after /app/board/ in its address)")
      ->required()->type_name("BOARD_ID");
  miro_pull_cmd->add_option("-o,--output", miro_pull.output, "File to write")->required()->type_name("FILE");
  miro_pull_cmd->add_option("--base-url", miro_pull.base_url, "Miro REST API address (plain http only to 127.0.0.1)")
      ->capture_default_str()->type_name("URL");
  miro_pull_cmd->add_option("--retries", miro_pull.retries, "Retries per request after 429, 5xx or a dropped connection")
      ->capture_default_str()->check(CLI::Range(0, 10));

  sdiag::core::ServeArgs serve;
  bool no_browser = false;
  auto* serve_cmd = app.add_subcommand("serve", "Review and correct the analysis in the browser, then write the report "
                                                 "(a page on this machine only)");
  serve_cmd->add_option("--port", serve.port, "Port to listen on (default: any free port)")->type_name("N");
  serve_cmd->add_option("--workspace", serve.workspace_root,
                        "Folder holding one workspace per upload (default: ~/.local/share/sdiag/workspaces)")
      ->type_name("DIR");
  serve_cmd->add_flag("--no-browser", no_browser, "Print the address only; do not open a browser");
  serve_cmd->add_option("--request-timeout", serve.request_timeout,
                        "Seconds a client has to send a whole request; a slower one is cut off")
      ->capture_default_str()->check(CLI::Range(1, 3600))->type_name("SECONDS");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 quotes a path it checked (an --pipeline that does not exist) in raw bytes: shown escaped when not UTF-8.
    const std::string said = e.what();
    std::cerr << "sdiag: " << (sdiag::text::is_valid_utf8(said) ? said : sdiag::text::display_path(said)) << "\n"
              << "Run 'sdiag --help' or 'sdiag COMMAND --help' for usage.\n";
    return 2;
  }
  setup_logging(quiet ? -1 : verbose);
  if (auto bad = sdiag::source_date_epoch_error(); !bad.empty()) {
    spdlog::error("{}", bad);
    return 2;
  }
  if (const char* fonts = std::getenv("FONTCONFIG_FILE")) spdlog::debug("font configuration: {}", fonts);

  auto command = [&] {
    if (run_cmd->parsed()) return sdiag::core::cmd_run(global, run);
    if (plugins_cmd->parsed()) return sdiag::core::cmd_plugins(global, plugin_name, exists);
    if (presets_cmd->parsed()) return sdiag::core::cmd_presets(global);
    if (track_cmd->parsed()) return sdiag::core::cmd_track(global, track);
    if (compare_cmd->parsed()) return sdiag::core::cmd_compare(global, compare);
    if (new_cmd->parsed()) return sdiag::core::cmd_new_plugin(new_name, new_kind, new_lang, new_dir);
    if (cluster_cmd->parsed()) return sdiag::core::cmd_cluster(global, cluster);
    if (template_cmd->parsed()) return sdiag::core::cmd_template(global, tmpl);
    if (miro_pull_cmd->parsed()) return sdiag::core::cmd_miro_pull(miro_pull);
    if (serve_cmd->parsed()) {
      serve.open_browser = !no_browser;
      return sdiag::core::cmd_serve(global, serve);
    }
    return 2;
  };
  return with_stdout_checked(command());
}
