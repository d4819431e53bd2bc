// The host's backup of a diagnostic (core/src/diagnostic_backup): whatever a
// failed step did to the diagnostic, restoring gives back exactly what it was.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <new>

#include "diagnostic_backup.hpp"

using namespace sdiag;
using sdiag::core::DiagnosticBackup;

// Every allocation of this test program counts its bytes; while a ceiling is
// set, one that would pass it throws std::bad_alloc, as a full heap does.
namespace heap {
std::size_t live = 0;
std::size_t ceiling = std::numeric_limits<std::size_t>::max();
constexpr std::size_t header = alignof(std::max_align_t);

// Sets the ceiling at what is in use now, and lifts it when it ends.
struct Full {
  Full() { ceiling = live; }
  ~Full() { ceiling = std::numeric_limits<std::size_t>::max(); }
};
}  // namespace heap

void* operator new(std::size_t n) {
  if (n > heap::ceiling || heap::live > heap::ceiling - n) throw std::bad_alloc();
  auto* block = static_cast<char*>(std::malloc(heap::header + n));
  if (!block) throw std::bad_alloc();
  *reinterpret_cast<std::size_t*>(block) = n;
  heap::live += n;
  return block + heap::header;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  auto* block = static_cast<char*>(p) - heap::header;
  heap::live -= *reinterpret_cast<std::size_t*>(block);
  std::free(block);
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try { return operator new(n); } catch (...) { return nullptr; }
}
void* operator new[](std::size_t n, const std::nothrow_t& tag) noexcept { return operator new(n, tag); }
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { operator delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { operator delete(p); }

namespace {

// Every field of a note set, with neighbours that repeat some of them and differ in others.
Diagnostic sample() {
  Diagnostic d;
  d.meta.title = "Castlebrook";
  d.meta.sources.push_back({"board.json", "miro-board", "ab12", "miro"});
  d.tmpl.id = "d2i";
  d.people.push_back(Person{"p1", "Ana", "DCS", "", "", true, {"dcs_view"}, {}, {}});
  d.narrative["ideas"] = "Keep *this*";
  for (int i = 0; i < 300; ++i) {
    Note n;
    n.id = "miro-345876470000" + std::to_string(i);
    n.section = i % 7 ? "key_issues" : "ideas";
    n.prompt = i % 3 ? "pain_points" : "";
    n.text = i % 5 ? "Returns are built by hand \u2013 note " + std::to_string(i) : std::string("\0nul\xff", 5);
    n.author = i % 11 ? "Fatima Bell" : "";
    n.colour = "light_yellow";
    if (i % 4) n.tags = {"data quality", i % 8 ? "" : "a longer tag that is not kept in place"};
    if (i % 6) n.position = Position{i * 1.5, -i / 3.0, i % 12 ? "What the DCS sees now" : ""};
    if (i == 7) n.position = Position{std::numeric_limits<double>::quiet_NaN(), -0.0, "frame"};
    n.source = {i % 50 ? "board.json" : "other.csv", i % 50 ? "miro" : "csv", std::to_string(1000 + i)};
    n.duplicate_of = i % 9 ? "" : "miro-3458764700000001";
    if (i % 10 == 0) n.extra = {{"cluster", "\"t3\""}, {"score", "0.5"}};
    d.notes.push_back(n);
  }
  for (int i = 0; i < 50; ++i)
    d.findings.push_back({i % 3 ? Severity::info : Severity::error, i % 2 ? "tidy" : "", "board.json",
                          i % 4 ? std::to_string(i) : "", "the note repeats another word for word"});
  d.actions.push_back(Action{});
  d.actions.back().text = "Deliver a data dictionary";
  d.meta.extra["date_source"] = "\"command line\"";
  d.tmpl.sections.push_back(Section{"key_issues", "Key issues", "morning 1", {Prompt{"pain_points", "Pain points", {}, {}}}, {}, {}});
  d.system_map.nodes.push_back(MapNode{"m1", "Finance system", "finance", "other", "", "item-9", {}});
  d.themes.push_back(Theme{"t1", "Manual returns", {"returns"}, {"miro-3458764700001"}, "cluster", 0.75, "", {}});
  d.goals.push_back(Goal{"g1", "capability", "Automate returns", {"t1"}, "", {}});
  d.extra["x-sdiag-run"] = "{\"id\": 1}";
  return d;
}

// NaN is never equal to itself: compare its bits instead.
bool same(const Diagnostic& a, const Diagnostic& b) {
  auto a2 = a, b2 = b;
  for (auto* d : {&a2, &b2})
    for (auto& n : d->notes)
      if (n.position && n.position->x != n.position->x) n.position->x = 12345;
  return a2 == b2;
}

}  // namespace

TEST_CASE("restoring puts back every field of every note, finding and the rest") {
  const auto original = sample();
  auto d = original;
  const DiagnosticBackup backup(d);
  CHECK(same(d, original));  // taking the backup changes nothing
  d.notes[3].text = "changed";
  d.notes[5].position.reset();
  d.notes[10].extra.clear();
  d.notes.erase(d.notes.begin() + 100, d.notes.end());
  d.notes.push_back(Note{});
  d.findings.clear();
  d.meta.title = "Other";
  d.people.clear();
  d.actions.clear();
  d.narrative.clear();
  d.meta.extra.clear();
  d.tmpl.sections.front().prompts.clear();
  d.system_map.nodes.clear();
  d.themes.front().note_ids.push_back("n9");
  d.goals.clear();
  d.extra.clear();
  d.schema = "other";
  backup.restore(d);
  CHECK(same(d, original));
  CHECK(std::isnan(d.notes[7].position->x));
  CHECK(std::signbit(d.notes[7].position->y));
}

TEST_CASE("an empty diagnostic, and one whose notes are all alike") {
  Diagnostic empty;
  auto d = empty;
  const DiagnosticBackup backup(d);
  d.notes.push_back(Note{});
  backup.restore(d);
  CHECK(d == empty);

  Diagnostic alike;
  alike.notes.assign(1000, Note{"n", "ideas", "", "Same words", "", "", {}, Position{1, 2, "f"}, {"f", "p", "r"}, "", {}});
  auto e = alike;
  const DiagnosticBackup kept(e);
  CHECK(kept.packed_size() < 50'000);  // a repeated field is a byte, not a copy
  e.notes.clear();
  kept.restore(e);
  CHECK(e == alike);
}

TEST_CASE("a backup can be restored more than once") {
  auto d = sample();
  const auto original = d;
  const DiagnosticBackup backup(d);
  d.notes.clear();
  backup.restore(d);
  d.notes[0].text.clear();
  backup.restore(d);
  CHECK(same(d, original));
}

// A step that runs out of memory fails with std::bad_alloc on a full heap:
// what it left must make room for what is put back, as the copy the step
// worked on once did by going away.
TEST_CASE("restoring after a step that filled the heap fits in what the step leaves") {
  const auto original = sample();
  auto d = original;
  const DiagnosticBackup backup(d);
  Note grown;
  grown.id = "grown";
  grown.text = "a note the failed step added, long enough to be on the heap";
  d.notes.insert(d.notes.end(), 3000, grown);
  d.meta.title = "changed by the failed step";
  bool restored = false;
  {
    const heap::Full full;
    try {
      backup.restore(d);
      restored = true;
    } catch (const std::bad_alloc&) {
    }
  }
  CHECK(restored);
  CHECK(same(d, original));
}
