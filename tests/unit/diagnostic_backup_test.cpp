// The host's backup of a diagnostic (core/src/diagnostic_backup): whatever a
// failed step did to the diagnostic, restoring gives back exactly what it was.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "diagnostic_backup.hpp"

using namespace sdiag;
using sdiag::core::DiagnosticBackup;

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
