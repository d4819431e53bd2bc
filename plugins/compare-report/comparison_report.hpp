// The comparison report: the model the compare analysis left in
// meta.extra["comparison"], laid out as a Document any writer renders.
#pragma once

#include <nlohmann/json.hpp>

#include <sdiag/model/document.hpp>

namespace sdiag::compare_report {

/// @throws std::runtime_error when there is no comparison (the compare analysis did not run).
doc::Document comparison_report(const nlohmann::json& comparison, const std::string& title);

}  // namespace sdiag::compare_report
