// Words that carry no theme: scikit-learn's English list (so our TF-IDF can be
// diffed against the Python reference) plus a domain list read from data.
#pragma once

#include <string>
#include <unordered_set>

namespace sdiag::textmatch {

/// scikit-learn's ENGLISH_STOP_WORDS (318 words), lower case.
const std::unordered_set<std::string>& english_stop_words();

}  // namespace sdiag::textmatch
