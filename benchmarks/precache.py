"""What the service worker downloads when it installs (the offline copy of the site), as served (gzip).

Usage: python benchmarks/precache.py [BASE_URL]
Reads the worker's own list (``/sw.js``: pages and static files), then does what its install step
does: every page, every ``/assets/…`` file a page refers to, every static file — each once.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request

ASSET_REF = re.compile(r'(?:href|src)="(/assets/[^"]+)"')


def wire(url: str) -> tuple[bytes, int]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            import gzip

            return gzip.decompress(raw), len(raw)
        return raw, len(raw)


def precache(base: str) -> dict[str, int]:
    script, _ = wire(base + "/sw.js")
    config = json.loads(re.search(rb"const CONFIG = (\{.*?\});\n", script).group(1))
    pages = assets = static = 0
    referenced: set[str] = set()
    for path in config["pages"]:
        body, size = wire(base + path)
        pages += size
        referenced |= set(ASSET_REF.findall(body.decode()))
    for path in sorted(referenced):
        assets += wire(base + path)[1]
    for path in config["static"]:
        static += wire(base + path)[1]
    return {
        "pages": len(config["pages"]),
        "pages_bytes": pages,
        "assets": len(referenced),
        "assets_bytes": assets,
        "static": len(config["static"]),
        "static_bytes": static,
        "total_bytes": pages + assets + static,
    }


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:3000"
    found = precache(base)
    print(
        f"{found['pages']} pages {found['pages_bytes'] / 1024:.0f} KiB · {found['assets']} /assets files "
        f"{found['assets_bytes'] / 1024:.0f} KiB · {found['static']} static files {found['static_bytes'] / 1024:.0f} KiB "
        f"· total {found['total_bytes'] / 1024:.0f} KiB ({found['total_bytes']} B, gzip)"
    )


if __name__ == "__main__":
    main()
