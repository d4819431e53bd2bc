// `sdiag compare` joins many councils' diagnostics, each already redacted,
// into one: every id is prefixed with the council's number so nothing
// collides, and every note, theme, action, goal, node and person carries
// extra "council". The compare analysis reads that shape.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::core {

struct CouncilDiagnostic {
  std::string council;  ///< its name, or "Council A" when the profile hides it
  std::string sha256;   ///< of the input file
  std::string path;     ///< "" when the profile hides the council (a path often names it)
  Diagnostic diagnostic;  ///< redacted
};

/// "Council A", "Council B"... "Council Z", "Council AA": the label of the input at `index`.
std::string council_letter(std::size_t index);

/// One diagnostic holding them all; meta.extra["councils"] lists each with its
/// date, file and redaction record. The parts' own findings are counted, not carried.
Diagnostic combine(std::vector<CouncilDiagnostic> parts);

}  // namespace sdiag::core
