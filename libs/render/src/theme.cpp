#include <sdiag/render/theme.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace sdiag::render {

namespace {

unsigned channel(double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); }

}  // namespace

std::string ooxml_hex(Rgb colour) {
  char out[7];
  std::snprintf(out, sizeof out, "%02X%02X%02X", channel(colour.r), channel(colour.g), channel(colour.b));
  return out;
}

std::optional<Rgb> parse_colour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  std::uint32_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data() + 1, end, value, 16);
  if (ec != std::errc() || ptr != end) return std::nullopt;  // from_chars takes no sign, so "#-12345" fails too
  return Rgb::hex(value);
}

}  // namespace sdiag::render
