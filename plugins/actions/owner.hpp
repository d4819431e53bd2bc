// Who owns an action, from the forms people write on a sticky: "Owner: Head
// of IT", "Priya to draft...", "(IT)", "- JB", initials, or a name in the
// text; unified with the diagnostic's people (by name, first or last name,
// initials or role) so the plan names one person one way.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::actions {

struct Owner {
  std::string name;   ///< as it goes in the plan: the person's name, else their role, else the words;
                      ///< two or more people as "Gavin Doyle; Rhiannon Price" (one not on the board as written)
  std::string words;  ///< what the note said ("Priya", "(IT)")
  std::string rule;   ///< which form it was found by; "not agreed" for "Owner: TBC"
  bool known = false; ///< matched someone in the people list
  /// When no owner was found: a capitalised name the note leads with ("Helen
  /// to ...") that matches nobody in the people list, so the user can be told.
  std::string unmatched;
};

/// The people list looked up by name, the short forms people use for them
/// ("MF", "Claire H", "Jas"), first or last name, initials, role, role words
/// and team, each made once: an owner is looked for in every
/// word of every action, and a large diagnostic has hundreds of people.
/// Keeps pointers into `people`, which must outlive it unchanged.
class PeopleIndex {
 public:
  explicit PeopleIndex(const std::vector<Person>& people);
  /// The person `words` refers to, or nullptr when none or more than one fits.
  const Person* match(const std::string& words) const;

 private:
  using Hits = std::vector<const Person*>;
  std::unordered_map<std::string, Hits> by_name_, by_short_, by_role_, by_first_or_last_, by_initials_, by_role_word_, by_team_;
  std::unordered_map<const Person*, std::vector<std::string>> role_words_;  // lower-case, sorted
  Hits with_role_;
};

/// Finds the owner; an empty name when the note names none.
Owner find_owner(const std::string& text, const PeopleIndex& people);
Owner find_owner(const std::string& text, const std::vector<Person>& people);

/// The person `words` refers to, or nullptr when none or more than one fits.
const Person* match_person(const std::string& words, const std::vector<Person>& people);

}  // namespace sdiag::actions
