// Cleaning a note's text: line ends, invisible characters, runs of
// whitespace, and bullets or numbering at the start of each line.
#pragma once

#include <string>
#include <string_view>

namespace sdiag::tidy {

/// "• Reports  late\r\n2) IT queue" -> "Reports late\nIT queue". Lines are
/// kept (a sticky can hold a list); blank lines are dropped.
std::string normalise_text(std::string_view text);

/// The text reduced for comparing notes: lower case, words only, single spaces.
std::string comparison_key(std::string_view text);

}  // namespace sdiag::tidy
