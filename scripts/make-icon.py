#!/usr/bin/env python3
"""Draws the app icon (an RGBA PNG: Tauri refuses RGB) without any imaging library.

A red page with a white masthead bar, a red rule and grey text lines: the bulletin's first page.
Run: python3 scripts/make-icon.py  (writes src-tauri/icons/icon.png, 512x512).
"""
import struct
import sys
import zlib
from pathlib import Path

SIZE = 512


def pixel(x: int, y: int) -> tuple:
    s = SIZE
    # rounded white page on transparent background
    margin, radius = s * 0.08, s * 0.07
    left, top, right, bottom = margin, margin * 0.6, s - margin, s - margin * 0.6
    inside = left <= x <= right and top <= y <= bottom
    if inside:
        for cx, cy in ((left + radius, top + radius), (right - radius, top + radius),
                       (left + radius, bottom - radius), (right - radius, bottom - radius)):
            if (x < left + radius or x > right - radius) and (y < top + radius or y > bottom - radius):
                if (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2 and abs(x - cx) <= radius and abs(y - cy) <= radius:
                    inside = False
    if not inside:
        return (0, 0, 0, 0)
    red = (200, 16, 46, 255)
    # masthead block (the red title)
    if s * 0.2 <= x <= s * 0.8 and s * 0.14 <= y <= s * 0.26:
        return red
    # the red rule under the masthead
    if s * 0.14 <= x <= s * 0.86 and s * 0.33 <= y <= s * 0.345:
        return red
    # text lines
    for i in range(6):
        y0 = s * (0.42 + i * 0.075)
        x1 = s * (0.86 if i % 3 != 2 else 0.6)
        if s * 0.14 <= x <= x1 and y0 <= y <= y0 + s * 0.028:
            return (90, 90, 90, 255)
    return (255, 255, 255, 255)


def png(width: int, height: int, rows: list) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "src-tauri/icons/icon.png"
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(png(SIZE, SIZE, rows))
    print(out)


if __name__ == "__main__":
    main()
