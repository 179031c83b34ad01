"""Accessibility probes shared by the browser tests (axe-core and a few checks axe cannot make)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_AXE = Axe()


def axe_violations(page) -> list[str]:
    """One line per violation node: rule id, impact, target, message."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _AXE.run(page, options=options).response
    return [
        f"{violation['id']} ({violation['impact']}) {node['target']}: {node['failureSummary']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


# Interactive elements; inline links inside running text are exempt from the target size rule (WCAG 2.5.8).
SMALL_TARGETS_JS = """
() => {
  const out = [];
  const inline = (el) => el.tagName === 'A' && el.closest('p, li, dd, td, figcaption') &&
      !el.closest('nav, .doors, .choices, .button-row') && !el.classList.contains('button');
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])')) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || el.closest('[hidden]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (inline(el)) continue;
    if (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) {
      const l = el.closest('label').getBoundingClientRect();
      if (l.width >= 24 && l.height >= 24) continue;
    }
    if (r.width < 24 || r.height < 24) out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} "${(el.innerText||el.value||'').slice(0,30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
}
"""

HORIZONTAL_OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 1 || r.left < -1) && getComputedStyle(el).position !== 'fixed'
        && !el.closest('.skip-link, .visually-hidden')) wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}
"""


def tab_through(page, max_steps: int = 250) -> list[dict]:
    """Press Tab until focus comes back around; record each focused element and whether focus shows."""
    seen = []
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for _ in range(max_steps):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
              const el = document.activeElement;
              if (!el || el === document.body) return null;
              const s = getComputedStyle(el);
              const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
              return {key: el.outerHTML.slice(0, 120), tag: el.tagName, id: el.id, visible};
            }"""
        )
        if info is None:
            break
        if seen and info["key"] == seen[0]["key"]:
            break
        seen.append(info)
    return seen
