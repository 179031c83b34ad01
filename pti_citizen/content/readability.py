"""Sentence length, the one readability measure the FALC rules give numbers for (≈ 15 words, never 25).

Headings and list items are sentences of their own, even without a full stop; URLs are not words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pti_citizen.content.model import TextBlock

MAX_SENTENCE_WORDS = 25
MAX_MEAN_WORDS = 15.0

# A full stop, question or exclamation mark, ellipsis (and the Arabic question mark), then closing quotes
# or brackets, then a space or the end.
_SENTENCE_END = re.compile(r"[.!?…؟]+(?:\s*»|[\"”)\]])*(?=\s|$)")
#: Words that end with a full stop without ending the sentence (« art. L262-2 », « n°. »).
_ABBREVIATIONS = {"art", "arts", "al", "n°", "m", "mme", "cf", "ex", "p", "av", "bd", "st", "min"}
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int


@dataclass(frozen=True)
class Readability:
    sentences: tuple[Sentence, ...]

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def mean_words(self) -> float:
        return self.words / len(self.sentences) if self.sentences else 0.0

    @property
    def longest(self) -> Sentence | None:
        return max(self.sentences, key=lambda s: s.words, default=None)


def is_url(token: str) -> bool:
    return "://" in token or token.lstrip('(«"').startswith("www.")


def count_words(text: str) -> int:
    """Whitespace-separated tokens with a letter or digit: « 651,69 € » is 1 word, « — » none."""
    return sum(1 for token in text.split() if _WORD.search(token) and not is_url(token))


def split_sentences(text: str) -> list[str]:
    found, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        last_word = re.split(r"[\s'’(«]", text[start : match.start()])[-1].lower()
        if match.group(0).startswith(".") and last_word in _ABBREVIATIONS:
            continue
        found.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        found.append(rest)
    return [s for s in found if count_words(s)]


def measure(blocks: Iterable[TextBlock]) -> Readability:
    sentences = [
        Sentence(text=sentence, words=count_words(sentence))
        for block in blocks
        for sentence in split_sentences(block.text)
    ]
    return Readability(sentences=tuple(sentences))
