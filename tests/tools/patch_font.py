#!/usr/bin/env python3
"""Write a copy of a font with a new family name and, optionally, a new OS/2 fsType (fontTools).

Usage: patch_font.py SRC DST FAMILY [--fstype N]

For tests/fonts_installed.rs: a copy of an installed face whose licence forbids embedding
(fsType 2, "restricted licence embedding") under a family name of its own, so it can be chosen
by name beside the original.
"""
import argparse

from fontTools.ttLib import TTFont


def main():
    p = argparse.ArgumentParser()
    p.add_argument("src")
    p.add_argument("dst")
    p.add_argument("family")
    p.add_argument("--fstype", type=int)
    a = p.parse_args()
    font = TTFont(a.src)
    if a.fstype is not None:
        font["OS/2"].fsType = a.fstype
    name = font["name"]
    postscript = "".join(c for c in a.family if c.isalnum()) or "Patched"
    for record in list(name.names):
        if record.nameID in (1, 4, 16):
            record.string = a.family
        elif record.nameID == 6:
            record.string = postscript
    font.save(a.dst)


if __name__ == "__main__":
    main()
