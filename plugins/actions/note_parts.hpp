// The pieces an action sticky is written in: "what – who – when" between
// spaced dashes, words that say something is not agreed yet ("TBC"), and
// pieces that are only a date ("w/c 9 Mar", "Oct 2026"). Shared by the owner
// rules and the action's title, so both cut a note the same way.
#pragma once

#include <string>
#include <vector>

namespace sdiag::actions {

/// The note cut at spaced dashes (" - ", " – ", " — "), each piece trimmed;
/// one piece when there is no such dash.
std::vector<std::string> dash_parts(const std::string& text);

/// Trimmed of spaces and the punctuation around a piece, and of a leading "@".
std::string clean_words(std::string s);

/// "TBC", "tbd", "to be agreed", "not agreed yet": nothing is agreed.
bool not_agreed(const std::string& words);

/// Nothing but a due phrase ("by end of march", "w/c 9 Mar", "ASAP",
/// "when: TBD 🤷"): no word is left once the phrase and a "when:"/"due:"
/// label are taken away.
bool is_due_phrase(const std::string& words);

/// Where `words` ends once a due phrase at its end is cut off
/// ("Head of Audit by 15 May" -> "Head of Audit").
std::string without_trailing_due(const std::string& words);

}  // namespace sdiag::actions
