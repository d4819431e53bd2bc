#include "class_tfidf.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "hac.hpp"

namespace sdiag::cluster {

namespace {

// Raw term counts per cluster, as sorted sparse rows.
std::vector<std::map<std::uint32_t, double>> cluster_counts(const TfidfMatrix& m, const std::vector<int>& label, int k) {
  std::vector<std::map<std::uint32_t, double>> tf(static_cast<std::size_t>(k));
  for (std::size_t d = 0; d < label.size(); ++d) {
    if (label[d] < 0) continue;
    auto& row = tf[static_cast<std::size_t>(label[d])];
    for (std::size_t j = 0; j < m.counts_index[d].size(); ++j) row[m.counts_index[d][j]] += m.counts_value[d][j];
  }
  return tf;
}

struct Weighting {
  double mean_words = 0;           // A
  std::vector<double> term_total;  // f_t
};

Weighting weighting_of(const TfidfMatrix& m, const std::vector<std::map<std::uint32_t, double>>& tf) {
  Weighting w;
  w.term_total.assign(m.features.size(), 0.0);
  double total = 0;
  for (const auto& row : tf)
    for (const auto& [t, c] : row) {
      w.term_total[t] += c;
      total += c;
    }
  w.mean_words = tf.empty() ? 0 : total / static_cast<double>(tf.size());
  return w;
}

SparseVector weigh(const std::map<std::uint32_t, double>& row, const Weighting& w, bool normalise) {
  SparseVector v;
  double size = 0;
  for (const auto& [t, c] : row) size += c;
  if (size <= 0) return v;
  std::vector<double> val;
  double norm = 0;
  for (const auto& [t, c] : row) {
    double x = c / size * std::log(1.0 + w.mean_words / std::max(1.0, w.term_total[t]));
    v.index.push_back(t);
    val.push_back(x);
    norm += x * x;
  }
  norm = normalise && norm > 0 ? std::sqrt(norm) : 1.0;
  for (double x : val) v.value.push_back(static_cast<float>(x / norm));
  return v;
}

}  // namespace

std::vector<SparseVector> class_tfidf(const TfidfMatrix& m, const std::vector<int>& label, int k) {
  auto tf = cluster_counts(m, label, k);
  auto w = weighting_of(m, tf);
  std::vector<SparseVector> out;
  for (const auto& row : tf) out.push_back(weigh(row, w, true));
  return out;
}

namespace {

// Merges the closest pair while `more(best cosine, clusters of 2+ left)`
// holds; with `big_only`, single notes are left out of it.
template <class More>
int merge_while(const TfidfMatrix& m, std::vector<int>& label, int k, bool big_only, More more) {
  if (k < 2) return k;
  auto tf = cluster_counts(m, label, k);
  auto w = weighting_of(m, tf);
  const auto n = static_cast<std::size_t>(k);
  std::vector<std::size_t> size(n, 0);
  for (int l : label)
    if (l >= 0) ++size[static_cast<std::size_t>(l)];
  std::size_t big = 0;
  for (auto s : size) big += s > 1;
  std::vector<SparseVector> rows;
  for (const auto& r : tf) rows.push_back(weigh(r, w, true));
  std::vector<double> sim(n * n, -1.0);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) sim[a * n + b] = dot(rows[a], rows[b]);
  std::vector<char> alive(n, 1);
  std::vector<std::size_t> into(n);
  for (std::size_t c = 0; c < n; ++c) into[c] = c;
  for (;;) {
    double best = 0;
    std::size_t ba = n, bb = n;
    for (std::size_t a = 0; a < n; ++a) {
      if (!alive[a] || (big_only && size[a] < 2)) continue;
      for (std::size_t b = a + 1; b < n; ++b)
        if (alive[b] && !(big_only && size[b] < 2) && sim[a * n + b] > best) { best = sim[a * n + b]; ba = a; bb = b; }
    }
    if (ba == n || !more(best, big)) break;
    big -= (size[ba] > 1) + (size[bb] > 1) - 1;
    size[ba] += size[bb];
    for (const auto& [t, c] : tf[bb]) tf[ba][t] += c;
    tf[bb].clear();
    alive[bb] = 0;
    into[bb] = ba;
    rows[ba] = weigh(tf[ba], w, true);
    for (std::size_t c = 0; c < n; ++c) {
      if (!alive[c] || c == ba) continue;
      double s = dot(rows[ba], rows[c]);
      sim[std::min(c, ba) * n + std::max(c, ba)] = s;
    }
  }
  for (auto& l : label) {
    if (l < 0) continue;
    auto c = static_cast<std::size_t>(l);
    while (into[c] != c) c = into[c];
    l = static_cast<int>(c);
  }
  return renumber(label);
}

}  // namespace

int merge_close_clusters(const TfidfMatrix& m, std::vector<int>& label, int k, double threshold) {
  if (threshold >= 1.0) return k;
  return merge_while(m, label, k, false, [threshold](double best, std::size_t) { return best > threshold; });
}

int merge_down(const TfidfMatrix& m, std::vector<int>& label, int k, std::size_t target) {
  if (target == 0) return k;
  for (;;) {
    std::vector<std::size_t> size(static_cast<std::size_t>(k), 0);
    for (int l : label)
      if (l >= 0) ++size[static_cast<std::size_t>(l)];
    std::vector<std::size_t> big;
    for (std::size_t c = 0; c < size.size(); ++c)
      if (size[c] > 1) big.push_back(c);
    if (big.size() <= target) return k;
    // The smallest theme joins the one it is most like: a facilitator folds
    // a minor point into a major one rather than two major ones together.
    auto smallest = *std::min_element(big.begin(), big.end(), [&](std::size_t a, std::size_t b) { return size[a] < size[b]; });
    auto rows = class_tfidf(m, label, k);
    double best = 0;
    int into = -1;
    for (auto c : big)
      if (c != smallest)
        if (double s = dot(rows[smallest], rows[c]); s > best) best = s, into = static_cast<int>(c);
    for (auto& l : label) {
      if (l != static_cast<int>(smallest)) continue;
      l = into >= 0 ? into : k++;  // sharing no word with any theme: its notes stand alone
    }
    k = renumber(label);
  }
}

std::vector<std::map<std::string, double>> feature_weights(const TfidfMatrix& m, const std::vector<int>& label, int k) {
  auto tf = cluster_counts(m, label, k);
  auto w = weighting_of(m, tf);
  std::vector<std::map<std::string, double>> out;
  for (const auto& r : tf) {
    auto row = weigh(r, w, false);
    auto& named = out.emplace_back();
    for (std::size_t j = 0; j < row.index.size(); ++j) named[m.features[row.index[j]]] = row.value[j];
  }
  return out;
}

std::vector<std::vector<std::string>> top_words(const TfidfMatrix& m, const std::vector<std::vector<Token>>& docs,
                                                const std::vector<int>& label, int k, std::size_t count) {
  auto tf = cluster_counts(m, label, k);
  auto w = weighting_of(m, tf);
  // The surface words of each stem, per cluster.
  std::vector<std::map<std::string, std::map<std::string, int>>> surfaces(static_cast<std::size_t>(k));
  for (std::size_t d = 0; d < docs.size(); ++d)
    if (label[d] >= 0)
      for (const auto& t : docs[d]) ++surfaces[static_cast<std::size_t>(label[d])][t.stem][t.surface];
  struct Ranked {
    double weight;
    std::string word;
  };
  std::vector<std::vector<std::string>> out(static_cast<std::size_t>(k));
  for (std::size_t c = 0; c < out.size(); ++c) {
    auto row = weigh(tf[c], w, false);
    std::vector<Ranked> ranked;
    for (std::size_t j = 0; j < row.index.size(); ++j) {
      if (row.value[j] <= 0) continue;
      const auto& forms = surfaces[c][m.features[row.index[j]]];
      auto best = std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
        return a.second < b.second || (a.second == b.second && a.first > b.first);
      });
      if (best != forms.end() && !best->first.empty()) ranked.push_back({row.value[j], best->first});  // "" = taxonomy feature
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
      return a.weight > b.weight || (a.weight == b.weight && a.word < b.word);
    });
    for (const auto& r : ranked) {
      if (out[c].size() >= count) break;
      if (std::find(out[c].begin(), out[c].end(), r.word) == out[c].end()) out[c].push_back(r.word);
    }
  }
  return out;
}

}  // namespace sdiag::cluster
