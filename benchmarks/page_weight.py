"""First-load weight of a page: every script, module preload and stylesheet its HTML asks for,
as served (gzip), plus the HTML itself.

Usage: python benchmarks/page_weight.py [BASE_URL] [PATH ...]
       python benchmarks/page_weight.py BASE_URL --server-rendered   (every server-rendered page, summed up)

The budget test (tests/e2e/test_page_weight.py) reads the same figures; the budgets live in
docs/performance.md.
"""

from __future__ import annotations

import re
import sys
import urllib.request

ASSET = re.compile(r'<(?:link|script)\b[^>]*?(?:href|src)="(/[^"]+\.(?:js|css))"')


def fetch(url: str) -> tuple[bytes, int]:
    """Body (decoded) and bytes on the wire with gzip accepted."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        raw = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            import gzip

            return gzip.decompress(raw), len(raw)
        return raw, len(raw)


def page_weight(base_url: str, path: str) -> dict:
    html, html_wire = fetch(base_url + path)
    assets = sorted(set(ASSET.findall(html.decode())))
    files = {}
    for asset in assets:
        body, wire = fetch(base_url + asset)
        files[asset] = (wire, len(body))
    js = sum(w for a, (w, _) in files.items() if a.endswith(".js"))
    css = sum(w for a, (w, _) in files.items() if a.endswith(".css"))
    return {"path": path, "html": html_wire, "js": js, "css": css, "js_css": js + css, "files": files}


def main() -> None:
    args = sys.argv[1:]
    base = (
        args.pop(0)
        if args and not args[0].startswith("/") and not args[0].startswith("--")
        else "http://127.0.0.1:3000"
    )
    if args == ["--server-rendered"]:
        server_rendered(base)
        return
    paths = args or ["/fr/", "/ar/", "/fr/simulateur", "/fr/trouver-une-mds"]
    for path in paths:
        try:
            weight = page_weight(base, path)
        except OSError as error:
            print(f"{path}: {error}")
            continue
        print(
            f"{path}: HTML {weight['html'] / 1024:.1f} KiB gz · JS {weight['js'] / 1024:.1f} KiB gz · "
            f"CSS {weight['css'] / 1024:.1f} KiB gz · JS+CSS {weight['js_css'] / 1024:.1f} KiB "
            f"({weight['js_css']} B) · all {(weight['html'] + weight['js_css']) / 1024:.1f} KiB "
            f"({weight['html'] + weight['js_css']} B) in {len(weight['files'])} files"
        )
        for asset, (wire, raw) in sorted(weight["files"].items(), key=lambda kv: -kv[1][0])[:6]:
            print(f"    {wire:>8} B gz  {raw:>8} B raw  {asset}")


def server_rendered(base: str) -> None:
    """One line per kind of page (smallest, median, largest first load), then the heaviest pages."""
    import statistics
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
    from pti_citizen.web.pages.site import ServerRenderedSite

    totals = {}
    for path in ServerRenderedSite(origin=base).paths():
        weight = page_weight(base, path)
        totals[path] = (weight["html"], weight["js"], weight["css"], weight["html"] + weight["js_css"])
    all_bytes = [t[3] for t in totals.values()]
    print(
        f"{len(totals)} pages: first load (HTML + CSS + JS, gzip) min {min(all_bytes)} B, "
        f"median {statistics.median(all_bytes):.0f} B, max {max(all_bytes)} B"
    )
    for path, (html, js, css, total) in sorted(totals.items(), key=lambda kv: -kv[1][3])[:8]:
        print(f"    {total:>7} B  (HTML {html} B, JS {js} B, CSS {css} B)  {path}")


if __name__ == "__main__":
    main()
