// Times the clustering method on 300, 1,000 and 20,000 notes drawn from the
// public short-text sets (the Tweet set by default). Not run by CTest.
//   cluster_bench [TEXTS_FILE] [VOCABULARY_JSON]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "clusterer.hpp"

int main(int argc, char** argv) {
  std::string path = argc > 1 ? argv[1] : "../shared/data/short-text/Tweet/texts.txt";
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cluster_bench: cannot read %s (give a texts.txt, one note per line)\n", path.c_str());
    return 2;
  }
  std::vector<std::string> pool;
  for (std::string line; std::getline(in, line);) pool.push_back(line);
  if (pool.empty()) return 2;
  sdiag::cluster::Vocabulary vocabulary;
  if (argc > 2) vocabulary.load(argv[2]);
  std::printf("pool: %zu notes from %s\n", pool.size(), path.c_str());
  for (std::size_t n : {300u, 1000u, 20000u}) {
    // Cycle through the pool with a stride, so 20,000 notes exist even from a small set.
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < n; ++i) texts.push_back(pool[(i * 7919) % pool.size()]);
    double best = 1e300;
    sdiag::cluster::Clustering c;
    for (int rep = 0; rep < 3; ++rep) {
      auto t0 = std::chrono::steady_clock::now();
      c = sdiag::cluster::cluster_texts(texts, vocabulary);
      best = std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::printf("n=%-6zu themes=%-4zu cut=%-4d sampled=%s  %.1f ms (best of 3)\n", n, c.clusters.size(), c.k_cut,
                c.sampled ? "yes" : "no", best);
  }
  return 0;
}
