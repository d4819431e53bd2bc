// styles.xml: the report's house style (sdiag::render::report_styles, used
// when no reference DOCX is given, and to fill in styles a reference lacks),
// and the map from our style ids to a reference's.
#pragma once

#include <map>
#include <string>

namespace sdiag::docx {

/// Maps the style ids the writer uses ("Heading1", "ListBullet"…) to the
/// ids in the package's styles.xml, which differ when a reference DOCX
/// names its styles otherwise (a localised Word, for one).
class StyleIds {
 public:
  std::string operator()(const std::string& id) const {
    auto it = map_.find(id);
    return it == map_.end() ? id : it->second;
  }
  void set(const std::string& ours, const std::string& theirs) { map_[ours] = theirs; }

 private:
  std::map<std::string, std::string> map_;
};

/// The default styles.xml, for the default A4 page.
std::string default_styles_xml();

}  // namespace sdiag::docx
