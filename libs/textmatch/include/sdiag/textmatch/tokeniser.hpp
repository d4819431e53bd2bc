// Splitting note text into words the way scikit-learn's default analyser
// does (runs of word characters, \w), keeping the original spelling so labels
// can show the word people wrote.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sdiag::textmatch {

struct Word {
  std::string original;  ///< as written ("LL", "Reports")
  std::string lower;     ///< lower case (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic)
};

/// Every run of word characters (letters, digits, underscore; emoji and
/// punctuation split words). Single characters are kept: the vocabulary
/// may need them ("I.T."); the analyser drops them afterwards.
/// Invalid UTF-8 bytes are treated as separators.
std::vector<Word> split_words(std::string_view text);

}  // namespace sdiag::textmatch
