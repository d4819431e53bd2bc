// Building hostile and ordinary packages and parts for the ooxml tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ooxml_test {

using Entries = std::vector<std::pair<std::string, std::string>>;

/// A zip of `entries` written by Poco, deflated or `stored` (as a hostile
/// file would be, to get past the compression ratio limit).
std::string zip_of(const Entries& entries, bool stored = false);

/// `s` with every `from` replaced by `to` (the same length keeps a zip's offsets).
std::string replace_all(std::string s, const std::string& from, const std::string& to);

/// UTF-8 text as UTF-16 with a byte order mark, little- or big-endian.
std::string utf16(const std::string& utf8, bool big_endian = false);

/// A document whose elements nest `depth` deep: <d><d>…</d></d>.
std::string nested(int depth, const std::string& open = "<d>", const std::string& close = "</d>");

}  // namespace ooxml_test
