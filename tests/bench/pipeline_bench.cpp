// bench_pipeline: the whole full-report pipeline at scale, stage by stage,
// and against the tools a user would otherwise reach for on the same
// content (pandoc for the DOCX, LibreOffice for the PDF, openpyxl for the
// action plan).
//
//   bench_pipeline [--sizes 100,150,1000,10000,15000,100000] [--peers-up-to N] [--keep DIR]
//
// For each size a synthetic Miro board is generated (pipeline_board.py),
// then each stage of the full-report preset is run through the real plugin
// (read, the preset's analyses, layout, each writer) and timed, with its
// own peak resident memory; then the whole `sdiag run` as a child process
// (wall time from before fork to reaping, peak RSS from wait4); then the
// peers on sdiag's own Markdown, DOCX and actions. Not run by CTest.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <sdiag/json.hpp>
#include <sdiag/testing.hpp>

#include "pipeline_measure.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path source_dir = SDIAG_BENCH_SOURCE_DIR;
const fs::path plugin_dir = SDIAG_BENCH_PLUGIN_DIR;
const fs::path sdiag_exe = SDIAG_BENCH_EXECUTABLE;
const char* const python = "/usr/bin/python3";  // the Debian one, where python3-openpyxl is

struct Options {
  std::vector<std::size_t> sizes{100, 150, 1000, 10000, 15000, 100000};
  std::size_t peers_up_to = 15000;  // LibreOffice on 100,000 notes takes minutes
  std::optional<fs::path> keep;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--sizes") {
      o.sizes.clear();
      std::stringstream s(value());
      for (std::string n; std::getline(s, n, ',');) o.sizes.push_back(std::stoul(n));
    } else if (a == "--peers-up-to") {
      o.peers_up_to = std::stoul(value());
    } else if (a == "--keep") {
      o.keep = value();
    } else {
      throw std::runtime_error("usage: bench_pipeline [--sizes N,N,...] [--peers-up-to N] [--keep DIR]");
    }
  }
  return o;
}

std::vector<std::string> preset_analyses() {
  std::ifstream in(source_dir / "templates/pipelines/full-report.json");
  auto j = nlohmann::json::parse(in, nullptr, true, /*ignore_comments=*/true);
  std::vector<std::string> out;
  for (const auto& a : j.at("analyses")) out.push_back(a.is_string() ? a.get<std::string>() : a.at("plugin").get<std::string>());
  return out;
}

int repeats_for(std::size_t notes) { return notes <= 1000 ? 5 : notes <= 15000 ? 3 : 1; }

struct Row {
  std::string what;
  bench::Cost cost;
};

struct SizeResult {
  std::size_t notes = 0;
  std::vector<Row> stages;
  bench::Cost run, pandoc, libreoffice, openpyxl;
  bool peers = false;
};

void print_rows(const std::vector<Row>& rows) {
  std::printf("  %-26s %10s %10s %10s\n", "stage", "ms", "peak MiB", "+MiB");
  for (const auto& r : rows)
    std::printf("  %-26s %10.1f %10.1f %10.1f\n", r.what.c_str(), r.cost.ms, r.cost.peak_mib, r.cost.grew_mib);
}

SizeResult run_size(std::size_t notes, const fs::path& work, const std::vector<std::string>& analyses,
                    bool with_peers) {
  SizeResult result;
  result.notes = notes;
  const fs::path dir = work / std::to_string(notes);
  fs::create_directories(dir / "stages");
  const fs::path board = dir / "board.json";
  auto made = bench::measure_process(
      {python, (source_dir / "tests/bench/pipeline_board.py").string(), std::to_string(notes), board.string()}, 1);
  if (!made.ok) throw std::runtime_error("pipeline_board.py failed for " + std::to_string(notes) + " notes");
  const int repeats = repeats_for(notes);

  // ---- each stage through its real plugin
  sdiag::Diagnostic d, input;
  sdiag::testing::Harness reader(plugin_dir / "miro.so");
  reader.data_dir(source_dir / "templates");
  result.stages.push_back({"read (miro)", bench::measure_stage([&] { d = {}; }, [&] { d = reader.read(board); }, repeats)});
  for (const auto& name : analyses) {
    sdiag::testing::Harness h(plugin_dir / (name + ".so"));
    h.data_dir(source_dir / "templates");
    const auto before = d;
    result.stages.push_back({name, bench::measure_stage([&] { input = before; }, [&] { d = h.analyse(std::move(input)); },
                                                        repeats)});
  }
  input = {};
  sdiag::testing::Harness layout(plugin_dir / "d2i-report.so");
  layout.data_dir(source_dir / "templates");
  sdiag::doc::Document document;
  result.stages.push_back({"layout (d2i-report)", bench::measure_stage([&] { document = {}; },
                                                                       [&] { document = layout.layout(d); }, repeats)});
  for (const std::string name : {"json", "markdown", "docx", "pdf", "xlsx"}) {
    sdiag::testing::Harness h(plugin_dir / (name + ".so"));
    h.data_dir(source_dir / "templates");
    h.output_dir(dir / "stages");
    result.stages.push_back({"write " + name, bench::measure_stage([] {}, [&] { h.write(d, &document); }, repeats)});
  }
  std::printf("\n== %zu notes asked for: %zu read, %zu actions, %zu themes, %zu blocks; board %.1f MiB\n", notes,
              d.notes.size(), d.actions.size(), d.themes.size(), document.blocks.size(),
              static_cast<double>(fs::file_size(board)) / (1 << 20));
  print_rows(result.stages);

  // ---- the whole run, as a user starts it
  const fs::path out = dir / "run";
  result.run = bench::measure_process({sdiag_exe.string(), "-q", "run", board.string(), "-o", out.string()}, repeats,
                                      (dir / "run.log").string());
  std::printf("  %-26s %10.1f %10.1f %s\n", "sdiag run (all outputs)", result.run.ms, result.run.peak_mib,
              result.run.ok ? "" : "  (exit status not 0: see run.log)");
  if (!with_peers) return result;

  // ---- the peers, on the same content
  result.peers = true;
  sdiag::Diagnostic plan;  // what the openpyxl script needs: the actions and the themes they link to
  plan.actions = d.actions;
  plan.themes = d.themes;
  std::ofstream(dir / "actions.json", std::ios::binary) << sdiag::to_json(plan);
  result.pandoc = bench::measure_process(
      {"pandoc", "-f", "markdown", "-t", "docx", "-o", (dir / "pandoc.docx").string(), (out / "report.md").string()},
      repeats);
  result.libreoffice = bench::measure_process(
      {"soffice", "-env:UserInstallation=file://" + (work / "lo-profile").string(), "--headless", "--convert-to", "pdf",
       "--outdir", (dir / "lo").string(), (out / "report.docx").string()},
      repeats);
  if (!fs::exists(dir / "lo/report.pdf")) result.libreoffice.ok = false;
  result.openpyxl = bench::measure_process(
      {python, (source_dir / "tests/bench/pipeline_openpyxl_plan.py").string(), (dir / "actions.json").string(),
       (dir / "openpyxl.xlsx").string()},
      repeats);
  auto stage_ms = [&](const std::string& name) {
    for (const auto& r : result.stages)
      if (r.what == name) return r.cost.ms;
    return 0.0;
  };
  // Against the whole run (process start, every output) and against the one writer that does the peer's job.
  auto peer = [&](const char* what, const bench::Cost& c, double writer_ms) {
    std::printf("  %-26s %10.1f %10.1f   sdiag run %.2fx faster; its writer %.1fx%s\n", what, c.ms, c.peak_mib,
                c.ms / result.run.ms, c.ms / writer_ms, c.ok ? "" : "  (failed)");
  };
  peer("pandoc md->docx", result.pandoc, stage_ms("write docx"));
  peer("libreoffice docx->pdf", result.libreoffice, stage_ms("write pdf"));
  peer("openpyxl plan", result.openpyxl, stage_ms("write xlsx"));
  bench::Cost chain{result.pandoc.ms + result.libreoffice.ms, std::max(result.pandoc.peak_mib, result.libreoffice.peak_mib)};
  peer("pandoc + libreoffice", chain, stage_ms("write docx") + stage_ms("write pdf"));
  return result;
}

// What the peers cost for a real workshop (about 150 notes) on the machine
// the targets were set on (issue "Performance"): pandoc 0.08 s for the DOCX,
// LibreOffice 0.9 s for the PDF, openpyxl 0.15 s for the plan.
constexpr double kReferencePandocMs = 80, kReferenceLibreOfficeMs = 900, kReferenceOpenpyxlMs = 150;
constexpr double kWorkshopTargetMs = 100;

// This virtual machine's speed changes by a factor of two or more from one
// hour to the next, so a wall-time target only means something next to
// what the same tools cost at the same moment: the peers, timed in this run,
// against their cost when the target was set, give the machine's slowness
// now, and sdiag's workshop time at the reference's speed.
void print_against_reference(const std::vector<SizeResult>& results) {
  const SizeResult* workshop = nullptr;
  for (const auto& r : results)
    if (r.peers && r.notes >= 100 && r.notes <= 300 && (!workshop || std::labs(long(r.notes) - 150) < std::labs(long(workshop->notes) - 150)))
      workshop = &r;
  if (!workshop) return;
  const double pandoc = workshop->pandoc.ms / kReferencePandocMs, lo = workshop->libreoffice.ms / kReferenceLibreOfficeMs,
               openpyxl = workshop->openpyxl.ms / kReferenceOpenpyxlMs;
  const double slower = std::cbrt(pandoc * lo * openpyxl);
  std::printf("\n== a workshop (%zu notes) against the 100 ms target\n", workshop->notes);
  std::printf("  this machine now, against the one the targets were set on: %.2fx the time (geometric mean of\n"
              "  pandoc %.2fx, LibreOffice %.2fx, openpyxl %.2fx; reference %.0f, %.0f and %.0f ms)\n",
              slower, pandoc, lo, openpyxl, kReferencePandocMs, kReferenceLibreOfficeMs, kReferenceOpenpyxlMs);
  std::printf("  sdiag run: %.1f ms here, %.1f ms at the reference's speed (target: at most %.0f ms)\n",
              workshop->run.ms, workshop->run.ms / slower, kWorkshopTargetMs);
}

void print_summary(const std::vector<SizeResult>& results) {
  std::printf("\n== summary (ms, MiB; x = how many times faster sdiag's whole run is)\n");
  std::printf("%8s %9s %9s %9s %9s %9s %9s %9s %8s %8s\n", "notes", "run ms", "run MiB", "pandoc", "LO", "openpyxl",
              "chain", "x chain", "x pandoc", "x LO");
  for (const auto& r : results) {
    std::printf("%8zu %9.1f %9.1f", r.notes, r.run.ms, r.run.peak_mib);
    if (r.peers) {
      double chain = r.pandoc.ms + r.libreoffice.ms;
      std::printf(" %9.1f %9.1f %9.1f %9.1f %8.1fx %7.1fx %7.1fx\n", r.pandoc.ms, r.libreoffice.ms, r.openpyxl.ms, chain,
                  chain / r.run.ms, r.pandoc.ms / r.run.ms, r.libreoffice.ms / r.run.ms);
    } else {
      std::printf("   (peers not run)\n");
    }
  }
  print_against_reference(results);
  // Growth from 1,000 to 100,000 notes: 100 would be exactly linear.
  const SizeResult *small = nullptr, *large = nullptr;
  for (const auto& r : results) {
    if (r.notes == 1000) small = &r;
    if (r.notes == 100000) large = &r;
  }
  if (!small || !large) return;
  std::printf("\n== growth from 1,000 to 100,000 notes (100x the notes; at most 100x is linear or better)\n");
  std::printf("  %-26s %10s %10s\n", "stage", "time x", "+MiB x");
  for (std::size_t i = 0; i < small->stages.size() && i < large->stages.size(); ++i)
    std::printf("  %-26s %10.1f %10.1f\n", small->stages[i].what.c_str(), large->stages[i].cost.ms / small->stages[i].cost.ms,
                large->stages[i].cost.grew_mib / std::max(0.1, small->stages[i].cost.grew_mib));
  std::printf("  %-26s %10.1f %10.1f (peak)\n", "sdiag run", large->run.ms / small->run.ms,
              large->run.peak_mib / small->run.peak_mib);
}

}  // namespace

int main(int argc, char** argv) try {
  const auto options = parse(argc, argv);
  bench::start_launcher();
  spdlog::set_level(spdlog::level::warn);  // the plugins' progress lines would bury the figures
  if (!bench::can_reset_peak()) std::printf("note: /proc/self/clear_refs refused; stage peaks are since the start\n");
  const fs::path work = options.keep ? *options.keep : fs::temp_directory_path() / ("sdiag-bench-pipeline-" + std::to_string(getpid()));
  fs::create_directories(work);
  const auto analyses = preset_analyses();
  std::vector<SizeResult> results;
  bool warmed = false;
  for (auto n : options.sizes) {
    const bool peers = n <= options.peers_up_to;
    if (peers && !warmed) {  // LibreOffice's first start builds its profile: not part of any conversion
      const fs::path warm = work / "warm";
      fs::create_directories(warm);
      std::ofstream(warm / "warm.md") << "# Warm up\n\nOne paragraph.\n";
      bench::measure_process({"pandoc", "-o", (warm / "warm.docx").string(), (warm / "warm.md").string()}, 1);
      bench::measure_process({"soffice", "-env:UserInstallation=file://" + (work / "lo-profile").string(), "--headless",
                              "--convert-to", "pdf", "--outdir", warm.string(), (warm / "warm.docx").string()},
                             1);
      warmed = true;
    }
    results.push_back(run_size(n, work, analyses, peers));
    std::fflush(stdout);
  }
  print_summary(results);
  if (!options.keep) fs::remove_all(work);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_pipeline: " << e.what() << "\n";
  return 1;
}
