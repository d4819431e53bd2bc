// A Miro board as read from any of the export shapes sdiag accepts: the
// whole-board dump, raw REST pages, or the Web SDK's flattened array. The
// rest of the plugin works on this one form and never on raw JSON.
#pragma once

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::miro {

struct Item {
  std::string id;  ///< kept as a string: Miro ids exceed 2^53
  std::string type;
  std::string content;      ///< HTML of a sticky, shape or text; a frame's or card's title
  std::string description;  ///< a card's description (HTML)
  std::string assignee_id;
  std::string due_date;
  std::string colour;
  std::string parent_id;
  std::string created_by;
  std::string created_at;  ///< when it was made, as written (ISO UTC: "2026-06-24T09:41:07Z")
  std::vector<std::string> tag_ids;
  double x = 0, y = 0;  ///< centre, as given (see relative_to_parent)
  double width = 0, height = 0;
  bool relative_to_parent = false;
  bool has_position = false;
  bool has_data = true;  ///< false when the API returned the item without `data`
};

struct Connector {
  std::string id;
  std::string start_id;
  std::string end_id;
  std::string start_cap = "none";    ///< Miro's defaults
  std::string end_cap = "stealth";
  std::string caption;  ///< HTML of the captions, one per line
  std::string stroke_colour;
};

/// Something met while reading the export that the user should know about.
struct Problem {
  sdiag::Severity severity = sdiag::Severity::warning;
  std::string location;
  std::string message;
};

struct Board {
  std::string format;  ///< "board dump", "REST pages" or "Web SDK array", for messages
  std::string name;
  std::string team;  ///< the board's team: usually the council
  std::string description;
  std::string created_at;   ///< when the board was made, as written (ISO UTC)
  std::string exported_at;  ///< when the dump was taken, as written (ISO UTC)
  // Deques: a board of 100,000 items grows without copying them all at each doubling.
  std::deque<Item> items;
  std::deque<Connector> connectors;
  std::map<std::string, std::string> tag_titles;    ///< tag id -> title
  std::map<std::string, std::string> member_names;  ///< user id -> name
  std::map<std::string, std::string> member_roles;  ///< user id -> "owner", "coowner", "editor", "viewer"...
  std::vector<Problem> problems;
};

/// How sure we are, from the first few KB, that `bytes` is a Miro export (0..100).
int sniff_board(std::string_view bytes);

/// Parses UTF-8 JSON text into a Board. Fields of the wrong type and items
/// that cannot be used become problems. @throws sdiag::InputError when the
/// text is not JSON or not a Miro export at all.
Board parse_board(std::string_view json_text);

}  // namespace sdiag::miro
