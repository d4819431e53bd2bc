// The progress report `sdiag track` writes after an action plan is read back:
// what changed in this return, what is done, overdue or blocked, and the
// actions by owner and by theme.
#pragma once

#include <ctime>
#include <string>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace sdiag::progress_report {

/// The plan's file name: the last source read as an "action-plan".
std::string plan_name(const Diagnostic& d);

/// The report as of `now` (its UTC date is "today": updates made today are this return's).
doc::Document progress_report(const Diagnostic& d, std::time_t now);

}  // namespace sdiag::progress_report
