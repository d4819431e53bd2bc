// Turns a parsed Board into the Diagnostic: frames to sections, headings to
// prompts, stickies to notes, cards to actions, the mapping frame to the
// system map. Everything not used becomes a finding.
#pragma once

#include <string>

#include <sdiag/context.hpp>
#include <sdiag/model/diagnostic.hpp>

#include "board.hpp"
#include "categories.hpp"

namespace sdiag::miro {

struct ReadSettings {
  std::string file;         ///< the input file, for findings and source refs
  std::string map_section;  ///< section id whose frame holds the system map
  Categories categories;
};

void read_board(const Board& board, const ReadSettings& settings, sdiag::Diagnostic& into, sdiag::Context& ctx);

}  // namespace sdiag::miro
