// bench_docx: how long the DOCX writer takes for a real-sized workshop
// (a few hundred notes) and for one a hundred times larger, against pandoc
// writing the same report from its Markdown in the same run.
//
//   bench_docx [SAMPLE.json] [PLUGIN_DIR]
//
// The Document comes from the d2i-report layout run on the sample diagnostic
// with its notes and actions repeated to size; the docx and markdown writers
// are the real plugins, loaded as a run loads them.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include <sdiag/json.hpp>
#include <sdiag/testing.hpp>


namespace {

using Clock = std::chrono::steady_clock;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// The sample with its notes (and actions) repeated until it holds `notes` notes.
sdiag::Diagnostic scaled(const sdiag::Diagnostic& sample, std::size_t notes) {
  sdiag::Diagnostic d = sample;
  d.notes.clear();
  d.actions.clear();
  for (std::size_t round = 0; d.notes.size() < notes; ++round) {
    for (const auto& n : sample.notes) {
      if (d.notes.size() == notes) break;
      auto copy = n;
      copy.id = n.id + "-" + std::to_string(round);
      copy.text = n.text + (round ? " (" + std::to_string(round) + ")" : "");
      d.notes.push_back(std::move(copy));
    }
    for (const auto& a : sample.actions) {
      auto copy = a;
      copy.id = a.id + "-" + std::to_string(round);
      d.actions.push_back(std::move(copy));
    }
  }
  return d;
}

template <class F>
double seconds(F&& f, int repeats) {
  double best = 1e30;
  for (int i = 0; i < repeats; ++i) {
    auto start = Clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) try {
  const std::filesystem::path source = SDIAG_BENCH_SOURCE_DIR;
  const std::filesystem::path sample_path = argc > 1 ? argv[1] : source / "samples/castlebrook/diagnostic.json";
  const std::filesystem::path plugin_dir = argc > 2 ? argv[2] : SDIAG_BENCH_PLUGIN_DIR;
  std::vector<sdiag::Finding> warnings;
  const auto sample = sdiag::diagnostic_from_json(slurp(sample_path), warnings);
  sdiag::testing::Harness layout(plugin_dir / "d2i-report.so");
  layout.data_dir(source / "templates");

  const auto work = std::filesystem::temp_directory_path() / "sdiag-bench-docx";
  std::filesystem::create_directories(work);
  sdiag::testing::Harness docx(plugin_dir / "docx.so"), markdown(plugin_dir / "markdown.so");
  docx.data_dir(source / "templates").output_dir(work).set("file", "report.docx");
  markdown.data_dir(source / "templates").output_dir(work).set("file", "report.md");
  std::cout << "notes    blocks   docx (s)   pandoc (s)   pandoc/docx   docx size\n";
  for (std::size_t notes : {300u, 30000u}) {
    const auto document = layout.layout(scaled(sample, notes));
    const int repeats = notes < 1000 ? 5 : 1;
    const sdiag::Diagnostic none;
    const double ours = seconds([&] { docx.write(none, &document); }, repeats);
    const auto bytes = std::filesystem::file_size(work / "report.docx");
    const auto md = markdown.write(none, &document).front();
    const std::string command = "pandoc -f markdown -t docx -o '" + (work / "pandoc.docx").string() + "' '" + md.string() + "'";
    const double pandoc = seconds([&] {
      if (std::system(command.c_str()) != 0) throw std::runtime_error("pandoc failed: " + command);
    }, repeats);
    std::cout << notes << "\t " << document.blocks.size() << "\t  " << ours << "\t     " << pandoc << "\t  "
              << pandoc / ours << "x\t" << bytes << " bytes\n";
  }
  std::filesystem::remove_all(work);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "bench_docx: " << e.what() << "\n";
  return 1;
}
