// What the dynamic loader would trip over in a plugin file, checked before
// it is handed to dlopen: glibc maps a library's segments as its program
// headers say, so a truncated copy loads and then dies with SIGBUS on the
// first page past the end, and opening a FIFO blocks for ever.
#pragma once

#include <filesystem>
#include <string>

namespace sdiag {

/// Why `path` cannot be a shared library for this machine, or "" when it may
/// be one: it must be a regular file (symbolic links followed) holding an ELF
/// header of this machine's class and byte order, whose program headers and
/// every segment's bytes lie inside the file. Never blocks: the file's type
/// is checked before it is opened, and it is opened without waiting.
std::string elf_problem(const std::filesystem::path& path);

}  // namespace sdiag
