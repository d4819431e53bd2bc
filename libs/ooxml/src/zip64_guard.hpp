#pragma once
// Poco allocates a ZIP64 end-of-central-directory record at the size the
// record declares, unchecked: a crafted size near 2^48 is an allocation the
// process cannot survive under a sanitizer, and gigabytes of address space
// otherwise. This check runs before Poco opens a package.
#include <cstdint>
#include <functional>
#include <string>

namespace sdiag::ooxml::detail {

/// Reads up to `count` bytes at `offset` (fewer at the end).
using ReadAt = std::function<std::string(std::uint64_t offset, std::size_t count)>;

/// False when a ZIP64 end record declares more bytes than follow it in a
/// package of `length` bytes. The local entries are stepped over by their
/// declared sizes, as Poco does, so compressed data that happens to hold the
/// record's signature is not mistaken for one; from the first entry whose
/// size is not in its header (a data descriptor) to the end, every signature
/// counts.
bool zip64_records_fit(std::uint64_t length, const ReadAt& read_at);

}  // namespace sdiag::ooxml::detail
