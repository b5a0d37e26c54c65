"""Word-phrase lookup shared by the context rules and the suggestive cues.

Phrases of one or more words go into a table keyed by their normalised words; a prompt is
split into words once, and at each word that starts a phrase the longest phrase that fits is
looked up. Cost is linear in the prompt length, whatever the number of phrases.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Generic, Iterable, Iterator, TypeVar

from rempart.signals.text.normalize import normalize

WORD = re.compile(r"[^\W_]+")
ASCII_WORD = re.compile(r"[A-Za-z0-9]+")  # the same on ASCII text, twice as fast

V = TypeVar("V")


def word_pattern(text: str) -> re.Pattern[str]:
    return ASCII_WORD if text.isascii() else WORD


def parse(spec: str) -> list[str]:
    """A comma-separated list of phrases, normalised the way prompts are."""
    return [normalize(p.strip()).text for p in spec.split(",") if p.strip()]


def substring_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """One alternation over phrases matched anywhere (scripts written without spaces), longest first."""
    alts = sorted({re.escape(p) for p in phrases if p}, key=len, reverse=True)
    return re.compile("|".join(alts))


class PhraseTable(Generic[V]):
    """Phrases -> values; later items win when two phrases normalise to the same words."""

    def __init__(self, items: Iterable[tuple[str, V]]) -> None:
        self.table: dict[str, V] = {}
        for phrase, value in items:
            self.table[" ".join(WORD.findall(phrase))] = value
        self.longest: dict[str, int] = {}  # first word -> longest phrase (in words) starting with it
        for key in self.table:
            w = key.split(" ")
            self.longest[w[0]] = max(self.longest.get(w[0], 0), len(w))
        self.first_words = frozenset(self.longest)

    def longest_matches(self, words: list[str], present: AbstractSet[str]) -> Iterator[tuple[int, int, str, V]]:
        """(index, length in words, phrase, value) of the longest phrase starting at each word
        in `present` (first words the caller kept), in prompt order."""
        table, longest, n = self.table, self.longest, len(words)
        for i in [i for i, w in enumerate(words) if w in present]:
            for k in range(min(longest[words[i]], n - i), 0, -1):
                key = words[i] if k == 1 else " ".join(words[i:i + k])
                value = table.get(key)
                if value is not None:
                    yield i, k, key, value
                    break
