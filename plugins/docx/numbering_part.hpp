// numbering.xml: one bulleted list definition shared by all bulleted
// lists, and one numbered definition with a fresh instance per numbered
// list so that each restarts at 1.
#pragma once

#include <string>

namespace sdiag::docx {

class Numbering {
 public:
  /// Ids start after `abstract_base` and `num_base`, so that these
  /// definitions can join a reference document's own.
  explicit Numbering(int abstract_base = 0, int num_base = 0) : abstract_base_(abstract_base), num_base_(num_base) {}

  int bullets() const { return num_base_ + 1; }
  /// A new instance of the numbered list, starting at 1.
  int next_numbered() { return num_base_ + 2 + numbered_++; }

  /// The numbering part (root w:numbering).
  std::string xml() const;

 private:
  int abstract_base_;
  int num_base_;
  int numbered_ = 0;
};

}  // namespace sdiag::docx
