/// @file sdiag/model/diagnostic.hpp
/// The Diagnostic: what was said in the room, as plain value types.
///
/// Field names follow the diagnostic.json contract (schema "sdiag/1"); more
/// fields may be added, none renamed. Every struct has `extra`: fields that
/// a reader did not know, kept as raw JSON text and written back unchanged.
///
/// @code
/// sdiag::Diagnostic d;
/// d.notes.push_back({.id = "n1", .section = "key_issues", .prompt = "pain_points",
///                    .text = "Reports take three days to refresh"});
/// @endcode
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sdiag {

/// Raw JSON values of fields a reader did not know, by field name.
using Extra = std::map<std::string, std::string>;

enum class Severity { info, warning, error };

/// A problem met while reading, analysing or writing. Shown to the user,
/// never silently dropped.
struct Finding {
  Severity severity = Severity::warning;
  std::string plugin;    ///< plugin that raised it ("" for the host)
  std::string source;    ///< file it concerns, if any
  std::string location;  ///< line, item id, cell... within the source
  std::string message;
  bool operator==(const Finding&) const = default;
};

/// Where a note or node came from, so every sentence can be traced back.
struct SourceRef {
  std::string file;
  std::string plugin;
  std::string ref;  ///< the id the source gave it: Miro item id, CSV row, form field
  bool operator==(const SourceRef&) const = default;
};

/// One input file that went into the diagnostic.
struct Source {
  std::string path;
  std::string kind;  ///< e.g. "miro-board", "csv", "diagnostic"
  std::string sha256;
  std::string plugin;
  bool operator==(const Source&) const = default;
};

struct Meta {
  std::string title;
  std::string organisation;
  std::string service;
  std::string date;  ///< ISO date of the workshop, "" when unknown
  std::string facilitator;
  std::string template_id;
  std::vector<Source> sources;
  Extra extra;
  bool operator==(const Meta&) const = default;
};

struct Prompt {
  std::string id;
  std::string title;
  std::vector<std::string> aliases;  ///< other wordings that mean this prompt
  /// Single words that, alone in a title, point to this prompt and no other. (SDK 1.3)
  std::vector<std::string> keywords;
  bool operator==(const Prompt&) const = default;
};

struct Section {
  std::string id;
  std::string title;
  std::string phase;                 ///< "before", "morning 1", ...
  std::vector<Prompt> prompts;
  std::vector<std::string> aliases;  ///< other wordings that mean this section
  /// Single words that, alone in a title, point to this section and no other. (SDK 1.3)
  std::vector<std::string> keywords;
  /// Made by an input reader for a title the template lacks (a frame, a CSV
  /// section name), not the template's own: later inputs match it word for
  /// word only, never in close wording ("Team Rivers" is not "Team Rovers"). (SDK 1.5)
  bool made_by_input = false;
  bool operator==(const Section&) const = default;

  /// The prompt with this id, or nullptr. (SDK 1.3)
  const Prompt* find_prompt(const std::string& id) const {
    for (const auto& p : prompts)
      if (p.id == id) return &p;
    return nullptr;
  }
};

/// The workshop template: sections and their prompts, in order.
struct Template {
  std::string id;
  std::string title;
  std::vector<Section> sections;
  bool operator==(const Template&) const = default;

  const Section* find_section(const std::string& id) const {
    for (const auto& s : sections)
      if (s.id == id) return &s;
    return nullptr;
  }
};

struct Person {
  std::string id;
  std::string name;  ///< optional: a role alone is enough
  std::string role;
  std::string team;
  std::string business_area;
  bool present = true;
  std::vector<std::string> sections;  ///< section ids attended
  /// The short forms people use for this person: initials ("MF"), first
  /// name ("Maggie"), "Maggie F", a written nickname ("Jas"). (SDK 1.3)
  std::vector<std::string> short_forms;
  Extra extra;
  bool operator==(const Person&) const = default;
};

struct Position {
  double x = 0;
  double y = 0;
  std::string frame;  ///< title or id of the frame it sits in
  bool operator==(const Position&) const = default;
};

struct Note {
  std::string id;
  std::string section;  ///< section id ("unsorted" when unknown)
  std::string prompt;   ///< prompt id, "" when none
  std::string text;     ///< plain, cleaned text
  std::string author;
  std::string colour;
  std::vector<std::string> tags;
  std::optional<Position> position;
  SourceRef source;
  std::string duplicate_of;  ///< id of the note this one repeats, set by tidy
  Extra extra;
  bool operator==(const Note&) const = default;
};

struct MapNode {
  std::string id;
  std::string label;
  std::string function;       ///< seed category, or "other"
  std::string business_area;  ///< seed category, or "other"
  std::string capacity;
  std::string source;  ///< source ref (e.g. Miro item id)
  Extra extra;
  bool operator==(const MapNode&) const = default;
};

struct MapEdge {
  std::string from;
  std::string to;
  std::string label;
  bool pain_point = false;
  Extra extra;
  bool operator==(const MapEdge&) const = default;
};

struct SystemMap {
  std::vector<MapNode> nodes;
  std::vector<MapEdge> edges;
  bool operator==(const SystemMap&) const = default;
};

struct Theme {
  std::string id;
  std::string label;
  std::vector<std::string> keywords;
  std::vector<std::string> note_ids;
  std::string origin;           ///< "manual" (tag, frame or edited) or "cluster"
  double confidence = 0;        ///< 0..1
  std::string example_note_id;  ///< the most central note
  Extra extra;
  bool operator==(const Theme&) const = default;
};

struct Goal {
  std::string id;
  std::string kind;  ///< "capability" or "product"
  std::string text;
  std::vector<std::string> theme_ids;
  std::string note_id;
  Extra extra;
  bool operator==(const Goal&) const = default;
};

/// A dated change to an action, as recorded when a plan comes back.
struct ActionUpdate {
  std::string date;  ///< ISO date
  std::string status;
  std::string comment;
  std::string by;
  bool operator==(const ActionUpdate&) const = default;
};

struct Action {
  std::string id;
  std::string text;
  std::string owner;
  std::string due;       ///< ISO date, "" when the words are not a date
  std::string due_text;  ///< the words as written
  std::string status = "not started";
  std::string note_id;   ///< the note it came from, "" for cards/plan rows
  std::vector<std::string> theme_ids;
  std::vector<std::string> goal_ids;
  std::vector<ActionUpdate> updates;
  SourceRef source;
  Extra extra;
  bool operator==(const Action&) const = default;
};

struct Diagnostic {
  std::string schema = "sdiag/1";
  Meta meta;
  Template tmpl;  ///< "template" in JSON
  std::vector<Person> people;
  std::vector<Note> notes;
  SystemMap system_map;
  std::vector<Theme> themes;
  std::vector<Goal> goals;
  std::vector<Action> actions;
  std::map<std::string, std::string> narrative;  ///< section id -> Markdown
  std::vector<Finding> findings;
  Extra extra;
  bool operator==(const Diagnostic&) const = default;
};

/// The section id for notes whose section is unknown.
inline constexpr const char* unsorted_section = "unsorted";

const char* to_string(Severity s);
std::optional<Severity> severity_from_string(const std::string& s);

/// Adds the content of `from` to `into`, as an input does when another input
/// came first: people, notes, system map, themes, goals, actions and findings
/// appended, narrative sections `into` lacks. Meta and template stay `into`'s.
/// (SDK 1.4)
void append_content(Diagnostic& into, Diagnostic from);

}  // namespace sdiag
