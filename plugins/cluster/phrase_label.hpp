// Theme headings as a facilitator writes them: a short phrase (2-6 words)
// taken from the notes' own words ("reports time out", "early help data"),
// never a list of keywords.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "features.hpp"

namespace sdiag::cluster {

/// The best run of 1-5 words within one clause of one note, scored by the
/// weight of the distinct stems it holds (what sets the group apart, times
/// the share of its notes that use it), shorter runs preferred at equal
/// weight and runs that recur in two notes favoured. It starts and ends on a
/// content word and is shown as written, first letter capitalised. When it
/// holds only one content word, the best run with other words is joined with
/// "and"; a run of one or two words grows into the heaviest run holding it
/// whose other words the notes share ("LL report" -> "Tickets for LL report
/// changes"). Clauses and runs that open with an instruction to a person
/// ("ask Lorna", "chase the supplier") are never chosen. "" when no run has any weight.
std::string phrase_label(const std::vector<std::string_view>& texts, Analyser& analyser,
                         const std::map<std::string, double>& weight);

}  // namespace sdiag::cluster
