#include "tags.hpp"

#include <cstdio>

#include <sdiag/render/paint.hpp>

#include "page_flow.hpp"

namespace sdiag::pdf {

std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

Tag::Tag(const PageFlow& flow, const char* name, const std::string& attributes) : cr_(flow.cr()), name_(name) {
  if (cr_) cairo_tag_begin(cr_, name_, attributes.c_str());
}

Tag::~Tag() {
  if (cr_) cairo_tag_end(cr_, name_);
}

namespace {
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}
}  // namespace

void link_area(const PageFlow& flow, const std::string& target, double x, double y, double w, double h) {
  cairo_t* cr = flow.cr();
  if (!cr || target.empty()) return;
  std::string attrs = "rect=[" + number(x) + " " + number(y) + " " + number(w) + " " + number(h) + "] ";
  if (target.rfind("dest:", 0) == 0) attrs += "dest=" + quoted(target.substr(5));
  else attrs += "uri=" + quoted(sdiag::render::drawable_text(target));
  cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
  cairo_tag_end(cr, CAIRO_TAG_LINK);
}

void destination(const PageFlow& flow, const std::string& dest, double x, double y) {
  cairo_t* cr = flow.cr();
  if (!cr) return;
  std::string attrs = "name=" + quoted(dest) + " x=" + number(x) + " y=" + number(y);
  cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs.c_str());
  cairo_tag_end(cr, CAIRO_TAG_DEST);
}

}  // namespace sdiag::pdf
