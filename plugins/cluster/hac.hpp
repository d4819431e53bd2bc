// Average-link agglomerative clustering on cosine distance, cut where the mean
// cosine silhouette is highest. The tree is built once with the
// nearest-neighbour chain (O(m^2) time, two m x m float matrices); the
// silhouette of every cut K = 2..k_max is then read from running sums of
// distances to each cluster, so all cuts together cost O(m^2) too.
#pragma once

#include <cstddef>
#include <vector>

#include "features.hpp"

namespace sdiag::cluster {

struct Cut {
  std::vector<int> label;  ///< cluster of each row, 0..k-1 numbered by first member
  int k = 0;
  double silhouette = 0;   ///< mean silhouette of the chosen cut (0 when k < 2)
  std::vector<std::pair<int, double>> trace;  ///< (K, silhouette) for every K tried
};

/// Clusters `rows` (L2-normalised, none empty). k_max caps the cuts tried;
/// 0 means max(10, 2 sqrt(m)), scikit-learn's grid top in the reference.
Cut average_link_silhouette_cut(const std::vector<const SparseVector*>& rows, int k_max = 0);

/// Renumbers labels 0..k-1 in order of first appearance (ids < 0 kept).
int renumber(std::vector<int>& label);

}  // namespace sdiag::cluster
