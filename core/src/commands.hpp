// The sdiag subcommands, as plain functions of their parsed arguments.
// main.cpp does the argument parsing (CLI11) and nothing else.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace sdiag::core {

/// Options every command shares.
struct GlobalOptions {
  std::vector<std::filesystem::path> plugin_dirs;  ///< --plugins
};

struct RunArgs {
  std::vector<std::filesystem::path> files;
  std::string preset = "full-report";
  std::filesystem::path pipeline_file;
  std::filesystem::path output_dir = "out";
  std::vector<std::string> settings;
  std::vector<std::string> meta;  ///< --meta key=value
  unsigned jobs = 0;              ///< --jobs: outputs written side by side, 0 = one per core
};

struct ClusterArgs {
  std::filesystem::path file;
  std::string sections;               ///< cluster's "sections" option, "" = its default
  std::vector<std::string> settings;  ///< other cluster options, OPTION=VALUE
};

struct TrackArgs {
  std::filesystem::path plan;
  std::filesystem::path diagnostic;  ///< "" = start the record from the plan alone
  std::filesystem::path output_dir = "out";
  bool in_place = false;             ///< write the refreshed plan over PLAN
};

struct CompareArgs {
  std::vector<std::filesystem::path> inputs;  ///< diagnostic.json files, or folders holding one
  std::filesystem::path output_dir = "out";
  std::string profile = "national";           ///< templates/redaction/<NAME>.json, or a .json file
};

struct TemplateArgs {
  std::string format;                                   ///< pdf, docx, json or csv; "" = from the output's extension
  std::filesystem::path output;                         ///< -o FILE
  std::string paper = "a3";                             ///< the printed boards' paper: a3 or a4
  std::string template_ref = "d2i-service-diagnostic";  ///< workshop template id or path
  bool force = false;                                   ///< replace an existing FILE
};

struct MiroPullArgs {
  std::string board;                             ///< BOARD_ID or the board's address
  std::filesystem::path output;                  ///< -o FILE
  std::string base_url = "https://api.miro.com";  ///< --base-url
  int retries = 5;                               ///< per request, for 429, 5xx and dropped connections
};

/// Exit codes: 0 everything written, 1 something failed, 2 usage error.
int cmd_run(const GlobalOptions& g, const RunArgs& a);
int cmd_plugins(const GlobalOptions& g, const std::string& name, bool exists_only);
int cmd_presets(const GlobalOptions& g);
/// Reads back an edited action plan; writes diagnostic.json, a refreshed plan and a progress report.
int cmd_track(const GlobalOptions& g, const TrackArgs& a);
/// Compares many councils' diagnostics, each redacted before they are combined.
int cmd_compare(const GlobalOptions& g, const CompareArgs& a);
/// Scaffolds an out-of-tree plugin project NAME of KIND into DIR (default ./NAME).
int cmd_new_plugin(const std::string& name, const std::string& kind, const std::string& lang, std::filesystem::path dir);
int cmd_cluster(const GlobalOptions& g, const ClusterArgs& a);
/// Writes a blank capture template (printed boards, Word form, JSON or CSV) for a workshop template.
int cmd_template(const GlobalOptions& g, const TemplateArgs& a);
/// Fetches a whole Miro board (token from MIRO_TOKEN) into the dump the miro input reads.
int cmd_miro_pull(const MiroPullArgs& a);
struct ServeArgs;  // serve_args.hpp
/// Serves the facilitator's review page on this machine until Ctrl-C.
int cmd_serve(const GlobalOptions& g, ServeArgs a);

}  // namespace sdiag::core
