#include "sha256.hpp"

#include <nettle/base16.h>
#include <nettle/sha2.h>

namespace sdiag::core {

// nettle: a small C library with x86 SHA extensions, so hashing a board of
// tens of megabytes stays well under a second, and it adds next to nothing
// to the start of the program (Poco::Crypto pulled in OpenSSL's thousands of
// symbols for this one function).
std::string sha256_hex(std::string_view bytes) {
  sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
  char hex[BASE16_ENCODE_LENGTH(SHA256_DIGEST_SIZE)];
  base16_encode_update(hex, SHA256_DIGEST_SIZE, digest);  // lower case
  return {hex, sizeof hex};
}

}  // namespace sdiag::core
