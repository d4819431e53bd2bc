// bench_pdf: how long the pdf plugin takes for a real-sized workshop (a few
// hundred notes) and for one a hundred times larger, against LibreOffice
// headless converting the DOCX of the same report to PDF, in the same run.
//
//   bench_pdf [NOTES...]        default: 300 30000
//
// The Document comes from the d2i-report layout run on the Castlebrook
// sample with its notes repeated to size (and one action per ten notes).
// The DOCX comes from the docx plugin when it is built, else from the
// Markdown output through pandoc.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <sdiag/json.hpp>
#include <sdiag/testing.hpp>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

sdiag::Diagnostic grown(const sdiag::Diagnostic& sample, std::size_t notes) {
  sdiag::Diagnostic d = sample;
  d.notes.clear();
  d.actions.clear();
  for (std::size_t round = 0; d.notes.size() < notes; ++round)
    for (const auto& n : sample.notes) {
      if (d.notes.size() == notes) break;
      auto copy = n;
      copy.id = n.id + "r" + std::to_string(round);
      if (round) copy.text += " (repeat " + std::to_string(round) + ")";
      d.notes.push_back(copy);
      if (d.notes.size() % 10 == 0) {
        sdiag::Action a;
        a.id = "a" + std::to_string(d.actions.size() + 1);
        a.text = "Follow up: " + copy.text;
        a.owner = "Head of performance";
        a.due = "2026-06-30";
        a.status = "open";
        d.actions.push_back(a);
      }
    }
  return d;
}

template <class F>
double time_it(F&& f) {
  auto start = Clock::now();
  f();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int shell(const std::string& cmd) { return std::system(cmd.c_str()); }

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::stoul(argv[i]));
  if (sizes.empty()) sizes = {300, 30000};
  const fs::path plugins = SDIAG_BENCH_PLUGIN_DIR;
  std::vector<sdiag::Finding> warnings;
  auto sample = sdiag::diagnostic_from_json(slurp(fs::path(SDIAG_BENCH_SOURCE_DIR) / "samples/castlebrook/diagnostic.json"),
                                            warnings);
  const bool have_docx = fs::exists(plugins / "docx.so");
  const fs::path work = fs::temp_directory_path() / ("sdiag-bench-pdf-" + std::to_string(::getpid()));
  fs::create_directories(work);
  std::cout << "DOCX for LibreOffice from: " << (have_docx ? "the docx plugin" : "markdown + pandoc") << "\n";
  std::cout << "notes  actions  pages-pdf  sdiag-pdf(s)  libreoffice-docx->pdf(s)  ratio\n";

  sdiag::testing::Harness layout(plugins / "d2i-report.so");
  for (auto n : sizes) {
    auto diag = grown(sample, n);
    auto document = layout.layout(diag);
    const fs::path dir = work / std::to_string(n);
    fs::create_directories(dir);

    sdiag::testing::Harness pdf(plugins / "pdf.so");
    pdf.output_dir(dir);
    double pdf_s = time_it([&] { pdf.write(diag, &document); });

    fs::path docx = dir / "report.docx";
    if (have_docx) {
      sdiag::testing::Harness w(plugins / "docx.so");
      w.output_dir(dir);
      w.write(diag, &document);
    } else {
      sdiag::testing::Harness md(plugins / "markdown.so");
      md.output_dir(dir);
      md.write(diag, &document);
      if (shell("pandoc -o '" + docx.string() + "' '" + (dir / "report.md").string() + "'") != 0) return 1;
    }
    const fs::path lo_out = dir / "lo";
    const std::string lo = "soffice -env:UserInstallation=file://" + (work / "lo-profile").string() +
                           " --headless --convert-to pdf --outdir '" + lo_out.string() + "' '" + docx.string() +
                           "' >/dev/null 2>&1";
    double lo_s = time_it([&] { shell(lo); });
    std::string pages = "?";
    if (FILE* f = popen(("pdfinfo '" + (dir / "report.pdf").string() + "' | sed -n 's/^Pages: *//p'").c_str(), "r")) {
      char buf[32] = {};
      if (std::fgets(buf, sizeof buf, f)) pages = std::string(buf, std::strlen(buf) - 1);
      pclose(f);
    }
    const bool lo_ok = fs::exists(lo_out / "report.pdf");
    std::printf("%5zu  %7zu  %9s  %12.3f  %24.3f  %5.1fx%s\n", n, diag.actions.size(), pages.c_str(), pdf_s, lo_s,
                lo_s / pdf_s, lo_ok ? "" : "  (LibreOffice wrote nothing)");
  }
  fs::remove_all(work);
  return 0;
}
