// A whole Miro board as one JSON object, the dump the miro input reads:
// {exportedAt, board, members, items, connectors, tags, itemsByTag}, every
// list exactly as the REST API returns it, pages concatenated.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "miro_client.hpp"

namespace sdiag::core::miro {

/// Called after each page: which list, and how many entries read so far.
using Progress = std::function<void(const std::string& list, std::size_t so_far)>;

/// The board id from BOARD_ID, or from a board address (…/app/board/ID/).
/// @throws PullError (exit code 2) when it cannot be a board id.
std::string board_id_from_argument(const std::string& argument);

/// Reads the whole board through `client`. Ids stay exactly as Miro wrote them.
/// @throws PullError when a request fails or a page is not what the API documents.
nlohmann::ordered_json pull_board_dump(Client& client, const std::string& board_id, const std::string& exported_at,
                                       const Progress& progress);

}  // namespace sdiag::core::miro
