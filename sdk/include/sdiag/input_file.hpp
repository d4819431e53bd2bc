/// @file sdiag/input_file.hpp
/// Reading a file whole, as the host reads every input: refused past the
/// input size limit (limits.hpp) before it is read, with one message.
///
/// @code
/// auto words = sdiag::read_input_file(ctx.data_dir() / "my-plugin" / "words.json");
/// parse(words.bytes);
/// @endcode
#pragma once

#include <cstdint>
#include <filesystem>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

namespace sdiag {

/// The file at `path`, read whole, in binary. A file that grows while it is
/// read is held to the limit too. (SDK 1.2)
///
/// @throws InputError "cannot read: REASON" when it cannot be read (missing,
/// a folder, a device), "cannot open for reading", or "is N MiB; the limit
/// is M MiB (is this the right file?)" when it is larger than `limit`. As
/// with every InputError, the message does not name the file: whoever
/// reports it does (the host writes "FILE: message").
InputFile read_input_file(const std::filesystem::path& path, std::uintmax_t limit = limits::max_input_bytes);

/// Tells the user how a file's text was decoded, when it was not clean
/// UTF-8: a warning at the first line where bad bytes were replaced, or a
/// note of the encoding it was read as (text::decoding_note). (SDK 1.4)
void report_decoding(const text::Decoded& decoded, const std::string& source, Context& ctx);

}  // namespace sdiag
