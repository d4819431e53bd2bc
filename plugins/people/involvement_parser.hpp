// Reads a "Who needs to be involved" note ("Helen Ward (DCS) to open the day",
// "Head of IT: invited, sent apologies") into a person: name, role, presence.
#pragma once

#include <optional>
#include <string>

namespace sdiag::people {

struct ParsedPerson {
  std::string name;  ///< "" when the note names only a role
  std::string role;
  bool present = true;
};

/// Nothing when the note holds no usable words.
std::optional<ParsedPerson> parse_involvement_note(const std::string& text);

}  // namespace sdiag::people
