// Tagged-PDF structure and links through cairo's tag API, made safe for the
// measuring pass (no surface: no tags) and for untrusted text in attributes.
//
// cairo 1.16 traps (see the stack notes): only standard structure names are
// accepted (an unknown one corrupts the file), and a link needs an enclosing
// structure element.
#pragma once

#include <cairo.h>

#include <string>

namespace sdiag::pdf {

class PageFlow;

/// A cairo attribute string value: single-quoted, with ' and \ escaped.
std::string quoted(const std::string& value);

/// A structure element (P, H1, Table, ...) for the lifetime of the object.
class Tag {
 public:
  Tag(const PageFlow& flow, const char* name, const std::string& attributes = {});
  ~Tag();
  Tag(const Tag&) = delete;
  Tag& operator=(const Tag&) = delete;

 private:
  cairo_t* cr_;
  const char* name_;
};

/// A clickable area: `target` is a URI, or "dest:" + the name of a destination.
void link_area(const PageFlow& flow, const std::string& target, double x, double y, double w, double h);

/// Marks where heading `dest` sits, as a target of links and bookmarks.
void destination(const PageFlow& flow, const std::string& dest, double x, double y);

}  // namespace sdiag::pdf
