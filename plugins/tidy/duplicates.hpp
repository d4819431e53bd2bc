// Exact and near-duplicate notes. Near means a character-trigram Jaccard
// similarity at or above a threshold; candidates come from a prefix filter
// (rarest trigrams first, as in PPJoin), so large boards do not compare every
// pair.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sdiag::tidy {

struct Duplicate {
  std::size_t note;      ///< index of the repeat
  std::size_t original;  ///< index of the first note of its group
  double similarity;     ///< 1 for an exact repeat
};

/// Groups `keys` (comparison keys, "" ignored) and returns each later member
/// of a group with the group's first note.
std::vector<Duplicate> find_duplicates(const std::vector<std::string>& keys, double threshold);

}  // namespace sdiag::tidy
