"""Near-miss spelling: a word one typing slip away from a lexicon word.

"roxbierz", "rozbiesz" and "désuabille" are "rozbierz", "rozbierz" and "déshabille" typed with
one slip: a letter replaced, dropped, doubled or two letters swapped. Keyword lists miss them;
the text model sees them only partly. NearMissIndex finds, for an unknown word, the lexicon
word it is one edit away from, so the rules can read the word as meant.

What keeps this from inventing matches:
- only words of MIN_LENGTH letters or more, on both sides ("naked" and "baked" are one edit
  apart; at 6+ letters such pairs are rare);
- only words that are not themselves known (a common word in one of many languages, or a
  lexicon word): "parties" is never read as "panties";
- a slip one edit from a lexicon word and from a known word one edit from that lexicon word
  (its rival) could have come from either and is read as neither ("parnties" may be
  "parties" as well as "panties"); words that differ only in their last letter are forms of
  one word, not rivals ("clothes", "clothed"). A slip of the lexicon word alone is read as
  meant ("vestdio" is "vestido", though "vestindo" is a word);
- in Hebrew and Arabic script, no slip in the first letter, where "the", "from" and "and" are
  written ("מהחולצה", from the shirt);
- only slips before a word's last ENDING letters, where a difference is usually grammar
  ("transparente", "spoglio"), and before a stem's last STEM_ENDING letter (its grammar
  comes after it);
- exactly one target: a word one edit from two lexicon words stays as it is.
Lookups use the deletion neighbourhood (each word and its one-letter deletions), so the cost
is a few dictionary probes per unknown long word, whatever the size of the lexicon.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet, Iterable

MIN_LENGTH = 6
# A difference in a word's last letters is more often grammar than a slip ("transparente",
# "spoglio", "svléká" are words of their own): only slips before them count.
ENDING = 2
# A stem's own end is no word ending (the ending comes after it): there only its very last
# letter is spared ("rozbiesz" is "rozbierz" typed with one slip).
STEM_ENDING = 1
CACHE_SIZE = 16_384  # answers kept per index (a few MB at most)
# Hebrew and Arabic write "the", "from", "and" as a letter before the word ("מהחולצה", from the
# shirt): there a difference in the first letter is grammar, not a slip.
_CLITIC_SCRIPTS = re.compile("[\u0590-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufeff]")


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        if a[i + 1:] == b[i + 1:]:
            return True
        return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    if len(a) > len(b):
        a, b = b, a
    return a[i:] == b[i + 1:]


def _inflection(a: str, b: str, ending: int = 1) -> bool:
    """The two words differ only in their last `ending` letters ("clothe", "clothes",
    "clothed"; "spoglio", "spogli"): forms of one word, not a slip between two words."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= min(len(a), len(b)) - ending


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


class NearMissIndex:
    """Whole words and stems (prefixes, "rozbierz*") of the lexicon, found from a slip."""

    def __init__(self, words: Iterable[str], stems: Iterable[str], known: AbstractSet[str]) -> None:
        self.known = known
        self._words = _Neighbourhood(w for w in words if len(w) >= MIN_LENGTH)
        self._stems = _Neighbourhood(s for s in stems if len(s) >= MIN_LENGTH)
        # A target's rivals: the known words one edit away from it (one pass over the known words,
        # probing the small target index rather than indexing the large known list).
        self._rivals: dict[str, list[str]] = {}
        for w in known:
            if len(w) >= MIN_LENGTH - 1:
                for t in self._words.near(w):
                    if not _inflection(t, w):
                        self._rivals.setdefault(t, []).append(w)
        self._stem_lengths = sorted({len(s) for s in self._stems.entries})
        # The same rare words come back across prompts: remember the answers (bounded).
        self.correct = lru_cache(maxsize=CACHE_SIZE)(self._correct)

    def _correct(self, token: str) -> str | None:
        """The lexicon word (or stem + the token's ending) `token` is a slip of, else None
        (`correct`, cached)."""
        if len(token) < MIN_LENGTH or token in self.known:
            return None
        found = {t for t in self._words.near(token, ending=ENDING)
                 if not any(within_one_edit(token, rival) for rival in self._rivals.get(t, ()))
                 and (t[0] == token[0] or not _CLITIC_SCRIPTS.match(token))}
        if len(found) == 1:
            return next(iter(found))
        if found:
            return None  # ambiguous
        if any(token[:n] in self._stems.entries for n in self._stem_lengths):
            return None  # the stem is there as written: the ordinary rules read it
        cut: dict[str, int] = {}  # slipped stem -> where the token's ending starts
        lengths = {k for n in self._stem_lengths for k in (n - 1, n, n + 1) if MIN_LENGTH <= k <= len(token)}
        for k in lengths:  # the token's first n-1, n or n+1 letters may be a stem of n letters
            for stem in self._stems.near(token[:k], ending=STEM_ENDING):
                if stem not in cut or abs(k - len(stem)) < abs(cut[stem] - len(stem)):
                    cut[stem] = k  # a swap or a substitution keeps the length: prefer it
        if len(cut) == 1:
            stem, k = next(iter(cut.items()))
            return stem + token[k:]
        return None


class _Neighbourhood:
    """Words indexed by themselves and their one-letter deletions."""

    def __init__(self, words: Iterable[str]) -> None:
        self.entries: set[str] = set(words)
        self._by_key: dict[str, set[str]] = {}
        for w in self.entries:
            for key in _deletions(w) | {w}:
                self._by_key.setdefault(key, set()).add(w)
        # str.translate table deleting the entries' letters: what is left of a token are the
        # letters no entry has (CJK in a Latin lexicon), and one edit brings in at most one.
        self._drop_entry_letters = dict.fromkeys(map(ord, {c for w in self.entries for c in w}))

    def near(self, token: str, *, ending: int | None = None) -> set[str]:
        """Entries exactly one edit from `token` (not `token` itself); with `ending`, only
        where the two differ before their last `ending` letters."""
        out: set[str] = set()
        if len(token.translate(self._drop_entry_letters)) > 1:
            return out  # two letters no entry has: no entry is one edit away
        for key in _deletions(token) | {token}:
            for w in self._by_key.get(key, ()):
                if w != token and within_one_edit(token, w) and not (ending is not None and _inflection(token, w, ending)):
                    out.add(w)
        return out


# Chat spelling drops vowels ("lpsin bjunya" for "lepasin bajunya", "pkai" for "pakai"): a token
# that is a lexicon word less some of its vowels. Its first letter stays, and so does the order.
VOWELS = frozenset("aeiou")
DROP_MIN_LENGTH = 4  # letters of the token at least ("pkai"); "bj" could be anything
DROP_MIN_SHARE = 0.6  # of the word's letters the token keeps ("lpsin" keeps 5 of "lepasin"'s 7)


def skeleton(word: str) -> str:
    """The first letter and the consonants after it: what chat spelling keeps of a word."""
    return word[:1] + "".join(c for c in word[1:] if c not in VOWELS)


def _keeps_in_order(token: str, word: str) -> bool:
    """`token` is `word` with letters left out (a subsequence of it)."""
    letters = iter(word)
    return all(c in letters for c in token)


class VowelDropIndex:
    """Lexicon words of the Latin script found from their chat spelling without vowels."""

    def __init__(self, words: Iterable[str], known: AbstractSet[str]) -> None:
        self.known = known
        self._by_skeleton: dict[str, set[str]] = {}
        for w in words:
            if len(w) > DROP_MIN_LENGTH and w.isascii() and w.isalpha():
                self._by_skeleton.setdefault(skeleton(w), set()).add(w)
        self.correct = lru_cache(maxsize=CACHE_SIZE)(self._correct)

    def _correct(self, token: str) -> str | None:
        """The one lexicon word `token` is, less vowels; else None (`correct`, cached)."""
        if len(token) < DROP_MIN_LENGTH or token in self.known or not (token.isascii() and token.isalpha()):
            return None
        found = [w for w in self._by_skeleton.get(skeleton(token), ())
                 if len(token) < len(w) and len(token) >= DROP_MIN_SHARE * len(w) and _keeps_in_order(token, w)]
        return found[0] if len(found) == 1 else None
