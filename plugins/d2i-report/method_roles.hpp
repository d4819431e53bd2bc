// The roles the D2I method asks for in the room are the prompts of the
// template's "Who needs to be involved" section (DCS, heads of service,
// data/BI, IT/MI, a facilitator); a role is covered when someone present
// holds it: their role or team names the prompt's title or one of its aliases.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::d2i_report {

/// Whether `person`'s role or team names `prompt` ("Head of Service, Early
/// Help" names "Heads of service"; team "ICT" names the alias "ICT").
bool holds_role(const Person& person, const Prompt& prompt);

/// The titles of the prompts of `section` that nobody present holds, in the template's order.
std::vector<std::string> roles_nobody_present_holds(const Template& t, const std::vector<Person>& people,
                                                    const std::string& section = "involvement");

}  // namespace sdiag::d2i_report
