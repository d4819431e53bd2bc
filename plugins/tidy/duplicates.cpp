#include "duplicates.hpp"

#include <algorithm>
#include <deque>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace sdiag::tidy {

namespace {

// A trigram packed into an integer, first byte highest: integers order as
// the strings would (std::string compares bytes as unsigned char).
using Trigram = std::uint32_t;

std::vector<Trigram> trigrams(const std::string& key) {
  std::string s = " " + key + " ";
  std::vector<Trigram> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i + 3 <= s.size(); ++i)
    out.push_back(static_cast<Trigram>(static_cast<unsigned char>(s[i])) << 16 |
                  static_cast<Trigram>(static_cast<unsigned char>(s[i + 1])) << 8 |
                  static_cast<unsigned char>(s[i + 2]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double jaccard(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (a[i] > b[j]) ++j;
    else ++common, ++i, ++j;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::size_t root(std::vector<std::size_t>& p, std::size_t x) {
  while (p[x] != x) x = p[x] = p[p[x]];
  return x;
}

}  // namespace

constexpr std::size_t kMaxPostings = 256;
constexpr std::size_t kMaxScored = 64;

std::vector<Duplicate> find_duplicates(const std::vector<std::string>& keys, double threshold) {
  const std::size_t n = keys.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<double> best(n, 0.0);
  auto unite = [&](std::size_t a, std::size_t b, double s) {
    std::size_t ra = root(parent, a), rb = root(parent, b);
    if (ra == rb) return;
    parent[std::max(ra, rb)] = std::min(ra, rb);  // the earliest note leads the group
    best[std::max(a, b)] = std::max(best[std::max(a, b)], s);
  };
  // Exact repeats.
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < n; ++i) {
    if (keys[i].empty()) continue;
    auto [it, added] = first.emplace(keys[i], i);
    if (!added) unite(it->second, i, 1.0);
  }
  // Near repeats: trigram ids ordered rarest first; each set indexed by its prefix.
  if (threshold < 1.0) {
    std::vector<std::vector<Trigram>> grams(n);
    std::unordered_map<Trigram, std::size_t> df;
    for (std::size_t i = 0; i < n; ++i) {
      if (keys[i].empty()) continue;
      grams[i] = trigrams(keys[i]);
      for (const auto& g : grams[i]) ++df[g];
    }
    std::vector<std::pair<std::size_t, Trigram>> order;
    for (const auto& [g, f] : df) order.push_back({f, g});
    std::sort(order.begin(), order.end());
    std::unordered_map<Trigram, std::uint32_t> rank;
    for (std::size_t r = 0; r < order.size(); ++r) rank[order[r].second] = static_cast<std::uint32_t>(r);
    std::vector<std::vector<std::uint32_t>> sets(n);
    for (std::size_t i = 0; i < n; ++i) {
      for (const auto& g : grams[i]) sets[i].push_back(rank[g]);
      std::sort(sets[i].begin(), sets[i].end());
    }
    // Each trigram remembers the latest kMaxPostings notes that have it among
    // their rarest: with templated wording ("The X return is late") the lists
    // would otherwise grow with the board and the search with its square. A
    // workshop's lists are far shorter, so there every pair is still scored;
    // in a huge board a repeat is found through its latest look-alikes, and
    // union-find still joins the whole group. For the same reason a note
    // scores at most kMaxScored pairs, its rarest trigrams' first.
    std::unordered_map<std::uint32_t, std::deque<std::size_t>> index;
    std::vector<std::size_t> seen(n, static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < n; ++i) {
      const auto& s = sets[i];
      if (s.empty()) continue;
      auto prefix = s.size() - static_cast<std::size_t>(std::ceil(threshold * static_cast<double>(s.size()))) + 1;
      std::size_t scored = 0;
      for (std::size_t k = 0; k < prefix && k < s.size(); ++k) {
        for (std::size_t j : index[s[k]]) {
          if (scored == kMaxScored) break;
          if (seen[j] == i) continue;
          seen[j] = i;
          // Pairs that cannot change the result are not scored: notes already in
          // one group (unite ignores them), and sets whose sizes alone keep the
          // Jaccard below the threshold (it is at most min/max of the sizes).
          if (root(parent, j) == root(parent, i)) continue;
          const auto small = std::min(s.size(), sets[j].size()), large = std::max(s.size(), sets[j].size());
          if (static_cast<double>(small) < threshold * static_cast<double>(large)) continue;
          ++scored;
          double sim = jaccard(s, sets[j]);
          if (sim >= threshold) unite(j, i, sim);
        }
        auto& postings = index[s[k]];
        if (postings.size() == kMaxPostings) postings.pop_front();
        postings.push_back(i);
      }
    }
  }
  std::vector<Duplicate> out;
  for (std::size_t i = 0; i < n; ++i)
    if (root(parent, i) != i) out.push_back({i, root(parent, i), best[i] > 0 ? best[i] : threshold});
  return out;
}

}  // namespace sdiag::tidy
