// One person per human: what every source says about someone (a people list
// from a write-up or form, a who-was-there note, a key-people note, a board
// member, the author of a note) joined into one Person with a full name,
// role, team, presence and the short forms used for them.
#pragma once

#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::people {

/// What one source says about one person.
struct Mention {
  enum class Kind { listed, note, key_people_note, member, author };
  Kind kind = Kind::note;
  sdiag::Person person;      ///< name as written, role, team; `present` is read only for `listed`
  bool said_absent = false;  ///< "sent apologies": wins over being a member
  bool wrote = false;        ///< a member who wrote on the board
  bool board_owner = false;  ///< a member who owns the board: one who never came is no contributor
  std::string where;         ///< for messages: "the note 'Jas – Senior Analyst'"
  std::string note_id;
};

struct JoinResult {
  std::vector<sdiag::Person> people;
  std::vector<std::string> joined;   ///< "'Jas' (…) is Jaswinder Bains (board member)"
  std::vector<std::string> dropped;  ///< board owners who wrote nothing and are named nowhere
  std::vector<std::string> invited;  ///< other members who wrote nothing and are named nowhere: not present
  /// Authors of notes named nowhere else: not made people (a spreadsheet's
  /// author column may hold a scribe or a table), only said.
  std::vector<std::string> authors_only;
  std::vector<std::string> doubts;   ///< short forms that fit several people, absent authors
};

/// Joins the mentions, in order: a person's place in the list is where they
/// were first mentioned, except members seen nowhere else, who come last.
JoinResult join(const std::vector<Mention>& mentions);

}  // namespace sdiag::people
