#!/usr/bin/env python3
"""Draws the app icon (the same design as `app::icon()` in src/app.rs) as assets/icon.png.

A navy rounded square with a white speech bubble holding three lines of text, the last
one amber. Standard library only: python3 assets/tools/make_icon.py
"""
import struct
import zlib
from pathlib import Path

SIZE = 256
S = SIZE / 64.0  # the design is drawn on a 64-unit grid

NAVY = (0x12, 0x2B, 0x4A, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
AMBER = (0xE6, 0x9F, 0x00, 0xFF)
CLEAR = (0, 0, 0, 0)


def colour(fx, fy):
    def corner(cx, cy):
        return ((fx - cx) ** 2 + (fy - cy) ** 2) ** 0.5 <= 12.0

    inside = True
    for cx, cy, out in ((12, 12, fx < 12 and fy < 12), (52, 12, fx > 52 and fy < 12),
                        (12, 52, fx < 12 and fy > 52), (52, 52, fx > 52 and fy > 52)):
        if out and not corner(cx, cy):
            inside = False
    bubble = 10 <= fx <= 54 and 12 <= fy <= 42
    tail = 42 < fy < 52 and 18 < fx < 18 + (52 - fy) * 1.2

    def line(y0, x1):
        return y0 <= fy < y0 + 4 and 16 <= fx <= x1

    if line(18, 48) or line(26, 40):
        return NAVY
    if line(34, 44):
        return AMBER
    if bubble or tail:
        return WHITE
    return NAVY if inside else CLEAR


def main():
    rows = []
    for y in range(SIZE):
        row = bytearray([0])
        for x in range(SIZE):
            row.extend(colour((x + 0.5) / S, (y + 0.5) / S))
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    out = Path(__file__).resolve().parent.parent / "icon.png"
    out.write_bytes(png)
    print(f"wrote {out} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
