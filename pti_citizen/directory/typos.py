"""Town names typed with a typo: « tolouse », « st gaudans », « luchn », « bagneres luchon ».

Word by word, so that a typo in any word of a compound name is forgiven, after « st »/« saint » too:
the words typed must match consecutive words of the town's name, in order, each one with at most
:func:`typos_allowed` typos (none in « de » or « la »; short words like these and « sur » may also be
left out). A typo is a letter missing, added, changed or two letters swapped: two words are that close
when deleting a few letters from each makes them equal, i.e. their longest common subsequence is
nearly as long as the longer word.

The browser's offline search (``assets/locator-offline.js``) follows these same rules, with the
numbers of :func:`rules` (a test compares its answers with this module's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

#: Words this long or shorter (« de », « la », « sur ») may be left out between two typed words.
SHORT_WORD = 3
#: Words this long or shorter (« de », « la ») must be typed right.
NO_TYPO_UP_TO = 2
#: Longest words still allowed a single typo; longer ones are allowed two.
ONE_TYPO_UP_TO = 7


def typos_allowed(length: int) -> int:
    """Typos forgiven in a town's word of ``length`` letters."""
    if length <= NO_TYPO_UP_TO:
        return 0
    return 1 if length <= ONE_TYPO_UP_TO else 2


def common_letters(typed: str, word: str) -> int:
    """Length of the longest common subsequence (letters in the same order, not necessarily adjacent).

    Bit-parallel (Allison and Dix, 1986): one integer holds a bit per letter of ``word``, so a whole
    column of the usual table is computed at once."""
    where: dict[str, int] = {}
    for i, letter in enumerate(word):
        where[letter] = where.get(letter, 0) | (1 << i)
    full = (1 << len(word)) - 1
    row = full
    for letter in typed:
        matched = row & where.get(letter, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(word) - row.bit_count()


@dataclass(frozen=True, order=True)
class WordMatch:
    typos: int
    common: int  # letters in common (longest common subsequence)


def word_match(typed: str, word: str) -> WordMatch | None:
    """How ``typed`` matches a town's ``word``, or ``None`` when it has more typos than allowed."""
    if typed == word:
        return WordMatch(0, len(word))
    allowed = typos_allowed(len(word))
    if allowed == 0 or abs(len(typed) - len(word)) > allowed:
        return None
    common = common_letters(typed, word)
    typos = max(len(typed), len(word)) - common
    return WordMatch(typos, common) if typos <= allowed else None


@dataclass(frozen=True)
class NameMatch:
    """The best way the typed words fit a name: fewer typos first, then the whole name, then likeness."""

    typos: int
    whole: bool  # every word of the name was typed (short words aside)
    likeness: float  # 2 × letters in common / letters typed and matched, 1.0 when identical

    @property
    def rank(self) -> tuple[int, int, float]:
        return (self.typos, 0 if self.whole else 1, -self.likeness)


def _walk(
    typed: Sequence[str], name: Sequence[str], i: int, j: int, matches
) -> tuple[int, int, int, int] | None:
    """Fit ``typed[i:]`` to ``name[j:]``: ``(typos, common, letters, end)`` of the best fit, or ``None``.

    A short word of the name may be skipped between two typed words. On a tie, matching a word wins
    over skipping it (the first option below)."""
    if i == len(typed):
        return (0, 0, 0, j)
    if j == len(name):
        return None
    options = []
    found = matches(typed[i], name[j])
    if found is not None:
        rest = _walk(typed, name, i + 1, j + 1, matches)
        if rest is not None:
            letters = len(typed[i]) + len(name[j])
            options.append((found.typos + rest[0], found.common + rest[1], letters + rest[2], rest[3]))
    if i > 0 and len(name[j]) <= SHORT_WORD:
        rest = _walk(typed, name, i, j + 1, matches)
        if rest is not None:
            options.append(rest)
    return min(options, key=lambda o: (o[0], -o[1], o[2])) if options else None


def name_match(typed: Sequence[str], name: Sequence[str], matches=word_match) -> NameMatch | None:
    """How the typed words fit a name's words (both normalized), or ``None``.

    A single typed word is also compared with the whole name written without spaces (« saintgaudans »).
    """
    if not typed or not name:
        return None
    best: NameMatch | None = None
    for start in range(len(name)):
        fit = _walk(typed, name, 0, start, matches)
        if fit is None:
            continue
        typos, common, letters, end = fit
        whole = all(len(w) <= SHORT_WORD for w in (*name[:start], *name[end:]))
        candidate = NameMatch(typos, whole, 2 * common / letters)
        if best is None or candidate.rank < best.rank:
            best = candidate
    if len(typed) == 1 and len(name) > 1:
        glued = "".join(name)
        found = matches(typed[0], glued)
        if found is not None:
            candidate = NameMatch(found.typos, True, 2 * found.common / (len(typed[0]) + len(glued)))
            if best is None or candidate.rank < best.rank:
                best = candidate
    return best


class TypoIndex(Generic[T]):
    """Names (as normalized words) to search for typos, in the order that breaks ties (the most
    populated town first). A search compares each typed word with the 641 distinct words of the names
    (those of a close length), then fits the typed words to the names holding a close word."""

    def __init__(self, names: Sequence[tuple[Sequence[str], T]]):
        self._names = [(tuple(words), value) for words, value in names]
        self._having: dict[str, list[int]] = {}
        glued: dict[str, list[int]] = {}
        for order, (words, _) in enumerate(self._names):
            for word in dict.fromkeys(words):
                self._having.setdefault(word, []).append(order)
            if len(words) > 1:
                glued.setdefault("".join(words), []).append(order)
        self._glued = glued
        self._most_words = max((len(words) for words, _ in self._names), default=0)

    def closest(self, typed: Sequence[str], limit: int) -> list[T]:
        """The ``limit`` best names for the typed words (normalized), best first."""
        if not typed or len(typed) > self._most_words:
            return []
        close = {word: self._close(word, self._having) for word in dict.fromkeys(typed)}
        glued = self._close(typed[0], self._glued) if len(typed) == 1 else {}

        def matches(word: str, other: str) -> WordMatch | None:
            return close[word].get(other) if other in self._having else glued.get(other)

        candidates = {order for other in close[typed[0]] for order in self._having[other]}
        candidates |= {order for other in glued for order in self._glued[other]}
        found = []
        for order in sorted(candidates):
            words, value = self._names[order]
            match = name_match(typed, words, matches)
            if match is not None:
                found.append((match.rank, order, value))
        found.sort(key=lambda item: (item[0], item[1]))
        return [value for _, _, value in found[:limit]]

    @staticmethod
    def _close(typed: str, words) -> dict[str, WordMatch]:
        """The ``words`` (or names written without spaces) within their allowed typos of ``typed``."""
        return {
            word: found
            for word in words
            if abs(len(word) - len(typed)) <= typos_allowed(len(word))
            and (found := word_match(typed, word)) is not None
        }


def rules() -> dict[str, int]:
    """The numbers above, for the browser's copy of these rules."""
    return {"short_word": SHORT_WORD, "no_typo_up_to": NO_TYPO_UP_TO, "one_typo_up_to": ONE_TYPO_UP_TO}
