// Merging a returned plan into the diagnostic. Rows are matched to actions
// by ID, never by position, so sorting and filtering are harmless. Every
// change becomes a dated ActionUpdate; rows people added become actions;
// actions whose rows were deleted are kept, marked and reported; the users'
// own columns are kept in Action::extra. Nothing typed into the plan is lost.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

#include "plan_reader.hpp"

namespace sdiag::xlsx {

struct MergeInput {
  std::string file;   ///< the plan, for sources and findings
  std::string today;  ///< ISO date of the updates (ctx.now())
};

struct MergeReport {
  std::size_t updated = 0;
  std::size_t added = 0;
  std::size_t removed = 0;
  std::size_t unchanged = 0;
  std::vector<sdiag::Finding> findings;  ///< plugin name left for the caller
};

MergeReport merge_plan(const PlanTable& plan, sdiag::Diagnostic& d, const MergeInput& in);

}  // namespace sdiag::xlsx
