"""Draw the app icons (a speech bubble with a tick) as PNG files, with the standard library only.

Run from anywhere: ``python3 pwa/icons/make_icons.py``. The SVG icon is written by hand.
"""

import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
BLUE = (29, 79, 145)
WHITE = (255, 255, 255)


def inside(x: float, y: float, scale: float) -> str:
    """Say what colour a point of the unit square is: 'bg', 'bubble' or 'tick'."""
    cx, cy = 0.5 + (x - 0.5) / scale, 0.5 + (y - 0.5) / scale
    in_body = 0.18 <= cx <= 0.82 and 0.2 <= cy <= 0.68 and _rounded(cx, cy)
    in_tail = 0.3 <= cx <= 0.45 and 0.66 <= cy <= 0.82 and (cx - 0.3) >= (cy - 0.66) * 0.9
    if not (in_body or in_tail):
        return "bg"
    return "tick" if _on_tick(cx, cy) else "bubble"


def _rounded(x: float, y: float, r: float = 0.1) -> bool:
    nx = min(max(x, 0.18 + r), 0.82 - r)
    ny = min(max(y, 0.2 + r), 0.68 - r)
    return (x - nx) ** 2 + (y - ny) ** 2 <= r * r


def _near_segment(px, py, ax, ay, bx, by, width) -> bool:
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2 <= width * width


def _on_tick(x: float, y: float) -> bool:
    return _near_segment(x, y, 0.34, 0.45, 0.46, 0.56, 0.045) or _near_segment(
        x, y, 0.46, 0.56, 0.67, 0.33, 0.045
    )


def pixel(px: int, py: int, size: int, scale: float) -> tuple:
    """Average 4x4 samples so edges are smooth."""
    total = [0, 0, 0]
    for sy in range(4):
        for sx in range(4):
            part = inside((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size, scale)
            colour = WHITE if part == "bubble" else BLUE
            total = [t + c for t, c in zip(total, colour, strict=True)]
    return tuple(t // 16 for t in total)


def png(size: int, scale: float) -> bytes:
    """Encode one square RGB PNG."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y, size, scale)) for x in range(size))
        for y in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    (HERE / "icon-192.png").write_bytes(png(192, 1.0))
    (HERE / "icon-512.png").write_bytes(png(512, 1.0))
    # Maskable: the symbol kept inside the central safe zone (80 %) of a full-bleed square.
    (HERE / "icon-maskable-512.png").write_bytes(png(512, 0.75))
