// Which column of a notes CSV holds what, from the header's names.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sdiag::csv {

enum class Field { text, section, prompt, author, tags, colour, owner, due, id, other };

/// The field a header cell names, tolerant of case, spacing and common
/// synonyms ("Sticky note", "Frame", "Assigned to", "Due date"...).
Field field_named(const std::string& header);

struct Columns {
  std::vector<Field> fields;         ///< one per column
  std::vector<std::string> headers;  ///< as written
  std::optional<std::size_t> find(Field f) const;
};

/// The first record as a header, when it is one: it names a text column, or
/// at least two known fields. Nothing for a headerless file.
std::optional<Columns> header_of(const std::vector<std::string>& first_record);

}  // namespace sdiag::csv
