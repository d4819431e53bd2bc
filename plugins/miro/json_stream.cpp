#include "json_stream.hpp"

#include <memory>

#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

namespace sdiag::miro {

namespace {

using json = nlohmann::json;

// Builds the document as nlohmann's own DOM parser does (a stack of the
// containers being filled), but an array the chooser picks gets its
// elements built apart, each handed to the sink as soon as it is complete.
class StreamingHandler {
 public:
  StreamingHandler(const ListChooser& choose, const ListSink& sink) : choose_(choose), sink_(sink) {}

  json take_root() { return std::move(root_); }

  bool null() { return scalar(nullptr); }
  bool boolean(bool v) { return scalar(v); }
  bool number_integer(json::number_integer_t v) { return scalar(v); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(v); }
  bool number_float(json::number_float_t v, const std::string&) { return scalar(v); }
  bool string(std::string& v) { return scalar(std::move(v)); }
  bool binary(json::binary_t& v) { return scalar(std::move(v)); }

  bool start_object(std::size_t) {
    open(add(json::value_t::object), -1);
    return true;
  }
  bool key(std::string& k) {
    auto& top = frames_.back();
    top.key = k;
    top.slot = &(*top.value)[std::move(k)];
    return true;
  }
  bool end_object() { return close(); }

  bool start_array(std::size_t) {
    path_.clear();
    for (std::size_t i = 1; i < frames_.size(); ++i) path_.push_back(frames_[i].via);
    if (!frames_.empty()) path_.push_back(step_into_top());
    const int list = choose_(path_);
    open(add(json::value_t::array), list);
    return true;
  }
  bool end_array() { return close(); }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    // nlohmann's byte offset is the most useful location we have.
    const std::string message = sdiag::text::json_error_text(e);
    std::string where;
    if (const auto* pe = dynamic_cast<const json::parse_error*>(&e)) where = "byte " + std::to_string(pe->byte);
    throw sdiag::InputError("not valid JSON (" + message + "); is the export complete?", where);
  }

 private:
  struct Frame {
    json* value = nullptr;              ///< the container being filled
    JsonStep via;                       ///< how its parent reached it
    int list = -1;                      ///< a chosen list: elements go to the sink
    std::unique_ptr<json> element;      ///< a chosen list's element being built
    std::string key;                    ///< an object's current key
    json* slot = nullptr;               ///< where an object's next value goes
  };

  JsonStep step_into_top() const {
    const auto& top = frames_.back();
    return top.value->is_array() ? JsonStep{true, {}} : JsonStep{false, top.key};
  }

  // Places a new value where the parser is, and returns it.
  template <class V>
  json* add(V&& v) {
    if (frames_.empty()) {
      root_ = json(std::forward<V>(v));
      return &root_;
    }
    auto& top = frames_.back();
    if (top.list >= 0) {
      top.element = std::make_unique<json>(std::forward<V>(v));
      return top.element.get();
    }
    if (top.value->is_array()) {
      top.value->emplace_back(std::forward<V>(v));
      return &top.value->back();
    }
    *top.slot = json(std::forward<V>(v));
    return top.slot;
  }

  void open(json* container, int list) {
    JsonStep via = frames_.empty() ? JsonStep{} : step_into_top();
    frames_.push_back(Frame{container, std::move(via), list, nullptr, {}, nullptr});
  }

  bool close() {
    frames_.pop_back();
    deliver();
    return true;
  }

  template <class V>
  bool scalar(V&& v) {
    add(std::forward<V>(v));
    deliver();
    return true;
  }

  // A value just completed as an element of a chosen list goes to the sink.
  void deliver() {
    if (frames_.empty() || frames_.back().list < 0 || !frames_.back().element) return;
    auto element = std::move(frames_.back().element);
    sink_(frames_.back().list, std::move(*element));
  }

  const ListChooser& choose_;
  const ListSink& sink_;
  json root_;
  std::vector<Frame> frames_;
  std::vector<JsonStep> path_;
};

}  // namespace

json parse_streaming(std::string_view text, const ListChooser& choose, const ListSink& sink) {
  StreamingHandler handler(choose, sink);
  json::sax_parse(text.begin(), text.end(), &handler);
  return handler.take_root();
}

}  // namespace sdiag::miro
