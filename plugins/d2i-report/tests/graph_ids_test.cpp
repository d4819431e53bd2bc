// Graph ids that do not depend on memory (graph_ids.hpp).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "../graph_ids.hpp"

namespace {

std::vector<std::string> subgraph_names(Agraph_t* g) {
  std::vector<std::string> names;
  for (Agraph_t* sg = agfstsubg(g); sg; sg = agnxtsubg(sg)) names.emplace_back(agnameof(sg));
  return names;
}

}  // namespace

TEST_CASE("subgraphs are walked in the order they were made, wherever their names were allocated") {
  const std::vector<std::string> made{"cluster_9", "cluster_2", "cluster_5", "cluster_0"};
  for (int round = 0; round < 3; ++round) {
    // Names allocated after some other memory, differently each round: cgraph's
    // own ids (the names' addresses) would order the subgraphs by where they lie.
    std::vector<std::unique_ptr<char[]>> padding;
    for (int i = 0; i < round * 7; ++i) padding.emplace_back(new char[static_cast<std::size_t>(16 + 8 * i)]);
    Agraph_t* g = agopen(const_cast<char*>("map"), Agdirected, sdiag::d2i_report::stable_ids());
    for (const auto& name : made) agsubg(g, const_cast<char*>(name.c_str()), 1);
    CHECK(subgraph_names(g) == made);
    agclose(g);
  }
}

TEST_CASE("named objects are found again by name, and anonymous ones get ids of their own") {
  Agraph_t* g = agopen(const_cast<char*>("map"), Agdirected, sdiag::d2i_report::stable_ids());
  Agnode_t* a = agnode(g, const_cast<char*>("a"), 1);
  Agnode_t* b = agnode(g, const_cast<char*>("b"), 1);
  Agnode_t* anonymous = agnode(g, nullptr, 1);
  CHECK(agnode(g, const_cast<char*>("a"), 0) == a);
  CHECK(agnode(g, const_cast<char*>("missing"), 0) == nullptr);
  CHECK(std::string(agnameof(b)) == "b");
  CHECK(AGID(a) != AGID(b));
  CHECK(AGID(anonymous) != AGID(a));
  CHECK(AGID(anonymous) != AGID(b));
  Agedge_t* e = agedge(g, a, b, const_cast<char*>("e0"), 1);
  Agedge_t* found = agedge(g, a, b, const_cast<char*>("e0"), 0);
  REQUIRE(found);
  CHECK(AGID(found) == AGID(e));
  agclose(g);
}
