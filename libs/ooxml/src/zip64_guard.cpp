#include "zip64_guard.hpp"

#include <string_view>

namespace sdiag::ooxml::detail {

namespace {

std::uint64_t little_endian(std::string_view bytes, std::size_t at, int width) {
  std::uint64_t value = 0;
  for (int b = width - 1; b >= 0; --b) value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(b)]);
  return value;
}

constexpr std::string_view local_header = "PK\x03\x04";
constexpr std::string_view zip64_end = "PK\x06\x06";
constexpr std::size_t local_header_size = 30;
constexpr std::size_t zip64_end_head = 12;  // signature and the 8-byte size

/// Where the walk over local entries stops: the first byte that is not an
/// entry whose size its header gives.
std::uint64_t end_of_sized_entries(std::uint64_t length, const ReadAt& read_at) {
  std::uint64_t at = 0;
  while (at + local_header_size <= length) {
    const std::string head = read_at(at, local_header_size);
    if (head.size() < local_header_size || std::string_view(head).substr(0, 4) != local_header) break;
    const auto flags = little_endian(head, 6, 2);
    const auto packed = little_endian(head, 18, 4);
    if ((flags & 0x8) != 0 || packed == 0xFFFFFFFFu) break;  // a data descriptor or ZIP64 sizes
    at += local_header_size + little_endian(head, 26, 2) + little_endian(head, 28, 2) + packed;
  }
  return at;
}

}  // namespace

bool zip64_records_fit(std::uint64_t length, const ReadAt& read_at) {
  constexpr std::size_t chunk = 1u << 16;
  for (std::uint64_t at = end_of_sized_entries(length, read_at); at < length; at += chunk) {
    // Each window overlaps the next by a record's head, so none is split unseen.
    const std::string window = read_at(at, chunk + zip64_end_head - 1);
    for (std::size_t pos = window.find(zip64_end); pos != std::string::npos && pos < chunk;
         pos = window.find(zip64_end, pos + 1)) {
      if (pos + zip64_end_head > window.size()) break;
      const auto declared = little_endian(window, pos + 4, 8);
      if (declared > length - (at + pos) - zip64_end_head) return false;
    }
  }
  return true;
}

}  // namespace sdiag::ooxml::detail
