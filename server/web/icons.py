"""Draw Ippo's app icons: two footprints ("one step") on the theme colour.

The PNGs are committed under server/web/static/web/icons/; run this again only to change
them: `python -m server.web.icons`. Standard library only (zlib + struct), so it needs
neither Pillow nor a font: the mark is a union of ellipses, anti-aliased by distance.
"""

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent / "static" / "web" / "icons"
THEME = (0xA8, 0x32, 0x2A)  # the app's brand red (--brand in frontend/src/styles.css)
PAPER = (0xF7, 0xF4, 0xEF)  # the app's page background (--bg)

# One right footprint in its own box (x right, y down, about -0.6..0.6): ellipses
# (cx, cy, rx, ry) for ball, arch and heel, then five toes.
FOOT = [
    (0.00, -0.05, 0.25, 0.29),
    (0.06, 0.17, 0.16, 0.24),
    (0.04, 0.38, 0.18, 0.19),
    (-0.15, -0.45, 0.095, 0.11),
    (-0.01, -0.50, 0.07, 0.08),
    (0.10, -0.47, 0.06, 0.07),
    (0.19, -0.41, 0.05, 0.06),
    (0.26, -0.32, 0.045, 0.05),
]


def _placed(scale: float, dx: float, dy: float, angle: float, mirror: bool) -> list[tuple]:
    """The footprint's ellipses scaled, turned by `angle` (radians) and moved to (dx, dy)."""
    cos, sin = math.cos(angle), math.sin(angle)
    shapes = []
    for cx, cy, rx, ry in FOOT:
        x = -cx if mirror else cx
        shapes.append(
            (
                dx + scale * (x * cos - cy * sin),
                dy + scale * (x * sin + cy * cos),
                scale * rx,
                scale * ry,
            )
        )
    return [(*s, cos, sin) for s in shapes]


def _mark(scale: float) -> list[tuple]:
    """Two prints walking up and to the right, centred on (0.5, 0.5) of the icon."""
    left = _placed(scale, 0.5 - 0.34 * scale, 0.5 + 0.22 * scale, 0.18, True)
    right = _placed(scale, 0.5 + 0.34 * scale, 0.5 - 0.22 * scale, 0.18, False)
    return left + right


def _ellipse_distance(px: float, py: float, shape: tuple) -> float:
    """Approximate signed distance from a point to a rotated ellipse (negative inside)."""
    cx, cy, rx, ry, cos, sin = shape
    x, y = px - cx, py - cy
    u, v = x * cos + y * sin, -x * sin + y * cos
    return (math.hypot(u / rx, v / ry) - 1.0) * min(rx, ry)


def _rounded_square_distance(px: float, py: float, radius: float) -> float:
    """Signed distance to the unit square with rounded corners."""
    qx = abs(px - 0.5) - (0.5 - radius)
    qy = abs(py - 0.5) - (0.5 - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def render(size: int, *, mark_scale: float, corner: float | None) -> bytes:
    """RGBA rows of one icon; `corner` None means full bleed (maskable, Apple)."""
    shapes = _mark(mark_scale)
    pixel = 1.0 / size
    rows = bytearray()
    for j in range(size):
        rows.append(0)  # PNG filter type "none"
        py = (j + 0.5) * pixel
        for i in range(size):
            px = (i + 0.5) * pixel
            d_mark = min(_ellipse_distance(px, py, s) for s in shapes)
            ink = min(max(0.5 - d_mark / pixel, 0.0), 1.0)
            if corner is None:
                alpha = 1.0
            else:
                alpha = min(max(0.5 - _rounded_square_distance(px, py, corner) / pixel, 0.0), 1.0)
            rgb = (round(t + (p - t) * ink) for t, p in zip(THEME, PAPER, strict=True))
            rows.extend((*rgb, round(alpha * 255)))
    return bytes(rows)


def png(size: int, rgba_rows: bytes) -> bytes:
    """A PNG file: 8-bit RGBA, no interlace."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rgba_rows, 9))
        + chunk(b"IEND", b"")
    )


# name: (size, mark scale, rounded corner or None for full bleed). Maskable icons keep the
# mark inside the central safe circle (radius 40 %), so any launcher mask leaves it whole.
ICONS = {
    "icon-192.png": (192, 0.42, 0.22),
    "icon-512.png": (512, 0.42, 0.22),
    "maskable-512.png": (512, 0.32, None),
    "apple-touch-icon-180.png": (180, 0.38, None),
    "favicon-32.png": (32, 0.48, 0.18),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (size, scale, corner) in ICONS.items():
        (OUT / name).write_bytes(png(size, render(size, mark_scale=scale, corner=corner)))
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
