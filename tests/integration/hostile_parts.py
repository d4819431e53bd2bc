"""Hostile parts in real packages, for the tests that feed them to sdiag."""
import zipfile


def stored(source, part, data, extra=()):
    """make(path) writes a copy of the package `source` with `part` replaced
    by `data` and the (name, data) pairs of `extra` added. Stored, not
    deflated, so the zip's size and ratio limits let the part through to
    the XML reader."""
    def make(path):
        with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
            for name in src.namelist():
                z.writestr(name, data if name == part else src.read(name))
            for name, more in extra:
                z.writestr(name, more)
    return make


def utf16(xml):
    """The part as UTF-16 (with a byte order mark), as its declaration then says."""
    return xml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16")
