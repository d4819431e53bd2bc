// Links each action to the theme (and goal) it works on, by the words they
// share, so the plan can be read and summarised by theme.
#pragma once

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::actions {

/// The id of the theme whose key words the action's text uses most (a
/// theme's first key words count more), or "" when none is clearly named.
std::string best_theme(const std::string& action_text, const std::vector<Theme>& themes);

/// Ids of the goals that share at least two content words with the action.
std::vector<std::string> matching_goals(const std::string& action_text, const std::vector<Goal>& goals);

}  // namespace sdiag::actions
