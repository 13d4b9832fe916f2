#!/usr/bin/env python3
"""Draws the app icon (the same design as `app::icon()` in src/app.rs) as assets/icon.png.

A navy rounded square with a white speech bubble holding three lines of text, the last
one amber. Standard library only: python3 assets/tools/make_icon.py

With --packaging it also writes the files the installers use (anti-aliased with 4x4 samples per
pixel, so the small sizes stay legible):
  assets/icons/hicolor/NxN/apps/propaganda-decoded.png  for N in 16 24 32 48 64 128 256 512
  assets/icons/propaganda-decoded.ico                   16 24 32 48 64 128 256, PNG-compressed
"""
import struct
import sys
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


def encode_png(size, raw):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    return png + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def render(size, samples):
    """RGBA rows (PNG filter byte first), each pixel the average of samples x samples points."""
    scale = size / 64.0
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    r, g, b, a = colour((x + (sx + 0.5) / samples) / scale, (y + (sy + 0.5) / samples) / scale)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / (samples * samples)
            if acc[3]:
                row.extend(round(c / acc[3]) for c in acc[:3])
            else:
                row.extend((0, 0, 0))
            row.append(round(alpha))
        rows.append(bytes(row))
    return b"".join(rows)


def write_ico(path, pngs):
    """An .ico holding PNG images (Windows Vista and later read these at every size)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, data = b"", b""
    for size, png in pngs:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    path.write_bytes(header + entries + data)


def main():
    assets = Path(__file__).resolve().parent.parent
    if "--packaging" in sys.argv[1:]:
        ico = []
        for size in (16, 24, 32, 48, 64, 128, 256, 512):
            png = encode_png(size, render(size, 4))
            out = assets / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "propaganda-decoded.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(png)
            print(f"wrote {out} ({len(png)} bytes)")
            if size <= 256:
                ico.append((size, png))
        out = assets / "icons" / "propaganda-decoded.ico"
        write_ico(out, ico)
        print(f"wrote {out} ({out.stat().st_size} bytes)")
        return
    png = encode_png(SIZE, render(SIZE, 1))
    out = assets / "icon.png"
    out.write_bytes(png)
    print(f"wrote {out} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
