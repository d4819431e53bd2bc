// Who owns an action, from the forms people write on a sticky: "Owner: Head
// of IT", "Priya to draft...", "(IT)", "- JB", initials, or a name in the
// text; unified with the diagnostic's people (by name, first or last name,
// initials or role) so the plan names one person one way.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::actions {

struct Owner {
  std::string name;   ///< as it goes in the plan: the person's name, else their role, else the words
  std::string words;  ///< what the note said ("Priya", "(IT)")
  std::string rule;   ///< which form it was found by
  bool known = false; ///< matched someone in the people list
};

/// Finds the owner; an empty name when the note names none.
Owner find_owner(const std::string& text, const std::vector<Person>& people);

/// The person `words` refers to, or nullptr when none or more than one fits.
const Person* match_person(const std::string& words, const std::vector<Person>& people);

}  // namespace sdiag::actions
