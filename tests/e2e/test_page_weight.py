"""The page-weight budget: first-load JS+CSS of the home page, as served gzipped, measured on the
production build. The budget itself is written in docs/performance.md (one place to change it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.page_weight import page_weight

pytestmark = pytest.mark.e2e

DOC = Path(__file__).resolve().parents[2] / "docs" / "performance.md"


def budget_bytes() -> int:
    match = re.search(r"<!-- budget: js_css_gzip_bytes=(\d+) -->", DOC.read_text(encoding="utf-8"))
    assert match, "docs/performance.md must state the budget"
    return int(match.group(1))


@pytest.mark.parametrize("path", ["/fr/", "/ar/"])
def test_home_first_load_within_budget(app_url, path):
    weight = page_weight(app_url, path)
    assert weight["files"], "no script or stylesheet found: the measure would be meaningless"
    assert weight["js_css"] <= budget_bytes(), (
        f"{path}: {weight['js_css']} B of JS+CSS (gzip) > budget {budget_bytes()} B; largest: "
        + ", ".join(
            f"{a} {w} B" for a, (w, _) in sorted(weight["files"].items(), key=lambda kv: -kv[1][0])[:4]
        )
    )
