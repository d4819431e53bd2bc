#include <sdiag/textmatch/tokeniser.hpp>

#include <cstdint>

#include <sdiag/text.hpp>

namespace sdiag::textmatch {

namespace {

// Decodes one UTF-8 sequence at s[i]; returns U+FFFD (a separator here) for
// malformed bytes and advances by at least one byte.
char32_t decode(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) { ++i; return 0xFFFD; }
  char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    auto cb = static_cast<unsigned char>(s[i + k]);
    if ((cb >> 6) != 0x2) { ++i; return 0xFFFD; }
    c = (c << 6) | (cb & 0x3F);
  }
  i += len;
  return c;
}

// An approximation of Unicode \w that covers the scripts workshop notes use;
// symbols, punctuation and emoji are not word characters.
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;  // Latin-1 letters, Latin Extended
  if (c >= 0x370 && c <= 0x52F) return c != 0x37E && c != 0x387;  // Greek, Cyrillic
  if (c >= 0x1E00 && c <= 0x1FFF) return true;                    // Latin Extended Additional, Greek Extended
  if (c >= 0x3040 && c <= 0x9FFF) return true;                    // kana, CJK
  if (c >= 0xAC00 && c <= 0xD7AF) return true;                    // Hangul
  return false;
}

char32_t to_lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if ((c >= 0xC0 && c <= 0xDE) && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    // Latin Extended-A pairs upper/lower, even/odd, with a shift in 0x139..0x148 and 0x179..0x17E
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

}  // namespace

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  Word cur;
  auto flush = [&] {
    if (!cur.original.empty()) words.push_back(std::move(cur));
    cur = Word{};
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    char32_t c = decode(text, i);
    if (!is_word_char(c)) { flush(); continue; }
    cur.original.append(text.substr(start, i - start));
    text::append_utf8(cur.lower, to_lower(c));
  }
  flush();
  return words;
}

}  // namespace sdiag::textmatch
