// GLib types cannot be unregistered: once pango has registered its GObject
// types, unloading pango (when a host or test unloads this plugin) leaves
// GLib pointing into freed memory, and the next load crashes. So the first
// use pins pango's libraries for the life of the process.
#pragma once

namespace pdf {

void keep_pango_resident();

}  // namespace pdf
