#include <sdiag/input_file.hpp>

#include <array>
#include <fstream>
#include <system_error>

namespace sdiag {

namespace {

// Whole MiB (rounded up) where the limit is a MiB or more, else bytes.
std::string amount(std::uintmax_t bytes, std::uintmax_t limit, bool round_up) {
  constexpr std::uintmax_t mib = 1u << 20;
  if (limit < mib) return std::to_string(bytes) + " bytes";
  return std::to_string(round_up ? (bytes + mib - 1) / mib : bytes / mib) + " MiB";
}

InputError too_big(std::uintmax_t size, std::uintmax_t limit) {
  return InputError("is " + amount(size, limit, true) + "; the limit is " + amount(limit, limit, false) +
                    " (is this the right file?)");
}

}  // namespace

InputFile read_input_file(const std::filesystem::path& path, std::uintmax_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);  // fails on folders and devices too
  if (ec) throw InputError("cannot read: " + ec.message());
  if (size > limit) throw too_big(size, limit);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot open for reading");
  InputFile file{path, {}};
  file.bytes.reserve(static_cast<std::size_t>(size));
  std::array<char, 1u << 16> chunk;
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    if (file.bytes.size() + got > limit) throw too_big(file.bytes.size() + got, limit);
    file.bytes.append(chunk.data(), got);
  }
  if (in.bad()) throw InputError("cannot read: the read failed part way");
  return file;
}

void report_decoding(const text::Decoded& decoded, const std::string& source, Context& ctx) {
  const auto note = text::decoding_note(decoded);
  if (note.empty()) return;
  if (decoded.mended_lines.empty()) ctx.finding(Severity::info, source, "", note);
  else ctx.finding(Severity::warning, source, "line " + std::to_string(decoded.mended_lines.front()), note);
}

}  // namespace sdiag
