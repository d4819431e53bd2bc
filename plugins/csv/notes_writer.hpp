// The notes CSV the csv input reads (section, prompt, text, author), written
// from a diagnostic: its notes, or, when it has none, one example row per
// prompt of its template (the blank template `sdiag template -o notes.csv`).
#pragma once

#include <string>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::csv {

/// RFC 4180 text with CRLF line ends, sections and prompts by their titles.
std::string notes_csv(const Diagnostic& d);

}  // namespace sdiag::csv
