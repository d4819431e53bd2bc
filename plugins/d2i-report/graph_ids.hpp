// Object ids for graphviz graphs that do not depend on where things lie in
// memory. cgraph's own id for a named node, edge or subgraph is the address
// of its interned name, and graphviz 2.42 walks subgraphs (the map's business
// areas) in id order: so the same map could be laid out two ways, depending
// on what else the process had allocated (another thread writing an output,
// a warm-up). These ids count up as objects are made, so a map's layout
// follows its input only.
#pragma once

#include <graphviz/cgraph.h>

namespace sdiag::d2i_report {

/// The discipline to open every graph with: agopen(name, kind, stable_ids()).
Agdisc_t* stable_ids();

}  // namespace sdiag::d2i_report
