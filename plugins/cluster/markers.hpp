// Facilitators' markers: tags and dots that give a note's status ("parked",
// "quick win", "3 votes"), not its topic, so they never make a theme; and
// stickies that are not workshop content ("test"). Read from
// templates/vocabulary/markers.json; a council edits it or passes its own.
#pragma once

#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace sdiag::cluster {

class Markers {
 public:
  /// Adds the entries of one file: {"markers": ["parked"], "patterns": ["\\d+ votes?"],
  /// "noise": ["test"], "housekeeping": ["wifi"]}.
  /// @throws std::runtime_error naming the file and the problem (a bad pattern too);
  /// sdiag::InputError when it cannot be read.
  void load(const std::filesystem::path& file);
  void add_marker(const std::string& name);
  /// @throws std::regex_error for a pattern that is not a valid ECMAScript expression.
  void add_pattern(const std::string& pattern);
  void add_noise(const std::string& text);
  void add_housekeeping(const std::string& words);

  /// True when the tag marks status: a listed name (any case, punctuation
  /// and emoji ignored), a pattern's whole match, or symbols alone ("⭐").
  bool is_marker(const std::string& tag) const;
  /// True when the whole note is a listed noise text ("Test!", "testing").
  bool is_noise(const std::string& text) const;
  /// True when a short note (a line or two) names the day's arrangements:
  /// it holds a listed housekeeping word or phrase ("wifi", "lunch order").
  /// Whether it also speaks of data is the caller's to judge.
  bool is_housekeeping(const std::string& text) const;

 private:
  std::set<std::string> names_;  // normalised
  std::vector<std::regex> patterns_;
  std::set<std::string> noise_;  // normalised
  std::vector<std::string> housekeeping_;  // normalised, each between spaces
};

}  // namespace sdiag::cluster
