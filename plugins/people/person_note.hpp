// Reads a note that names someone, in the forms people write them: "Maggie
// Ferrante, DCS (morning only)", "Head of Early Help: Imran Siddiqui",
// "DCS (Maria)", "Corp BI team – Tom H", "Jas – Senior Analyst, D&I",
// "Bryony from D2I – facilitating", "… – sent apologies", in any case and
// with emoji: a name, a role, a team, and whether they were there.
#pragma once

#include <optional>
#include <string>

namespace sdiag::people {

struct ParsedPerson {
  std::string name;  ///< as written ("Claire H", "Jas"), "" when only a role is given
  std::string role;
  std::string team;
  bool said_absent = false;  ///< "sent apologies", "couldn't make it"...
};

/// A note of a who-was-there section. Nothing when it holds no usable words.
std::optional<ParsedPerson> parse_person_note(const std::string& text);

/// A note of the key-people section, only when it is a person note: it opens
/// with a name, then a role or team ("Maria Lopez – DCS – sponsor"); a note
/// about how people work together ("Data team and ICT don't talk") is not.
std::optional<ParsedPerson> parse_key_person_note(const std::string& text);

/// Whether `text` reads as a person's name (one to four name words, none a
/// role or team word: "Jas", "Claire H", "maria lopez").
bool looks_like_name(const std::string& text);

}  // namespace sdiag::people
