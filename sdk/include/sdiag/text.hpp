/// @file sdiag/text.hpp
/// Text helpers every input needs: encodings, whitespace, and tolerant
/// matching of a heading or frame title to the workshop template.
#pragma once

#include <exception>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

namespace sdiag::text {

bool is_valid_utf8(std::string_view s);
/// Windows-1252 (Excel's "CSV" on UK Windows) to UTF-8.
std::string windows1252_to_utf8(std::string_view s);
/// Bytes from an untrusted file, decoded (see decode()).
struct Decoded {
  std::string text;      ///< UTF-8
  std::string encoding;  ///< "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "Windows-1252"
  /// Lines (from 1) where a sequence that is not UTF-8 was replaced by U+FFFD
  /// in a file that is UTF-8 as a whole; empty when none. (SDK 1.4)
  std::vector<std::size_t> mended_lines;
};

/// Bytes from an untrusted file as UTF-8: a UTF-8 BOM is removed, UTF-16
/// with a BOM is converted. A file that is UTF-8 as a whole (at least as
/// many well-formed multi-byte characters as bad sequences) stays UTF-8, and
/// each bad sequence alone becomes U+FFFD: one bad byte costs one character,
/// not every accent in the file. Anything else is read as Windows-1252. (SDK 1.4)
Decoded decode(std::string_view bytes);
/// What a reader tells the user about how `d` was decoded ("" for clean
/// UTF-8): the encoding it was read as, or the lines that held bad bytes,
/// with what to check. (SDK 1.4)
std::string decoding_note(const Decoded& d);
/// In JSON text, each escaped lone UTF-16 surrogate ("\\ud800" with no
/// partner) becomes "\\ufffd", in place and of the same length: JSON parsers
/// refuse a whole document over one. Returns how many were mended. (SDK 1.4)
std::size_t mend_json_surrogates(std::string& json);
/// decode(bytes).text; `encoding` (optional) receives what was found.
std::string to_utf8(std::string_view bytes, std::string* encoding = nullptr);
/// Appends the UTF-8 bytes of `code_point` to `out`. What is not a Unicode
/// scalar value (a surrogate, or past U+10FFFF) is written as U+FFFD. (SDK 1.2)
void append_utf8(std::string& out, char32_t code_point);

/// A file's path as sdiag shows it and stores it (in findings, sources and
/// every output): valid UTF-8 whatever bytes the file system gave, and
/// lossless. Each byte that is not part of a UTF-8 character (a Latin-1 "é"
/// from a Windows share) or is a control character is written `\xNN` in
/// upper-case hex, and a backslash `\\`; the rest is left as it is:
/// `caf\xE9.csv`. Use it wherever a path reaches a finding, the model or
/// an output; path.string() may not be UTF-8. (SDK 1.4)
std::string display_path(const std::filesystem::path& path);

/// What a JSON parse error from nlohmann says, for a message: without its
/// "[json.exception...] " prefix and without the "last read" quote of the
/// input, which can be half a UTF-8 character or megabytes of one value.
/// Any other exception's what() as it is. (SDK 1.4)
std::string json_error_text(const std::exception& e);

std::string trim(std::string_view s);
/// Trims and turns every run of whitespace (including NBSP) into one space.
std::string collapse_whitespace(std::string_view s);
/// ASCII lower case (UTF-8 bytes above 127 are left alone).
std::string lower(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
/// Splits at every occurrence of any of the separators (multi-byte ones
/// too: "·", " – "); the pieces are not trimmed. (SDK 1.3)
std::vector<std::string> split_at_any(std::string_view s, std::span<const std::string_view> separators);
/// "What currently works well?" -> "what-currently-works-well".
std::string slug(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);

/// A title reduced for comparison: lower case, parenthesised parts,
/// punctuation and symbols (arrows, circled numbers, emoji) removed, "&" read
/// as "and", numbering like "1." dropped.
std::string normalise_title(std::string_view title);
/// The parts a facilitator joined into one title: the text in brackets, and
/// the pieces between line breaks, dashes, colons, slashes and bullets
/// ("Before the day ② – who was there" -> "Before the day ②", "who was there").
/// Empty when the title is one piece. (SDK 1.3)
std::vector<std::string> title_parts(std::string_view title);

struct TemplateMatch {
  std::string section;  ///< section id
  std::string prompt;   ///< prompt id, "" when the title names the section
  double score = 0;     ///< 1 = exact after normalising
};

/// Finds the section or prompt a title names: exact match after
/// normalising, then aliases, then close wording (word overlap and small
/// edits), for the whole title and for each of its parts (title_parts). When
/// no wording is close, a title using the keywords of exactly one section or
/// prompt more than any other's scores 0.8 (SDK 1.3). Returns nothing below
/// `min_score`.
std::optional<TemplateMatch> match_title(const Template& t, std::string_view title,
                                         double min_score = 0.75);
/// The template's own sections: `t` without those inputs made for titles it
/// lacks (Section::made_by_input). Only these are matched in close wording:
/// match_title on this, then own_title_key for the rest. (SDK 1.5)
Template without_input_sections(const Template& t);
/// How titles an input made a section for are compared: word for word, after
/// folding (ASCII) case and runs of whitespace, nothing more. (SDK 1.5)
std::string own_title_key(std::string_view title);

/// Like match_title, but only among the prompts of one section.
std::optional<TemplateMatch> match_prompt(const Template& t, const std::string& section,
                                          std::string_view title, double min_score = 0.75);

}  // namespace sdiag::text
