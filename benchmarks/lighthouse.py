"""Lighthouse 12 (mobile, simulated throttling) on key pages in French and Arabic, with Debian Chromium.

Usage: python benchmarks/lighthouse.py [BASE_URL] [PATH ...] [--runs N]
Installs lighthouse@12.2.3 into tools/lh on first use (npm registry). Prints one line per page: the
run with the median performance score of N (3 by default), and the load average before each run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LH_DIR = ROOT / "tools" / "lh"
LH = LH_DIR / "node_modules" / ".bin" / "lighthouse"
DEFAULT_PATHS = [
    "/fr/",
    "/ar/",
    "/fr/simulateur",
    "/ar/simulateur",
    "/fr/trouver-une-mds",
    "/ar/trouver-une-mds",
    "/fr/droits/montant-du-rsa",
]


def ensure_lighthouse() -> None:
    if not LH.exists():
        subprocess.run(
            [
                "npm",
                "ci" if (LH_DIR / "package-lock.json").exists() else "install",
                "--no-audit",
                "--no-fund",
                "--silent",
            ],
            cwd=LH_DIR,
            check=True,
        )


def run(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LH),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": os.environ.get("PTI_CHROMIUM", "/usr/bin/chromium")},
            check=False,
            capture_output=True,
        )
        report = json.loads(out.read_text())
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items() if v["score"] is not None}
    audits = report["audits"]
    return {
        **scores,
        "fcp": audits["first-contentful-paint"]["displayValue"],
        "lcp": audits["largest-contentful-paint"]["displayValue"],
        "tbt": audits["total-blocking-time"]["displayValue"],
        "cls": audits["cumulative-layout-shift"]["displayValue"],
        "weight": audits["total-byte-weight"]["numericValue"],
        "failed": [
            a["id"] for a in audits.values() if a.get("score") == 0 and a.get("scoreDisplayMode") == "binary"
        ],
    }


def median_run(url: str, runs: int = 3) -> tuple[dict, list[float]]:
    """The run with the median performance score of ``runs``, and the load average before each run
    (Lighthouse's TBT is measured on the real CPU: the load says how much to trust it)."""
    results, loads = [], []
    for _ in range(runs):
        loads.append(os.getloadavg()[0])
        for attempt in range(3):  # Lighthouse 12 + Chromium 156 sometimes lose a trace under load
            try:
                results.append(run(url))
                break
            except (KeyError, ValueError, json.JSONDecodeError):
                if attempt == 2:
                    raise
    results.sort(key=lambda r: r.get("performance") or 0)
    return results[len(results) // 2], loads


def main() -> None:
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at : at + 2]
    base = args[0] if args else "http://127.0.0.1:3000"
    ensure_lighthouse()
    print(
        f"| page | performance (median of {runs}) | accessibility | best practices | SEO | FCP | LCP | TBT | CLS "
        "| bytes | load average |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for path in args[1:] or DEFAULT_PATHS:
        r, loads = median_run(base + path, runs)
        print(
            f"| {path} | {r.get('performance')} | {r.get('accessibility')} | {r.get('best-practices')} | "
            f"{r.get('seo')} | {r['fcp']} | {r['lcp']} | {r['tbt']} | {r['cls']} | {int(r['weight'])} | "
            f"{', '.join(f'{load:.1f}' for load in loads)} |",
            flush=True,
        )
        if r["failed"]:
            print(f"|  failed audits: {', '.join(r['failed'])} |")


if __name__ == "__main__":
    main()
