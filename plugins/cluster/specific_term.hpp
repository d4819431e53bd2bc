// The system or tool a group of notes is about, named as they name it: a
// heading with a generic slot ("Hard to report from the case system") reads
// as a facilitator's when the slot holds it ("Hard to report from CaseLink").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "features.hpp"
#include "textmatch.hpp"

namespace sdiag::cluster {

/// How often a word is written, and how often in capitals.
struct WordForms {
  std::size_t written = 0, in_capitals = 0;
};

/// What the whole board says of names, read once for all its groups: the
/// names some note writes as names ("ChildView admin"), by stem, and how each
/// short word is written (is "NEW" an acronym, or a word one note shouts?).
struct BoardNames {
  struct Name {
    std::string shown;
    bool acronym = true;  ///< capitals only, no inner capital ("SSRS", not "CaseLink")
  };
  std::map<std::string, Name> names;
  std::map<std::string, WordForms> short_forms;
};
BoardNames board_names(const std::vector<std::string>& texts, Analyser& analyser);

/// The most distinctive specific name that at least half of the notes (and
/// two or more) use: a vocabulary term marked as a system ("Mosaic", "Power
/// BI"), or a word some note writes as a product name: inner capitals
/// ("CaseLink", "EarlyStart") or a short acronym ("SSRS", "ICB"), when
/// mostly written in capitals in the notes and on the board. Other
/// vocabulary terms ("CIN", "DQ") are topics, not names. Most notes first,
/// then `weight` of its stem; "" when none. A name some note elsewhere on the
/// board writes as one (`board`: "ChildView admin") counts too, so notes
/// that write it in lower case ("childview reports time out") still name it.
std::string specific_term(const std::vector<std::string_view>& texts, const Vocabulary& vocabulary,
                          Analyser& analyser, const std::map<std::string, double>& weight,
                          const BoardNames& board = {});

/// `heading` with the words of `term` shown as `term` spells them, wherever
/// the heading writes them in another case ("Childview reports" with
/// "ChildView" -> "ChildView reports"); the first letter stays a capital.
std::string term_as_named(const std::string& heading, const std::string& term);

/// `with_term` with "{term}" replaced by `term`; "" when either is empty, the
/// heading already holds the term's words, or it would pass seven words.
std::string heading_with_term(const std::string& with_term, const std::string& term);

}  // namespace sdiag::cluster
