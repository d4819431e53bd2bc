// The board's members as people: each one with {"source": "board member"},
// their board role ("owner", "viewer"...) and whether they wrote anything on the board, so the people analysis can
// join them to the names written on it and leave out owners who never came.
#pragma once

#include <string>

#include <sdiag/context.hpp>
#include <sdiag/model/diagnostic.hpp>

#include "board.hpp"

namespace sdiag::miro {

void record_members(const Board& board, const std::string& file, sdiag::Diagnostic& into, sdiag::Context& ctx);

}  // namespace sdiag::miro
