"""Word-phrase lookup shared by the context rules and the suggestive cues.

Phrases of one or more words go into a table keyed by their normalised words; a prompt is
split into words once (`Words`, shared with the rules and the model input), and at each word
that starts a phrase the longest phrase that fits is looked up. Cost is linear in the prompt
length, whatever the number of phrases.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Generic, Iterable, Iterator, TypeVar

import ahocorasick
import numpy as np

from rempart.signals.text.normalize import MARKS, normalize_lexicon
from rempart.signals.text.trie import literal_fragments, trie_pattern

# Kana, Han and Hangul: a run of them is a word apart from the Latin letters glued to it
# ("给她P个nude版本", "bikini를"), as the writer meant the Latin word to be read alone.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# A vowel sign (MARKS) belongs to its word: "कपड़े", not "कपड".
WORD = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+(?:[{MARKS}]+[^\W_{_CJK}]*)*")
ASCII_WORD = re.compile(r"[A-Za-z0-9]+")  # the same on ASCII text, twice as fast
# The rules' tokens: letters and digits apart ("15yo": "15", "yo").
TOKEN = re.compile(rf"[{_CJK}]+|[^\W\d_{_CJK}]+(?:[{MARKS}]+[^\W\d_{_CJK}]*)*|\d+")
ASCII_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+")  # the same on ASCII text, twice as fast
LONG_TEXT = 300  # from this length numpy finds word spans faster than re.finditer

V = TypeVar("V")


def _ascii_classes(*groups: bytes) -> np.ndarray:
    """A byte -> token class table for `token_spans`: class k + 1 for the bytes of groups[k], 0 between tokens."""
    table = np.zeros(256, dtype=np.int8)
    for k, chars in enumerate(groups):
        table[np.frombuffer(chars, np.uint8)] = k + 1
    return table


_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = b"0123456789"
_WORD_CLASSES = _ascii_classes(_LETTERS + _DIGITS)  # ASCII_WORD: one class for letters and digits
_TOKEN_CLASSES = _ascii_classes(_LETTERS, _DIGITS)  # ASCII_TOKEN: letters and digits apart


def token_spans(text: str, pattern: re.Pattern[str], classes: np.ndarray) -> list[tuple[int, int]]:
    """`[m.span() for m in pattern.finditer(text)]`, where on ASCII text a token of `pattern` is a
    maximal run of bytes of one nonzero class in `classes`; vectorised on long ASCII text."""
    if len(text) <= LONG_TEXT or not text.isascii():
        return [m.span() for m in pattern.finditer(text)]
    k = classes[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
    pad = np.zeros(k.size + 2, dtype=np.int8)
    pad[1:-1] = k
    change = pad[1:] != pad[:-1]
    word = k != 0
    starts = np.flatnonzero(change[:-1] & word)
    ends = np.flatnonzero(change[1:] & word) + 1
    return list(zip(starts.tolist(), ends.tolist()))


class Words:
    """A normalised text split into words (runs of letters and digits) once, for every pass
    that reads words: the phrase tables, the rules and the model input. With `digits_apart`,
    the rules' tokens (TOKEN): the same as the words in a text without digits."""

    __slots__ = ("text", "pattern", "tokens", "_classes", "_spans", "_distinct")

    def __init__(self, text: str, digits_apart: bool = False) -> None:
        self.text = text
        ascii_text = text.isascii()
        if digits_apart:
            self.pattern, self._classes = (ASCII_TOKEN if ascii_text else TOKEN), _TOKEN_CLASSES
        else:
            self.pattern, self._classes = (ASCII_WORD if ascii_text else WORD), _WORD_CLASSES
        self.tokens: list[str] = self.pattern.findall(text)
        self._spans: list[tuple[int, int]] | None = None
        self._distinct: set[str] | None = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of each token in the text; computed on first use, as most prompts never need them."""
        if self._spans is None:
            self._spans = token_spans(self.text, self.pattern, self._classes)
        return self._spans

    @property
    def distinct(self) -> set[str]:
        """The set of words (computed on first use); callers must not change it."""
        if self._distinct is None:
            self._distinct = set(self.tokens)
        return self._distinct


def parse(spec: str) -> list[str]:
    """A comma-separated list of phrases, normalised the way prompts are."""
    return [normalize_lexicon(p.strip()).text for p in spec.split(",") if p.strip()]


def substring_pattern(phrases: Iterable[str]) -> str:
    """The regex that finds what `SubstringMatcher(phrases)` finds, as a prefix trie (trie.py), for a
    rule that puts the phrases inside a larger pattern."""
    return trie_pattern(literal_fragments(p) for p in sorted(set(phrases)) if p)


class SubstringMatch:
    """One phrase found by a `SubstringMatcher`: the `re.Match` methods the rules use."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string, self._start, self._end = string, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self.string[self._start:self._end]


class SubstringMatcher:
    """Phrases matched anywhere (scripts written without spaces): the longest phrase at the
    leftmost place where one starts, then the next after it, as re finds them with a
    longest-first alternation. Aho-Corasick automatons (pyahocorasick, in C) read the text once;
    re tried the phrases' first letters one by one at every position, some 0.7 µs a character
    for the rules' ten thousand phrases. Rules that put phrases inside a larger pattern take
    `substring_pattern` instead.

    One automaton for the phrases that start with an ASCII character and one for the others:
    an automaton steps slowly through a text none of whose characters start a phrase when
    hundreds of characters do, so each is run from the first character that starts one of its
    phrases (a character class, which re finds in C), if there is one."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = frozenset(p for p in phrases if p)
        self._parts: list[tuple[re.Pattern[str], ahocorasick.Automaton, int]] = []
        for group in ([p for p in self.phrases if p[0].isascii()], [p for p in self.phrases if not p[0].isascii()]):
            if not group:
                continue
            automaton = ahocorasick.Automaton()
            for phrase in group:
                automaton.add_word(phrase, len(phrase))
            automaton.make_automaton()
            first = re.compile("[" + "".join(sorted({re.escape(p[0]) for p in group})) + "]")
            self._parts.append((first, automaton, max(map(len, group))))

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None) -> Iterator[SubstringMatch]:
        found = sorted((se for part in self._parts for se in _occurrences(part, s, pos, endpos)),
                       key=lambda se: (se[0], -se[1]))
        after = pos
        for start, end in found:
            if start >= after:
                yield SubstringMatch(s, start, end)
                after = end

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> SubstringMatch | None:
        best: tuple[int, int] | None = None
        for part in self._parts:
            for start, end in _occurrences(part, s, pos, endpos):
                if best is not None and end - part[2] > best[0]:
                    break  # occurrences come by their end: none further can start at or before best
                if best is None or start < best[0] or start == best[0] and end > best[1]:
                    best = (start, end)
        return None if best is None else SubstringMatch(s, *best)

    def occurrences(self, s: str) -> Iterator[tuple[int, int]]:
        """Every occurrence of every phrase, overlapping ones included, as (start, end)."""
        for part in self._parts:
            yield from _occurrences(part, s, 0, None)


def _occurrences(part: tuple[re.Pattern[str], ahocorasick.Automaton, int], s: str, pos: int,
                 endpos: int | None) -> Iterator[tuple[int, int]]:
    """The occurrences of one automaton's phrases in s[pos:endpos], by their end."""
    first, automaton, _ = part
    end = len(s) if endpos is None else min(endpos, len(s))
    lead = first.search(s, pos, end)
    if lead is None:
        return
    for last, length in automaton.iter(s, lead.start(), end):
        yield last + 1 - length, last + 1


class PhraseTable(Generic[V]):
    """Phrases -> values; later items win when two phrases normalise to the same words."""

    def __init__(self, items: Iterable[tuple[str, V]]) -> None:
        self.table: dict[str, V] = {}
        for phrase, value in items:
            self.table[" ".join(WORD.findall(phrase))] = value
        split = [key.split(" ") for key in self.table]
        self.first_words = frozenset(w[0] for w in split)
        # The phrases' proper beginnings ("the woman" of "the woman in"): a match grows word by
        # word only while it is one, so most words cost one lookup or two.
        self.beginnings = frozenset(" ".join(w[:k]) for w in split for k in range(1, len(w)))

    def longest_matches(self, words: list[str], present: AbstractSet[str]) -> Iterator[tuple[int, int, str, V]]:
        """(index, length in words, phrase, value) of the longest phrase starting at each word
        in `present` (first words the caller kept), in prompt order."""
        table, beginnings, n = self.table, self.beginnings, len(words)
        for i in [i for i, w in enumerate(words) if w in present]:
            phrase = key = words[i]
            k = 1  # words in `phrase`
            length = 1 if key in table else 0  # words in `key`, the longest phrase found
            while phrase in beginnings and i + k < n:
                phrase += " " + words[i + k]
                k += 1
                if phrase in table:
                    key, length = phrase, k
            if length:
                yield i, length, key, table[key]
