/// @file sdiag/limits.hpp
/// The limits every run enforces on what it reads, in one place. Files come
/// from many hands; past a limit the file is refused with an InputError that
/// says which limit (the host reports it with the file's name and exits 1)
/// rather than the run exhausting memory or the stack. README "Limits" lists
/// these and the limits of DOCX and XLSX packages, which the one package
/// reader of libs/ooxml keeps (sdiag::ooxml::PackageLimits).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sdiag::limits {

/// Largest input file the host reads (checked before reading it).
inline constexpr std::uintmax_t max_input_bytes = 256u << 20;
/// Deepest nesting of arrays and objects in a JSON input. diagnostic.json
/// nests about 5 deep; the limit also bounds recursion when the kept
/// unknown fields are copied and written back.
inline constexpr int max_json_depth = 64;
/// Deepest nesting of elements in an XML part of a DOCX or XLSX. Word nests
/// tables in tables, but rarely past 30; parsers and tree walks recurse.
/// libs/ooxml's parser counts it as it reads, in UTF-8 and UTF-16 alike.
inline constexpr int max_xml_depth = 256;
/// Longest note text, in bytes of UTF-8. A Miro sticky note holds about
/// 6,000 characters; a longer "note" is a wrong column or a hostile file.
inline constexpr std::size_t max_note_bytes = 64u << 10;
/// Largest response a script plugin may write on stdout: a diagnostic of a
/// few thousand notes is a few MiB; past this the program is stopped. (SDK 1.4)
inline constexpr std::size_t max_script_response_bytes = 64u << 20;

/// @throws InputError when `json` nests arrays and objects more than
/// max_json_depth deep (located by line). A linear scan, strings skipped;
/// it does not validate anything else.
void check_json_depth(std::string_view json);

/// @throws InputError when the elements of `xml` nest more than
/// max_xml_depth deep. A linear scan of the tags (comments, CDATA,
/// processing instructions and quoted attribute values skipped); the
/// parser still checks everything else. It reads bytes, so it sees only
/// text in an ASCII-compatible encoding (not UTF-16): the readers in this
/// tree leave depth, DOCTYPE and entities to libs/ooxml's parse, which
/// counts as it parses, in any encoding.
void check_xml_depth(std::string_view xml, const std::string& part);

/// @throws InputError naming the note when `text` is longer than max_note_bytes.
void check_note_length(const std::string& note_id, std::string_view text);

}  // namespace sdiag::limits
