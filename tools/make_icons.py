"""Draw the app icons (PNG, ICO, SVG) with the standard library only, so that anyone can rebuild them.

Run: python tools/make_icons.py  → writes assets/icon-*.png, apple-touch-icon.png, favicon.ico, icon.svg
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
BLUE = (0x16, 0x36, 0x5C)
WHITE = (0xFF, 0xFF, 0xFF)


def _inside_house(x: float, y: float) -> bool:
    """Unit square coordinates (0..1): a roof triangle over a body rectangle."""
    body = 0.24 <= x <= 0.76 and 0.48 <= y <= 0.86
    roof = y >= 0.14 and y <= 0.50 and abs(x - 0.5) <= (y - 0.14) / 0.36 * 0.36
    return body or roof


def _inside_heart(x: float, y: float) -> bool:
    u = (x - 0.5) / 0.16
    v = -(y - 0.64) / 0.16
    return (u * u + v * v - 1) ** 3 - u * u * v**3 <= 0


def _pixel(x: float, y: float, scale: float) -> tuple[int, int, int]:
    # Scale the drawing around the centre (maskable icons keep a safe zone).
    sx, sy = 0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale
    if _inside_heart(sx, sy):
        return BLUE
    if _inside_house(sx, sy):
        return WHITE
    return BLUE


def render(size: int, scale: float = 1.0, samples: int = 3) -> bytes:
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            acc = [0, 0, 0]
            for a in range(samples):
                for b in range(samples):
                    px = _pixel((i + (a + 0.5) / samples) / size, (j + (b + 0.5) / samples) / size, scale)
                    acc = [acc[k] + px[k] for k in range(3)]
            row.extend(round(c / samples**2) for c in acc)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(pngs: list[tuple[int, bytes]]) -> bytes:
    head = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return head + entries + blobs


SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#16365c"/>
<path d="M50 14 86 50H76v36H24V50H14z" fill="#fff"/>
<path d="M50 78s-15-9-15-18a7.5 7.5 0 0 1 15-3 7.5 7.5 0 0 1 15 3c0 9-15 18-15 18z" fill="#16365c"/></svg>
"""


def main() -> None:
    (ASSETS / "icon-192.png").write_bytes(render(192))
    (ASSETS / "icon-512.png").write_bytes(render(512, samples=2))
    (ASSETS / "icon-maskable-512.png").write_bytes(render(512, scale=0.72, samples=2))
    (ASSETS / "apple-touch-icon.png").write_bytes(render(180))
    (ASSETS / "favicon.ico").write_bytes(ico([(32, render(32)), (48, render(48))]))
    (ASSETS / "icon.svg").write_text(SVG, encoding="utf-8")


if __name__ == "__main__":
    main()
