// A structure-aware mutator for the zip-based inputs (DOCX, XLSX). Mutating
// a zip's raw bytes almost always breaks a CRC or a size, so the reader
// refuses it and the XML inside is never reached. This one unpacks the
// entries, lets libFuzzer mutate one of them (or, now and then, the raw
// bytes, so the zip reader itself is fuzzed too), and packs a new zip with
// stored entries and correct CRCs and directory.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <zlib.h>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

struct Entry {
  std::string name;
  std::string data;
};

std::uint32_t u16(const std::uint8_t* p) { return p[0] | (p[1] << 8); }
std::uint32_t u32(const std::uint8_t* p) { return u16(p) | (u16(p + 2) << 16); }
void put16(std::string& s, std::uint32_t v) { s += char(v & 0xff); s += char((v >> 8) & 0xff); }
void put32(std::string& s, std::uint32_t v) { put16(s, v & 0xffff); put16(s, v >> 16); }

// Raw deflate, capped: seeds are small, and a mutated size may lie.
std::optional<std::string> inflate_raw(const std::uint8_t* p, std::size_t n, std::size_t expected) {
  if (expected > (1u << 20)) return std::nullopt;
  std::string out(expected, '\0');
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return std::nullopt;
  z.next_in = const_cast<Bytef*>(p);
  z.avail_in = static_cast<uInt>(n);
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return std::nullopt;
  out.resize(z.total_out);
  return out;
}

// The entries of a zip, read through its local headers; nullopt when the
// bytes are not a zip this mutator understands.
std::optional<std::vector<Entry>> unpack(const std::uint8_t* d, std::size_t n) {
  std::vector<Entry> out;
  std::size_t at = 0;
  while (at + 30 <= n && u32(d + at) == 0x04034b50) {
    const std::uint8_t* h = d + at;
    std::uint32_t flags = u16(h + 6), method = u16(h + 8), csize = u32(h + 18), usize = u32(h + 22);
    std::size_t name_len = u16(h + 26), extra_len = u16(h + 28);
    std::size_t data_at = at + 30 + name_len + extra_len;
    if ((flags & 8) || data_at > n || csize > n - data_at) return std::nullopt;  // sizes after the data: not handled
    Entry e{std::string(reinterpret_cast<const char*>(h + 30), name_len), {}};
    if (method == 0) {
      e.data.assign(reinterpret_cast<const char*>(d + data_at), csize);
    } else if (method == 8) {
      auto inflated = inflate_raw(d + data_at, csize, usize);
      if (!inflated) return std::nullopt;
      e.data = std::move(*inflated);
    } else {
      return std::nullopt;
    }
    out.push_back(std::move(e));
    at = data_at + csize;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string pack(const std::vector<Entry>& entries) {
  std::string zip, directory;
  for (const auto& e : entries) {
    auto crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(e.data.data()),
                                                static_cast<uInt>(e.data.size())));
    auto size = static_cast<std::uint32_t>(e.data.size());
    auto offset = static_cast<std::uint32_t>(zip.size());
    put32(zip, 0x04034b50); put16(zip, 20); put16(zip, 0); put16(zip, 0);   // version, flags, stored
    put16(zip, 0); put16(zip, 0x21);                                          // 1980-01-01 00:00
    put32(zip, crc); put32(zip, size); put32(zip, size);
    put16(zip, static_cast<std::uint32_t>(e.name.size())); put16(zip, 0);
    zip += e.name;
    zip += e.data;
    put32(directory, 0x02014b50); put16(directory, 20); put16(directory, 20); put16(directory, 0);
    put16(directory, 0); put16(directory, 0); put16(directory, 0x21);
    put32(directory, crc); put32(directory, size); put32(directory, size);
    put16(directory, static_cast<std::uint32_t>(e.name.size()));
    put16(directory, 0); put16(directory, 0); put16(directory, 0); put16(directory, 0);  // extra, comment, disk, attrs
    put32(directory, 0); put32(directory, offset);
    directory += e.name;
  }
  auto directory_at = static_cast<std::uint32_t>(zip.size());
  zip += directory;
  put32(zip, 0x06054b50); put16(zip, 0); put16(zip, 0);
  put16(zip, static_cast<std::uint32_t>(entries.size())); put16(zip, static_cast<std::uint32_t>(entries.size()));
  put32(zip, static_cast<std::uint32_t>(directory.size())); put32(zip, directory_at); put16(zip, 0);
  return zip;
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  std::minstd_rand rng(seed);
  auto entries = rng() % 16 == 0 ? std::nullopt : unpack(data, size);
  if (!entries) return LLVMFuzzerMutate(data, size, max_size);
  auto& e = (*entries)[rng() % entries->size()];
  std::size_t old = e.data.size();
  std::size_t room = old + 1 + (max_size > size ? max_size - size : 0);
  e.data.resize(room);
  e.data.resize(LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(e.data.data()), old, room));
  std::string zip = pack(*entries);
  if (zip.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, zip.data(), zip.size());
  return zip.size();
}
