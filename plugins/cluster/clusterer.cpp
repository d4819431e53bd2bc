#include "clusterer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "class_tfidf.hpp"
#include "features.hpp"
#include "hac.hpp"
#include "phrase_label.hpp"
#include "specific_term.hpp"

namespace sdiag::cluster {

namespace {

// Dense centroids, feature-major so one note's few features touch
// contiguous memory. Each centroid is L2-normalised.
struct Centroids {
  std::size_t k = 0;
  std::vector<float> by_feature;  // [feature * k + cluster]
};

Centroids centroids_of(const TfidfMatrix& m, const std::vector<int>& label, std::size_t k) {
  Centroids c;
  c.k = k;
  c.by_feature.assign(m.features.size() * k, 0.0f);
  for (std::size_t d = 0; d < label.size(); ++d) {
    if (label[d] < 0) continue;
    const auto& r = m.rows[d];
    for (std::size_t j = 0; j < r.index.size(); ++j) c.by_feature[r.index[j] * k + label[d]] += r.value[j];
  }
  std::vector<double> norm(k, 0.0);
  for (std::size_t i = 0; i < c.by_feature.size(); ++i) norm[i % k] += double(c.by_feature[i]) * c.by_feature[i];
  for (std::size_t i = 0; i < c.by_feature.size(); ++i)
    if (norm[i % k] > 0) c.by_feature[i] = static_cast<float>(c.by_feature[i] / std::sqrt(norm[i % k]));
  return c;
}

// Nearest centroid by cosine; -2 when the note shares no word with any.
int nearest(const Centroids& c, const SparseVector& row, std::vector<float>& acc) {
  std::fill(acc.begin(), acc.end(), 0.0f);
  for (std::size_t j = 0; j < row.index.size(); ++j) {
    const float* col = &c.by_feature[row.index[j] * c.k];
    for (std::size_t q = 0; q < c.k; ++q) acc[q] += row.value[j] * col[q];
  }
  auto best = std::max_element(acc.begin(), acc.end());
  return *best > 0 ? static_cast<int>(best - acc.begin()) : -2;
}

// Stage one on a sample, stage two by centroid; notes sharing no word with
// any sampled cluster are clustered the same way among themselves.
void cluster_large(const TfidfMatrix& m, const std::vector<std::size_t>& docs, std::vector<int>& label,
                   int& next_label, const MethodOptions& o, int depth, Clustering& out) {
  if (docs.size() <= o.sample_limit || depth >= 3) {
    std::vector<const SparseVector*> rows;
    for (auto d : docs) rows.push_back(&m.rows[d]);
    // Deep leftovers beyond the limit share one group rather than an O(n^2) tree.
    Cut cut = docs.size() <= o.sample_limit ? average_link_silhouette_cut(rows, o.max_clusters) : Cut{};
    if (cut.label.empty()) cut.label.assign(docs.size(), 0), cut.k = 1;
    for (std::size_t i = 0; i < docs.size(); ++i) label[docs[i]] = next_label + cut.label[i];
    next_label += cut.k;
    if (depth == 0) out.silhouette = cut.silhouette;
    return;
  }
  out.sampled = true;
  const std::size_t step_num = docs.size(), step_den = o.sample_limit;
  std::vector<std::size_t> sample;
  for (std::size_t i = 0; i < step_den; ++i) sample.push_back(docs[i * step_num / step_den]);
  std::vector<const SparseVector*> rows;
  for (auto d : sample) rows.push_back(&m.rows[d]);
  Cut cut = average_link_silhouette_cut(rows, o.max_clusters);
  if (depth == 0) out.silhouette = cut.silhouette;
  const auto k = static_cast<std::size_t>(cut.k);
  std::vector<int> local(m.rows.size(), -1);
  for (std::size_t i = 0; i < sample.size(); ++i) local[sample[i]] = cut.label[i];
  std::vector<float> acc(k);
  for (int pass = 0; pass < 3; ++pass) {  // seed from the sample, then two k-means passes
    auto c = centroids_of(m, local, k);
    for (auto d : docs) local[d] = nearest(c, m.rows[d], acc);
    for (auto& l : local) l = l == -2 ? -1 : l;
  }
  std::vector<std::size_t> unplaced;
  for (auto d : docs) {
    if (local[d] < 0) unplaced.push_back(d);
    else label[d] = next_label + local[d];
  }
  next_label += static_cast<int>(k);
  if (!unplaced.empty()) cluster_large(m, unplaced, label, next_label, o, depth + 1, out);
}

// The silhouette scores a note alone as 0, so the cut leaves many one-note
// clusters: each joins the cluster it is most like on average (mean cosine
// to the members), when that is above the threshold. Order-free: every
// singleton is judged against the clusters of the cut, not of earlier moves.
int attach_singletons(const TfidfMatrix& m, std::vector<int>& label, int k, double threshold) {
  if (threshold >= 1.0 || k < 2) return k;
  std::vector<std::size_t> size(static_cast<std::size_t>(k), 0);
  for (int l : label)
    if (l >= 0) ++size[static_cast<std::size_t>(l)];
  std::vector<int> big(label.size(), -1);
  for (std::size_t d = 0; d < label.size(); ++d)
    if (label[d] >= 0 && size[static_cast<std::size_t>(label[d])] > 1) big[d] = label[d];
  std::size_t big_count = 0;
  for (auto s : size) big_count += s > 1;
  if (big_count == 0) return k;
  auto c = centroids_of(m, big, static_cast<std::size_t>(k));  // normalised; rescale to mean cosine below
  std::vector<double> sum_norm(static_cast<std::size_t>(k), 0.0);
  {
    std::vector<std::map<std::uint32_t, double>> sums(static_cast<std::size_t>(k));
    for (std::size_t d = 0; d < big.size(); ++d)
      if (big[d] >= 0)
        for (std::size_t j = 0; j < m.rows[d].index.size(); ++j) sums[static_cast<std::size_t>(big[d])][m.rows[d].index[j]] += m.rows[d].value[j];
    for (std::size_t q = 0; q < sums.size(); ++q) {
      double sq = 0;
      for (const auto& [f, v] : sums[q]) sq += v * v;
      sum_norm[q] = std::sqrt(sq);
    }
  }
  std::vector<float> acc(static_cast<std::size_t>(k));
  std::vector<int> moved = label;
  for (std::size_t d = 0; d < label.size(); ++d) {
    if (label[d] < 0 || size[static_cast<std::size_t>(label[d])] != 1) continue;
    std::fill(acc.begin(), acc.end(), 0.0f);
    for (std::size_t j = 0; j < m.rows[d].index.size(); ++j) {
      const float* col = &c.by_feature[m.rows[d].index[j] * c.k];
      for (std::size_t q = 0; q < c.k; ++q) acc[q] += m.rows[d].value[j] * col[q];
    }
    double best = threshold;
    int to = -1;
    for (std::size_t q = 0; q < acc.size(); ++q) {
      if (size[q] < 2) continue;
      double mean_cos = acc[q] * sum_norm[q] / static_cast<double>(size[q]);
      if (mean_cos > best) { best = mean_cos; to = static_cast<int>(q); }
    }
    if (to >= 0) moved[d] = to;
  }
  label = std::move(moved);
  return renumber(label);
}

// Notes still alone once the clusters are at the target share one cluster,
// numbered last: a facilitator's "Other points". Returns its number, or -1
// when no note is alone or no cluster has two notes.
int pool_singletons(std::vector<int>& label, int k) {
  std::vector<std::size_t> size(static_cast<std::size_t>(k), 0);
  for (int l : label)
    if (l >= 0) ++size[static_cast<std::size_t>(l)];
  if (std::none_of(size.begin(), size.end(), [](std::size_t s) { return s > 1; })) return -1;
  if (std::none_of(size.begin(), size.end(), [](std::size_t s) { return s == 1; })) return -1;
  std::vector<int> kept = label;
  for (auto& l : kept)
    if (l >= 0 && size[static_cast<std::size_t>(l)] == 1) l = -1;
  int big = renumber(kept);
  for (std::size_t d = 0; d < label.size(); ++d)
    if (label[d] >= 0) label[d] = kept[d] >= 0 ? kept[d] : big;
  return big;
}

// A heading from the notes' words, and the taxonomy theme most of them point to.
void name_cluster(ClusterInfo& info, const std::vector<std::string>& texts, const std::vector<std::vector<Token>>& docs,
                  std::map<std::string, double> weight, Analyser& analyser, const Vocabulary& vocabulary,
                  const std::optional<TaxonomyMatcher>& matcher, double share, const BoardNames& board) {
  // What sets the cluster apart, times the share of its notes that say it.
  std::map<std::string, std::size_t> notes_with;
  for (auto d : info.members) {
    std::set<std::string> seen;
    for (const auto& t : docs[d]) seen.insert(t.stem);
    for (const auto& stem : seen) ++notes_with[stem];
  }
  for (auto& [stem, w] : weight) w *= static_cast<double>(notes_with[stem]) / static_cast<double>(info.members.size());
  std::vector<std::string_view> member_texts;
  for (auto d : info.members) member_texts.push_back(texts[d]);
  info.phrase = phrase_label(member_texts, analyser, weight);
  info.term = specific_term(member_texts, vocabulary, analyser, weight, board);
  info.phrase = term_as_named(info.phrase, info.term);
  if (!matcher || info.members.size() < 2) return;
  std::vector<const std::vector<Token>*> notes;
  for (auto d : info.members) notes.push_back(&docs[d]);
  info.taxonomy = matcher->theme_of_group(notes, share);
}

}  // namespace

Clustering cluster_texts(const std::vector<std::string>& texts, const Vocabulary& vocabulary,
                         const MethodOptions& o) {
  Clustering out;
  Analyser analyser(vocabulary, o.stem);
  std::vector<std::vector<Token>> docs;
  docs.reserve(texts.size());
  for (const auto& t : texts) docs.push_back(analyser.analyse(t));
  std::optional<TaxonomyMatcher> matcher;
  if (o.taxonomy && !o.taxonomy->empty()) {
    matcher.emplace(*o.taxonomy, analyser);
    // Notes that point to the same taxonomy theme in different words meet
    // through it: the theme a note points to most is one more (unshown)
    // feature. Only that one: long notes touch many themes in passing.
    for (auto& doc : docs)
      if (int i = matcher->main_theme_of(doc); i >= 0)
        doc.push_back({"@" + o.taxonomy->themes()[static_cast<std::size_t>(i)].id, ""});
  }
  TfidfMatrix m = tfidf(docs);

  std::vector<std::size_t> worded;
  for (std::size_t d = 0; d < docs.size(); ++d)
    if (!m.rows[d].empty()) worded.push_back(d);
  out.label.assign(texts.size(), -1);
  int next_label = 0;
  if (!worded.empty()) cluster_large(m, worded, out.label, next_label, o, 0, out);
  int k = renumber(out.label);
  out.k_cut = k;
  k = merge_close_clusters(m, out.label, k, o.merge_threshold);
  k = attach_singletons(m, out.label, k, o.attach_threshold);
  int other = -1;
  if (o.target_clusters > 0) {
    k = merge_down(m, out.label, k, o.target_clusters);
    k = attach_singletons(m, out.label, k, o.attach_threshold);  // the clusters grew: look again
    other = pool_singletons(out.label, k);
    if (other >= 0) k = other + 1;
  }

  // The board's names are read once for every cluster's heading.
  const BoardNames board = o.context ? board_names(*o.context, analyser) : BoardNames{};

  // Describe each cluster: members, medoid (argmax x . sum), cohesion, words.
  out.clusters.resize(static_cast<std::size_t>(k));
  auto words = top_words(m, docs, out.label, k, o.keywords);
  auto weights = feature_weights(m, out.label, k);

  for (std::size_t d = 0; d < out.label.size(); ++d)
    if (out.label[d] >= 0) out.clusters[static_cast<std::size_t>(out.label[d])].members.push_back(d);
  for (int c = 0; c < k; ++c) {
    auto& info = out.clusters[static_cast<std::size_t>(c)];
    std::map<std::uint32_t, double> sum;
    for (auto d : info.members)
      for (std::size_t j = 0; j < m.rows[d].index.size(); ++j) sum[m.rows[d].index[j]] += m.rows[d].value[j];
    SparseVector s;
    double sq = 0;
    for (const auto& [f, v] : sum) {
      s.index.push_back(f);
      s.value.push_back(static_cast<float>(v));
      sq += v * v;
    }
    double best = -1;
    for (auto d : info.members) {
      double score = dot(m.rows[d], s);
      if (score > best + 1e-9) { best = score; info.medoid = d; }
    }
    double size = static_cast<double>(info.members.size());
    info.cohesion = size > 1 ? std::clamp((sq - size) / (size * (size - 1)), 0.0, 1.0) : 0.0;
    info.keywords = std::move(words[static_cast<std::size_t>(c)]);
    info.other = c == other;
    if (info.other) continue;
    name_cluster(info, texts, docs, weights[static_cast<std::size_t>(c)], analyser, vocabulary, matcher, o.taxonomy_share,
                 board);
  }
  // Largest first, pooled notes last; the order and numbering depend only on the input.
  std::vector<std::size_t> order(out.clusters.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (out.clusters[a].other != out.clusters[b].other) return out.clusters[b].other;  // "Other points" last
    return out.clusters[a].members.size() > out.clusters[b].members.size();
  });
  std::vector<ClusterInfo> sorted;
  std::vector<int> new_id(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    new_id[order[i]] = static_cast<int>(i);
    sorted.push_back(std::move(out.clusters[order[i]]));
  }
  out.clusters = std::move(sorted);
  for (auto& l : out.label)
    if (l >= 0) l = new_id[static_cast<std::size_t>(l)];
  return out;
}

}  // namespace sdiag::cluster
