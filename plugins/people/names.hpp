// Personal names as people write them on a board: a full name ("Maggie
// Ferrante") and the short forms that stand for it ("MF", "Maggie",
// "Maggie F", "Jas" for Jaswinder, "@Maggie").
#pragma once

#include <string>
#include <vector>

namespace sdiag::people {

/// The words of a name, split at spaces; a leading '@' and trailing
/// punctuation are dropped ("@Nadia," -> {"Nadia"}).
std::vector<std::string> name_words(const std::string& name);

/// Two or more words and the last is more than an initial: "Claire
/// Hutchings" is full, "Claire H", "Claire" and "CH" are not.
bool is_full_name(const std::string& name);

/// Whether `short_form` can stand for `full`: the name itself (any case),
/// its initials ("MF"), the first or last name, a nickname the first name
/// starts with, of three letters or more ("Jas" for "Jaswinder"), or a first
/// name (or its start) with the surname's initial or start ("Maggie F",
/// "Jo P" for "Joanne Pike", "Fiona McB"). Whether it is the only
/// person it can stand for is the caller's question.
bool can_stand_for(const std::string& short_form, const std::string& full);

/// The short forms a full name gives by itself: initials, first name, first
/// name and surname initial ("MF", "Maggie", "Maggie F").
std::vector<std::string> derived_short_forms(const std::string& full);

/// "maria LOPEZ" -> "Maria Lopez", for names found in a note written all in
/// one case; a name written with capitals is kept as it is.
std::string name_case(const std::string& name);

}  // namespace sdiag::people
