"""A small, independent sentence/word counter for the FALC limits (mean ≤ 15 words, none over 25)."""

import re

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"[\w’'-]*[^\W_][\w’'-]*")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))
