#include "hac.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace sdiag::cluster {

namespace {

// Cosine distances, through an inverted index so only pairs sharing a feature
// cost a multiplication.
std::vector<float> distance_matrix(const std::vector<const SparseVector*>& rows) {
  const std::size_t m = rows.size();
  std::vector<float> d(m * m, 1.0f);
  std::unordered_map<std::uint32_t, std::vector<std::pair<std::uint32_t, float>>> postings;
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t k = 0; k < rows[i]->index.size(); ++k)
      postings[rows[i]->index[k]].push_back({static_cast<std::uint32_t>(i), rows[i]->value[k]});
  std::vector<float> acc(m);
  for (std::size_t i = 0; i < m; ++i) {
    std::fill(acc.begin(), acc.end(), 0.0f);
    for (std::size_t k = 0; k < rows[i]->index.size(); ++k)
      for (const auto& [j, v] : postings[rows[i]->index[k]]) acc[j] += v * rows[i]->value[k];
    for (std::size_t j = 0; j < m; ++j) d[i * m + j] = std::max(0.0f, 1.0f - acc[j]);
    d[i * m + i] = 0.0f;
  }
  // Exact symmetry keeps the chain's tie-breaking deterministic.
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = i + 1; j < m; ++j) d[j * m + i] = d[i * m + j];
  return d;
}

struct Merge {
  std::size_t a, b;
  float distance;
};

// Nearest-neighbour chain for average linkage (Lance-Williams update). The
// merged cluster keeps slot a, which always holds point a.
std::vector<Merge> nn_chain(std::vector<float> d, std::size_t m) {
  std::vector<Merge> merges;
  merges.reserve(m ? m - 1 : 0);
  std::vector<char> active(m, 1);
  std::vector<std::size_t> size(m, 1), chain;
  std::size_t left = m;
  std::size_t first_active = 0;
  while (left > 1) {
    if (chain.empty()) {
      while (!active[first_active]) ++first_active;
      chain.push_back(first_active);
    }
    std::size_t a = chain.back();
    std::size_t prev = chain.size() >= 2 ? chain[chain.size() - 2] : m;
    std::size_t best = prev;
    float best_d = prev < m ? d[a * m + prev] : std::numeric_limits<float>::infinity();
    for (std::size_t j = 0; j < m; ++j) {
      if (!active[j] || j == a) continue;
      if (d[a * m + j] < best_d) { best_d = d[a * m + j]; best = j; }
    }
    if (best != prev) { chain.push_back(best); continue; }
    chain.pop_back();
    chain.pop_back();
    std::size_t keep = std::min(a, best), gone = std::max(a, best);
    merges.push_back({keep, gone, best_d});
    double sk = static_cast<double>(size[keep]), sg = static_cast<double>(size[gone]);
    for (std::size_t j = 0; j < m; ++j) {
      if (!active[j] || j == keep || j == gone) continue;
      float v = static_cast<float>((sk * d[keep * m + j] + sg * d[gone * m + j]) / (sk + sg));
      d[keep * m + j] = d[j * m + keep] = v;
    }
    active[gone] = 0;
    size[keep] += size[gone];
    --left;
  }
  std::stable_sort(merges.begin(), merges.end(), [](const Merge& x, const Merge& y) { return x.distance < y.distance; });
  return merges;
}

std::size_t find(std::vector<std::size_t>& parent, std::size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

int renumber(std::vector<int>& label) {
  std::unordered_map<int, int> map;
  for (auto& l : label) {
    if (l < 0) continue;
    auto [it, added] = map.emplace(l, static_cast<int>(map.size()));
    l = it->second;
  }
  return static_cast<int>(map.size());
}

Cut average_link_silhouette_cut(const std::vector<const SparseVector*>& rows, int k_max) {
  const std::size_t m = rows.size();
  Cut cut;
  cut.label.assign(m, 0);
  if (m <= 2) {
    // Too few for a silhouette: two notes share a theme when they share words.
    if (m == 2 && dot(*rows[0], *rows[1]) <= 0.0f) cut.label[1] = 1;
    cut.k = renumber(cut.label);
    return cut;
  }
  if (k_max <= 0) k_max = std::max(10, static_cast<int>(2.0 * std::sqrt(static_cast<double>(m))));
  k_max = std::min<int>(k_max, static_cast<int>(m) - 1);

  auto sums = distance_matrix(rows);  // becomes: distance of row i to all of cluster c
  auto merges = nn_chain(sums, m);

  std::vector<std::size_t> parent(m), size(m, 1);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<std::size_t> active(m);
  std::iota(active.begin(), active.end(), 0);
  std::vector<std::size_t> best_parent;
  double best_s = -2;
  auto silhouette = [&]() {
    double total = 0;
    for (std::size_t i = 0; i < m; ++i) {
      std::size_t own = find(parent, i);
      if (size[own] == 1) continue;  // a note alone scores 0, as in scikit-learn
      double a = sums[i * m + own] / static_cast<double>(size[own] - 1);
      double b = std::numeric_limits<double>::infinity();
      for (std::size_t c : active)
        if (c != own) b = std::min(b, sums[i * m + c] / static_cast<double>(size[c]));
      double den = std::max(a, b);
      if (den > 0) total += (b - a) / den;
    }
    return total / static_cast<double>(m);
  };
  for (std::size_t step = 0; step < merges.size(); ++step) {
    std::size_t ra = find(parent, merges[step].a), rb = find(parent, merges[step].b);
    std::size_t keep = std::min(ra, rb), gone = std::max(ra, rb);
    for (std::size_t i = 0; i < m; ++i) sums[i * m + keep] += sums[i * m + gone];
    parent[gone] = keep;
    size[keep] += size[gone];
    active.erase(std::find(active.begin(), active.end(), gone));
    int k = static_cast<int>(m - step - 1);
    if (k > k_max || k < 2) continue;
    double s = silhouette();
    cut.trace.push_back({k, s});
    if (s >= best_s) {  // going down in K: ties go to the smaller K
      best_s = s;
      best_parent = parent;
    }
  }
  for (std::size_t i = 0; i < m; ++i) cut.label[i] = static_cast<int>(find(best_parent, i));
  cut.k = renumber(cut.label);
  cut.silhouette = best_s;
  std::reverse(cut.trace.begin(), cut.trace.end());
  return cut;
}

}  // namespace sdiag::cluster
