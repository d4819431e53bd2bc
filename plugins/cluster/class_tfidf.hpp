// c-TF-IDF (BERTopic): each cluster's notes joined into one document;
// W(t,c) = tf(t,c) / sum_t tf(t,c) * ln(1 + A / f_t), A = mean words per
// cluster, f_t = count of t over all clusters. Used twice: to merge clusters
// that talk about the same thing (the silhouette cut over-splits), and to
// label each cluster with its most distinctive words.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "features.hpp"

namespace sdiag::cluster {

/// c-TF-IDF rows of clusters 0..k-1 (label < 0 = not clustered), L2-normalised.
std::vector<SparseVector> class_tfidf(const TfidfMatrix& m, const std::vector<int>& label, int k);

/// Merges, closest pair first, clusters whose c-TF-IDF rows have cosine >
/// `threshold`, keeping the weighting of the cut (A is fixed). Relabels in
/// place and returns the new number of clusters. threshold >= 1 merges nothing.
int merge_close_clusters(const TfidfMatrix& m, std::vector<int>& label, int k, double threshold);

/// Folds the smallest cluster of two or more notes into the one it is most
/// like (c-TF-IDF cosine) until at most `target` of them are left; one that
/// shares no word with any other is split into single notes instead.
/// Relabels in place and returns the new number of clusters.
int merge_down(const TfidfMatrix& m, std::vector<int>& label, int k, std::size_t target);

/// The c-TF-IDF weight of each feature (by key) in each cluster 0..k-1.
std::vector<std::map<std::string, double>> feature_weights(const TfidfMatrix& m, const std::vector<int>& label, int k);

/// The top `count` words of each cluster 0..k-1, each shown as the word its
/// notes use most often for that stem (ties: alphabetical).
std::vector<std::vector<std::string>> top_words(const TfidfMatrix& m, const std::vector<std::vector<Token>>& docs,
                                                const std::vector<int>& label, int k, std::size_t count);

}  // namespace sdiag::cluster
