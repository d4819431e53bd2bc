#include "messages.hpp"
#include "pipeline.hpp"

#include <iostream>

#include <spdlog/spdlog.h>

#include <sdiag/text.hpp>

namespace sdiag::core {

int exit_code_of(const std::function<int()>& body) {
  try {
    return body();
  } catch (const Failure& e) {
    std::cerr << "sdiag: " << e.what() << "\n";
    return e.code;
  } catch (const UsageError& e) {
    std::cerr << "sdiag: " << e.what() << "\n";
    return 2;
  }
}

bool quiet() { return !spdlog::default_logger()->should_log(spdlog::level::warn); }

void report_findings(const std::vector<std::reference_wrapper<const Finding>>& findings) {
  constexpr std::size_t shown_max = 20;
  std::size_t shown = 0, warnings = 0, warnings_shown = 0, infos = 0;
  for (const Finding& f : findings) {
    if (f.severity == Severity::info) { ++infos; continue; }
    if (f.severity == Severity::warning) ++warnings;
    if (f.severity != Severity::error && (shown >= shown_max || quiet())) continue;
    std::string where = f.source;
    if (!f.location.empty()) where += (where.empty() ? "" : ":") + f.location;
    std::cerr << "sdiag: " << (where.empty() ? "" : where + ": ") << (f.severity == Severity::error ? "error: " : "")
              << f.message << (f.plugin.empty() ? "" : " [" + f.plugin + "]") << "\n";
    ++shown;
    if (f.severity == Severity::warning) ++warnings_shown;
  }
  // Past the first twenty, the user is told how many more there are and where (nothing with -q).
  if (warnings > warnings_shown)
    spdlog::warn("{} more warnings are not shown here; every finding is listed in diagnostic.json",
                 warnings - warnings_shown);
  if (infos > 0)
    spdlog::info("{} warnings and {} notes in all; every finding is listed in diagnostic.json", warnings, infos);
}

void report_written(const std::vector<std::filesystem::path>& written) {
  if (quiet()) return;
  if (written.empty()) {
    std::cerr << "sdiag: nothing was written\n";
    return;
  }
  std::cerr << "sdiag: wrote";
  for (const auto& w : written) std::cerr << " " << text::display_path(w);
  std::cerr << "\n";
}

}  // namespace sdiag::core
