// What the host keeps to put a diagnostic back as it was when a step that
// changes it in place (an input, an analysis) fails. A copy of a diagnostic
// of 100,000 notes is over 100 MiB; its long lists (notes, findings) are kept
// packed instead, each string once and a field that repeats the previous
// note's (its file, section, frame, author...) as a single byte, so the
// backup is a small fraction of the diagnostic and quick to take.
#pragma once

#include <cstddef>
#include <string>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::core {

class DiagnosticBackup {
 public:
  /// Takes the backup of `d` as it is now.
  explicit DiagnosticBackup(Diagnostic& d);
  /// Puts `d` back as it was when the backup was taken, dropping first what
  /// it holds now. @throws std::bad_alloc, leaving `d` empty.
  void restore(Diagnostic& d) const;
  /// The bytes the backup holds beyond a diagnostic without notes and findings.
  std::size_t packed_size() const { return notes_.size() + findings_.size(); }

 private:
  Diagnostic rest_;        ///< everything but the notes and the findings, copied
  std::string notes_;      ///< the notes, packed
  std::size_t note_count_ = 0;
  std::string findings_;   ///< the findings, packed
  std::size_t finding_count_ = 0;
};

}  // namespace sdiag::core
