// The whole clustering method, from note texts to described clusters.
//
// Up to `sample_limit` notes with words (a workshop, or several) are clustered
// exactly: average-link tree, silhouette-best cut, then close clusters merged
// by c-TF-IDF. Above that, the tree is built on an evenly spaced sample and
// every note is then placed by nearest centroid with two spherical k-means
// passes: O(n * words * K), so 20,000 notes stay near-linear.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "textmatch.hpp"

namespace sdiag::cluster {

struct MethodOptions {
  double merge_threshold = 0.1;   ///< c-TF-IDF cosine above which two clusters merge; >= 1 turns merging off
  double attach_threshold = 0.05; ///< a note left alone joins the theme it is most like (mean cosine above this); >= 1 = never
  std::size_t sample_limit = 2000;
  int max_clusters = 0;           ///< cap on the cut; 0 = max(10, 2 sqrt(n))
  bool stem = true;
  std::size_t keywords = 5;
  /// Most clusters of two or more notes a facilitator would keep; closer
  /// ones merge down to it, and notes still alone after that share one
  /// "other points" cluster. 0 = no target (nothing merged down or pooled).
  std::size_t target_clusters = 0;
  const Taxonomy* taxonomy = nullptr;  ///< names the clusters that match it; null = none
  double taxonomy_share = 0.5;         ///< share of a cluster's notes that must point to the theme
  /// The board's other notes, where a system's name may be written as one
  /// ("ChildView admin") though the clustered notes write it in lower case.
  const std::vector<std::string>* context = nullptr;
};

struct ClusterInfo {
  std::vector<std::size_t> members;  ///< indices into the input, ascending
  std::size_t medoid = 0;            ///< member with the highest mean cosine to the others
  std::vector<std::string> keywords; ///< c-TF-IDF top words, as written
  double cohesion = 0;               ///< mean pairwise cosine of members (0 for one note)
  std::string phrase;                ///< heading from the notes' own words (see phrase_label)
  int taxonomy = -1;                 ///< the taxonomy theme its notes point to, or -1
  std::string term;                  ///< the system most of its notes name, or "" (see specific_term)
  bool other = false;                ///< the notes left alone, pooled ("Other points")
};

struct Clustering {
  std::vector<int> label;              ///< cluster of each text; -1 = no words left
  std::vector<ClusterInfo> clusters;   ///< largest first (ties: first member first)
  int k_cut = 0;                       ///< clusters at the silhouette cut, before merging
  double silhouette = 0;
  bool sampled = false;                ///< the two-stage method was used
};

Clustering cluster_texts(const std::vector<std::string>& texts, const Vocabulary& vocabulary,
                         const MethodOptions& options = {});

}  // namespace sdiag::cluster
