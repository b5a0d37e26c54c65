"""Glued words: "ziehsiekomplettaus" is "zieh sie komplett aus" with the spaces taken out.

Evaders write a request with no spaces so that no word of it is a lexicon word. WordBreaker
cuts such a token back into words, so the rules can read it as written with spaces:

- only tokens of MIN_GLUED letters or more that are not words themselves, in scripts that
  separate words with spaces (Chinese, Japanese and Thai are matched as substrings anyway);
- the cheapest reading wins, each piece costing its surprise: frequent words of the 18
  languages served that write with spaces (data/word_frequencies.tsv, from wordfreq) are
  cheap, rare ones dear, lexicon words (terms, clothing, removal verbs, pronouns) and
  lexicon stems with a short ending ("quitale" from "quita*") cheap whatever their
  frequency, and so are the lexicon's phrases glued whole ("klaav" for "klä av"), read
  back as their words;
- every piece must be known: a long word that merely starts with a lexicon stem stays whole
  ("роздягальня", a changing room, is not "роздяг" and a fragment).

The cut is only a reading: the caller decides whether the pieces hold anything.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import AbstractSet, Iterable, Sequence

FREQUENCIES_FILE = Path(__file__).resolve().parent / "data" / "word_frequencies.tsv"

MIN_GLUED = 10  # shorter tokens are words more often than glued phrases
MAX_GLUED = 64  # the cost grows with the length; a longer token is left as it is
MAX_PIECE = 24
MAX_STEM_ENDING = 4
# Letters after a lexicon stem that the rules read as its ending (intent.py): such a word is
# inflected, never glued words.
MAX_STEM_SUFFIX = 6
STEM_MIN = 4
# One-letter words of the languages served ("a", "y", "o", "e", "i", "u"; Polish "w", "z";
# Czech "v", "k", "s"): the only one-letter pieces.
ONE_LETTER_WORDS = frozenset("a y o e i u w z v k s".split())  # priced by their frequency
# Costs of a piece, as in word segmentation by unigram frequency: a word costs its surprise,
# 9 - Zipf (log10 of its uses per billion words), so frequent words are cheap and rare ones
# dear. Lexicon words cost LEXICON_COST at most, since they are what a cut looks for.
MAX_ZIPF = 9.0
LEXICON_COST = 2.0
STEM_COST = 2.5  # a lexicon stem with an ending ("quitale" from "quita*")
# A phrase of frequent words costs about 0.5 a letter ("take off her clothes" 0.52); a word
# missing from the list read as rare fragments of other languages costs more ("passangers",
# a typo, as "pas sange rs": 0.84): such a reading is no reading.
MAX_COST_PER_LETTER = 0.8
MIN_TRIGGER = 4  # letters of a term piece (or glued phrase) that makes a cut worth reading
_SPACED_SCRIPTS_END = 0x0590  # Latin, Greek, Cyrillic, Armenian: scripts that use spaces


class WordBreaker:
    """Cuts glued tokens into known words. Built once, read-only."""

    def __init__(self, frequencies: dict[str, float], terms: AbstractSet[str], term_stems: AbstractSet[str],
                 function_words: AbstractSet[str] = frozenset(), known: AbstractSet[str] = frozenset(),
                 phrases: Iterable[Sequence[str]] = ()) -> None:
        """`frequencies`: word -> Zipf frequency; `terms`, `term_stems`: the lexicon words and
        stems a cut looks for; `function_words`: the lexicon's pronouns and determiners, cheap
        pieces too; `known`: more words that are never cut; `phrases`: the lexicon's terms of
        several words, each as its words."""
        self.cost = {w: MAX_ZIPF - z for w, z in frequencies.items() if len(w) >= 2 or w in ONE_LETTER_WORDS}
        self.stems = frozenset(s for s in term_stems if len(s) >= STEM_MIN)
        # a stem is a lexicon word too ("nackt*"), however rare as a word
        for w in (*terms, *function_words, *self.stems):
            if len(w) >= 2:
                self.cost[w] = min(self.cost.get(w, LEXICON_COST), LEXICON_COST)
        self.terms = frozenset(terms)
        # glued phrase -> the cuts inside it; its words may be short ("kla" + "av")
        self.phrases: dict[str, tuple[int, ...]] = {}
        for words in phrases:
            glued = "".join(words)
            if len(words) > 1 and glued.isalpha() and MIN_TRIGGER <= len(glued) <= MAX_PIECE:
                self.phrases[glued] = tuple(accumulate(len(w) for w in words[:-1]))
        self.known = frozenset(known) | self.cost.keys()
        self.split = lru_cache(maxsize=4096)(self._split)

    def worth_trying(self, token: str) -> bool:
        """A token long enough to hide words, in a script that uses spaces, and no word itself
        (a lexicon stem with its ending, "обнажённой", is read whole by the rules)."""
        return (MIN_GLUED <= len(token) <= MAX_GLUED and token.isalpha() and max(token) < chr(_SPACED_SCRIPTS_END)
                and token not in self.known and not self._stem_of(token, MAX_STEM_SUFFIX))

    def holds_term(self, token: str, cuts: tuple[int, ...]) -> bool:
        """Whether a cut of `token` brings out a term worth reading: a lexicon word or stem of
        MIN_TRIGGER letters or more (a shorter one inside a long token is as often chance:
        "sex agen ari an"), or a lexicon phrase."""
        bounds = (0, *cuts, len(token))
        if any(y - x >= MIN_TRIGGER and self.is_term(token[x:y]) for x, y in zip(bounds, bounds[1:])):
            return True
        return any(token[bounds[i]:bounds[j]] in self.phrases
                   for i in range(len(bounds) - 2) for j in range(i + 2, len(bounds)))

    def is_term(self, piece: str) -> bool:
        """A lexicon word, or a lexicon stem with a short ending."""
        return piece in self.terms or self._stem_of(piece)

    def _stem_of(self, piece: str, ending: int = MAX_STEM_ENDING) -> bool:
        n = len(piece)
        return any(piece[:k] in self.stems for k in range(max(STEM_MIN, n - ending), n + 1))

    def _piece_cost(self, piece: str) -> float:
        cost = self.cost.get(piece)
        if cost is not None:
            return cost
        if piece in self.phrases:
            return LEXICON_COST
        # no unknown pieces: "роздяг" + "альня" is no reading of "роздягальня"
        return STEM_COST if self._stem_of(piece) else float("inf")

    def _best(self, token: str) -> tuple[list[float], list[int]]:
        n = len(token)
        inf = float("inf")
        best = [inf] * (n + 1)
        prev = [-1] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == inf:
                continue
            for j in range(i + 1, min(n if i else n - 1, i + MAX_PIECE) + 1):  # two pieces at least
                cost = best[i] + self._piece_cost(token[i:j])
                if cost < best[j]:
                    best[j], prev[j] = cost, i
        return best, prev

    def _split(self, token: str) -> tuple[int, ...] | None:
        """The cut positions (inside the token) of its cheapest reading as two or more known
        words, or None when there is none of MAX_COST_PER_LETTER at most."""
        if self._stem_of(token):
            return None  # one word: a stem and its ending ("deshabille"), which the rules read
        n = len(token)
        best, prev = self._best(token)
        if best[n] > MAX_COST_PER_LETTER * n:
            return None
        cuts: list[int] = []
        j = n
        while j > 0:
            i = prev[j]
            # a glued phrase is read back as its words
            cuts.extend(i + k for k in reversed(self.phrases.get(token[i:j], ())))
            if i > 0:
                cuts.append(i)
            j = i
        return tuple(reversed(cuts)) or None


@lru_cache(maxsize=1)
def word_frequencies(path: Path = FREQUENCIES_FILE) -> dict[str, float]:
    """Word -> Zipf frequency (scripts/build_word_frequencies.py), read once per process."""
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            word, _, zipf = line.rstrip("\n").partition("\t")
            out[word] = float(zipf)
    return out
