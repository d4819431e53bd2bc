#include "elf_check.hpp"

#include <elf.h>
#include <fcntl.h>
#include <link.h>  // ElfW: this machine's ELF class
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace sdiag {

namespace {

constexpr unsigned char machine_class = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr unsigned char machine_data = ELFDATA2LSB;
#else
constexpr unsigned char machine_data = ELFDATA2MSB;
#endif

std::string type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

// Closes the descriptor on every way out.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads exactly `size` bytes at `offset`; false when the file ends first.
bool read_at(int fd, void* into, std::size_t size, off_t offset) {
  auto* p = static_cast<char*>(into);
  while (size > 0) {
    ssize_t n = ::pread(fd, p, size, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
    offset += n;
  }
  return true;
}

// Whether [offset, offset + size) lies inside a file of `file_size` bytes, without overflow.
bool fits(std::uint64_t offset, std::uint64_t size, std::uint64_t file_size) {
  return offset <= file_size && size <= file_size - offset;
}

}  // namespace

std::string elf_problem(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)  // ELOOP: a loop of symbolic links; ENOENT: a dangling one
    return std::string("cannot be opened (") + std::strerror(errno) + ")";
  if (!S_ISREG(st.st_mode)) return "not a shared library (" + type_name(st.st_mode) + ")";
  // O_NONBLOCK: should the file be swapped for a FIFO since the stat, the open still returns at once.
  Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) return std::string("cannot be opened (") + std::strerror(errno) + ")";
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) return "not a shared library (not a regular file)";
  const auto size = static_cast<std::uint64_t>(st.st_size);

  ElfW(Ehdr) header{};
  if (size == 0) return "not a shared library (the file is empty)";
  if (!read_at(file.fd, &header, sizeof header, 0) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
    return "not a shared library (invalid ELF header)";
  if (header.e_ident[EI_CLASS] != machine_class)
    return std::string("not a shared library for this machine (a ") +
           (header.e_ident[EI_CLASS] == ELFCLASS32 ? "32" : header.e_ident[EI_CLASS] == ELFCLASS64 ? "64" : "?") +
           "-bit ELF file)";
  if (header.e_ident[EI_DATA] != machine_data) return "not a shared library for this machine (its byte order differs)";
  if (header.e_type != ET_DYN) return "not a shared library (an ELF file of another type)";
  if (header.e_phentsize != sizeof(ElfW(Phdr)) || header.e_phnum == 0 || header.e_phnum == PN_XNUM)
    return "not a shared library (its ELF program headers are malformed)";

  const std::uint64_t table = std::uint64_t{header.e_phnum} * sizeof(ElfW(Phdr));
  if (!fits(header.e_phoff, table, size))
    return "a damaged or truncated shared library (its program headers end past the end of the file, " +
           std::to_string(size) + " bytes)";
  std::vector<ElfW(Phdr)> segments(header.e_phnum);
  if (!read_at(file.fd, segments.data(), table, static_cast<off_t>(header.e_phoff)))
    return "a damaged or truncated shared library (its program headers cannot be read)";
  for (const auto& s : segments)
    if (s.p_filesz > 0 && !fits(s.p_offset, s.p_filesz, size))
      return "a damaged or truncated shared library (a segment reaches past the end of the " + std::to_string(size) +
             "-byte file: a copy cut short?)";
  return {};
}

}  // namespace sdiag
