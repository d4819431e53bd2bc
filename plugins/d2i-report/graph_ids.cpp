#include "graph_ids.hpp"

#include <string>
#include <unordered_map>

namespace sdiag::d2i_report {

namespace {

// As cgraph's own discipline: names get even ids, anonymous objects odd
// ones; a name is one id whatever kind of object carries it.
struct Ids {
  IDTYPE next_named = 2, next_anonymous = 1;
  std::unordered_map<std::string, IDTYPE> of_name;
  std::unordered_map<IDTYPE, std::string> name_of;
};

void* open_ids(Agraph_t*, Agdisc_t*) { return new Ids; }

long map_id(void* state, int, char* name, IDTYPE* id, int create) {
  auto& ids = *static_cast<Ids*>(state);
  if (!name) {
    *id = ids.next_anonymous;
    ids.next_anonymous += 2;
    return 1;
  }
  if (auto it = ids.of_name.find(name); it != ids.of_name.end()) {
    *id = it->second;
    return 1;
  }
  if (!create) return 0;
  *id = ids.next_named;
  ids.next_named += 2;
  ids.of_name.emplace(name, *id);
  ids.name_of.emplace(*id, name);
  return 1;
}

// Only anonymous ids may be asked for by number (agidnode).
long alloc_id(void*, int, IDTYPE id) { return id % 2 == 1; }

// A name stays known until the graph is closed: another object may share it.
void free_id(void*, int, IDTYPE) {}

char* print_id(void* state, int, IDTYPE id) {
  auto& ids = *static_cast<Ids*>(state);
  auto it = ids.name_of.find(id);
  return it == ids.name_of.end() ? nullptr : it->second.data();
}

void close_ids(void* state) { delete static_cast<Ids*>(state); }

void register_id(void*, int, void*) {}

Agiddisc_t kIds = {open_ids, map_id, alloc_id, free_id, print_id, close_ids, register_id};
Agdisc_t kDiscipline = {&AgMemDisc, &kIds, &AgIoDisc};

}  // namespace

Agdisc_t* stable_ids() { return &kDiscipline; }

}  // namespace sdiag::d2i_report
