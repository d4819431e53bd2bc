// The text matching the clustering shares with other plugins (libs/textmatch:
// tokeniser, vocabulary, analyser, taxonomy), named in this plugin's namespace.
#pragma once

#include <sdiag/textmatch/analyser.hpp>
#include <sdiag/textmatch/data_file.hpp>
#include <sdiag/textmatch/stop_words.hpp>
#include <sdiag/textmatch/taxonomy.hpp>
#include <sdiag/textmatch/tokeniser.hpp>
#include <sdiag/textmatch/vocabulary.hpp>

namespace sdiag::cluster {

using textmatch::Analyser;
using textmatch::english_stop_words;
using textmatch::load_data_files;
using textmatch::read_data_file;
using textmatch::split_words;
using textmatch::strings_of;
using textmatch::Taxonomy;
using textmatch::TaxonomyMatcher;
using textmatch::TaxonomyTheme;
using textmatch::Token;
using textmatch::Vocabulary;
using textmatch::Word;

}  // namespace sdiag::cluster
