"""Where words are drawn on the screen: the checks behind « 44 avenue Jacques Douzans » reading in order
in an Arabic page, and « Haute-Garonne » or « « tolouse » » never split across lines (issue #14)."""

from __future__ import annotations

import itertools

# For each of ``parts`` (found one after the other in the element's text), the boxes it is drawn in.
_BOXES_JS = """
(element, parts) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push([node, text.length]); text += node.data; }
  const at = (offset) => {
    for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
    return null;
  };
  let from = 0;
  return parts.map((part) => {
    const start = text.indexOf(part, from);
    if (start < 0) return null;
    from = start + part.length;
    const range = document.createRange();
    const [startNode, startOffset] = at(start);
    const [endNode, endOffset] = at(start + part.length - 1);
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset + 1);
    return Array.from(range.getClientRects()).filter((r) => r.width > 0)
      .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
  });
}
"""


def boxes(locator, parts: list[str]) -> list[list[dict]]:
    found = locator.evaluate(_BOXES_JS, parts)
    missing = [part for part, box in zip(parts, found, strict=True) if not box]
    assert not missing, f"not drawn in {locator}: {missing}"
    return found


def reads_left_to_right(locator, words: list[str]) -> bool:
    """Each word is drawn to the right of the one before (or on a later line): the order it is written."""
    first_boxes = [b[0] for b in boxes(locator, words)]
    for before, after in itertools.pairwise(first_boxes):
        same_line = abs(before["top"] - after["top"]) < 2
        if same_line and not after["left"] >= before["right"] - 1:
            return False
        if not same_line and after["top"] < before["top"]:
            return False
    return True


def on_one_line(locator, text: str) -> bool:
    """``text`` is drawn on a single line (not split after a hyphen, a guillemet or inside a word)."""
    tops = {round(box["top"]) for box in boxes(locator, [text])[0]}
    return len(tops) == 1
