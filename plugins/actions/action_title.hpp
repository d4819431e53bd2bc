// The action itself, as the plan's Action column and the report's table show
// it: the note without its "Owner: …", "Due: …", "Who:/When:" lines, without
// the owner and date written as pieces around it ("X: …", "… – Sam R – ASAP",
// "… (KO)", ". end of sept"). A sentence that names its owner ("KO to chase
// the supplier by 3/4") is kept as written. The full text stays in the record.
#pragma once

#include <string>

#include "owner.hpp"

namespace sdiag::actions {

/// The action's title; `text` itself when nothing is taken away or nothing would be left.
std::string action_title(const std::string& text, const Owner& owner);

}  // namespace sdiag::actions
