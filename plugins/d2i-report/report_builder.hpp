// The d2i-report layout: the report the D2I method describes ("After the
// session"), built from a Diagnostic as a Document.
#pragma once

#include <sdiag/context.hpp>
#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace sdiag::d2i_report {

struct ReportOptions {
  bool appendix = true;   ///< every note by section at the end
  int theme_examples = 3; ///< representative notes shown per theme
};

sdiag::doc::Document build_report(const sdiag::Diagnostic& d, const ReportOptions& options);

}  // namespace sdiag::d2i_report
