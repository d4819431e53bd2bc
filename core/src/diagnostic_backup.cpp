#include "diagnostic_backup.hpp"

#include <cstring>
#include <string_view>
#include <utility>

namespace sdiag::core {

namespace {

class Packer {
 public:
  explicit Packer(std::string& out) : out_(out) {}

  void count(std::size_t n) {
    for (; n >= 0x80; n >>= 7) out_.push_back(static_cast<char>(0x80 | (n & 0x7f)));
    out_.push_back(static_cast<char>(n));
  }
  /// A string, or a single byte when it is the same as `previous`.
  void text(const std::string& s, std::string_view previous = {}) {
    if (s == previous) return count(0);
    count(s.size() + 1);
    out_ += s;
  }
  void number(double v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out_.append(bytes, sizeof v);
  }

 private:
  std::string& out_;
};

class Unpacker {
 public:
  explicit Unpacker(std::string_view in) : in_(in) {}

  std::size_t count() {
    std::size_t n = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(in_[at_++]);
      n |= static_cast<std::size_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return n;
    }
  }
  std::string text(std::string_view previous = {}) {
    const auto n = count();
    if (n == 0) return std::string(previous);
    auto s = std::string(in_.substr(at_, n - 1));
    at_ += n - 1;
    return s;
  }
  double number() {
    double v;
    std::memcpy(&v, in_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
};

std::string_view frame_of(const Note* n) { return n && n->position ? std::string_view(n->position->frame) : std::string_view(); }

// Every field must be packed. The fields are bound by name, so that one added
// to the model (wherever it sits, whatever its size) stops this compiling
// until it is packed here and unpacked below.
void pack(Packer& p, const Note& n, const Note* previous) {
  const Note empty;
  const Note& was = previous ? *previous : empty;
  const auto& [id, section, prompt, text, author, colour, tags, position, source, duplicate_of, extra] = n;
  p.text(id, was.id);
  p.text(section, was.section);
  p.text(prompt, was.prompt);
  p.text(text, was.text);
  p.text(author, was.author);
  p.text(colour, was.colour);
  p.count(tags.size());
  for (const auto& t : tags) p.text(t);
  p.count(position ? 1 : 0);
  if (position) {
    const auto& [x, y, frame] = *position;
    p.number(x);
    p.number(y);
    p.text(frame, frame_of(previous));
  }
  const auto& [file, plugin, ref] = source;
  p.text(file, was.source.file);
  p.text(plugin, was.source.plugin);
  p.text(ref, was.source.ref);
  p.text(duplicate_of, was.duplicate_of);
  p.count(extra.size());
  for (const auto& [key, value] : extra) {
    p.text(key);
    p.text(value);
  }
}

Note unpack_note(Unpacker& u, const Note* previous) {
  const Note empty;
  const Note& was = previous ? *previous : empty;
  Note n;
  n.id = u.text(was.id);
  n.section = u.text(was.section);
  n.prompt = u.text(was.prompt);
  n.text = u.text(was.text);
  n.author = u.text(was.author);
  n.colour = u.text(was.colour);
  n.tags.resize(u.count());
  for (auto& t : n.tags) t = u.text();
  if (u.count()) {
    Position at;
    at.x = u.number();
    at.y = u.number();
    at.frame = u.text(frame_of(previous));
    n.position = std::move(at);
  }
  n.source.file = u.text(was.source.file);
  n.source.plugin = u.text(was.source.plugin);
  n.source.ref = u.text(was.source.ref);
  n.duplicate_of = u.text(was.duplicate_of);
  for (auto pairs = u.count(); pairs > 0; --pairs) {
    auto key = u.text();
    n.extra.emplace_hint(n.extra.end(), std::move(key), u.text());
  }
  return n;
}

void pack(Packer& p, const Finding& f, const Finding* previous) {
  const Finding empty;
  const Finding& was = previous ? *previous : empty;
  const auto& [severity, plugin, source, location, message] = f;
  p.count(static_cast<std::size_t>(severity));
  p.text(plugin, was.plugin);
  p.text(source, was.source);
  p.text(location, was.location);
  p.text(message, was.message);
}

Finding unpack_finding(Unpacker& u, const Finding* previous) {
  const Finding empty;
  const Finding& was = previous ? *previous : empty;
  Finding f;
  f.severity = static_cast<Severity>(u.count());
  f.plugin = u.text(was.plugin);
  f.source = u.text(was.source);
  f.location = u.text(was.location);
  f.message = u.text(was.message);
  return f;
}

template <class T>
std::string pack_all(const std::vector<T>& items) {
  std::string out;
  Packer p(out);
  for (std::size_t i = 0; i < items.size(); ++i) pack(p, items[i], i ? &items[i - 1] : nullptr);
  out.shrink_to_fit();
  return out;
}

template <class T, class Unpack>
std::vector<T> unpack_all(std::string_view packed, std::size_t count, Unpack unpack) {
  std::vector<T> items;
  items.reserve(count);
  Unpacker u(packed);
  for (std::size_t i = 0; i < count; ++i) items.push_back(unpack(u, i ? &items[i - 1] : nullptr));
  return items;
}

}  // namespace

DiagnosticBackup::DiagnosticBackup(Diagnostic& d)
    : notes_(pack_all(d.notes)), note_count_(d.notes.size()), findings_(pack_all(d.findings)),
      finding_count_(d.findings.size()) {
  // The rest is copied while the long lists are set aside (and put back even if the copy fails).
  struct SetAside {
    Diagnostic& d;
    std::vector<Note> notes = std::move(d.notes);
    std::vector<Finding> findings = std::move(d.findings);
    ~SetAside() {
      d.notes = std::move(notes);
      d.findings = std::move(findings);
    }
  } aside{d};
  rest_ = d;
}

void DiagnosticBackup::restore(Diagnostic& d) const {
  // What the failed step left goes first: a step that ran out of memory
  // leaves no room to rebuild the diagnostic beside it. Rebuilt aside, so
  // that a throw leaves `d` empty rather than half put back.
  d = Diagnostic{};
  Diagnostic was = rest_;
  was.notes = unpack_all<Note>(notes_, note_count_, unpack_note);
  was.findings = unpack_all<Finding>(findings_, finding_count_, unpack_finding);
  d = std::move(was);
}

}  // namespace sdiag::core
