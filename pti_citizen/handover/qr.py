"""A QR code as one SVG path, for a page to draw inline (``<svg><path d=…>``): no image request, so
a link that must not reach the server (the answers in a fragment) never becomes a URL the browser
fetches, and no ``data:`` URL (the CSP allows none). Pure Python (segno)."""

from __future__ import annotations

from dataclasses import dataclass

#: White modules around the code, as the QR standard asks for a reliable scan.
QUIET_ZONE = 4


@dataclass(frozen=True)
class QrPath:
    size: int  # modules per side, quiet zone included (the SVG's viewBox is ``0 0 size size``)
    d: str  # the dark modules, one rectangle per run of a row


def qr_path(text: str) -> QrPath:
    import segno

    code = segno.make(text, error="m", micro=False)
    parts = []
    size = 0
    for y, row in enumerate(code.matrix_iter(scale=1, border=QUIET_ZONE)):
        cells = list(row)
        size = len(cells)
        x = 0
        while x < size:
            if cells[x]:
                start = x
                while x < size and cells[x]:
                    x += 1
                parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return QrPath(size=size, d="".join(parts))
