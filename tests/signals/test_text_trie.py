"""trie_pattern: one prefix-factored regex gives the same matches as a longest-first alternation."""

from __future__ import annotations

import random
import re

from rempart.signals.text.trie import literal_fragments, trie_pattern


def test_same_matches_as_a_longest_first_alternation_of_literals():
    rng = random.Random(7)
    for _ in range(200):
        words = {"".join(rng.choice("abc.") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice("abc. ") for _ in range(60))
        plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        trie = re.compile(trie_pattern(literal_fragments(w) for w in words))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], (words, text)


def test_fragments_that_are_patterns_are_kept_whole():
    # a separator fragment between two words, shared by both names
    sep = r"[ \-]*"
    pattern = re.compile(trie_pattern([[*literal_fragments("ab"), sep, *literal_fragments("cd")],
                                       [*literal_fragments("ab"), sep, *literal_fragments("ce")]]))
    assert [m.group() for m in pattern.finditer("ab cd, ab--ce, abce, ab c")] == ["ab cd", "ab--ce", "abce"]


def test_no_alternatives_matches_nothing():
    assert re.compile(trie_pattern([])).search("anything") is None


def test_substring_matcher_finds_what_the_regex_trie_finds():
    # SubstringMatcher (Aho-Corasick) stands in for re.compile(its pattern): the same matches,
    # the same first match, inside a window too, and offsets in characters past an emoji.
    from rempart.signals.text.phrases import SubstringMatcher, substring_pattern
    rng = random.Random(11)
    for _ in range(300):
        words = {"".join(rng.choice("ab😀.") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice("ab😀. ") for _ in range(60))
        fast, regex = SubstringMatcher(words), re.compile(substring_pattern(words))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in regex.finditer(text)], (words, text)
        assert [m.group() for m in fast.finditer(text)] == [m.group() for m in regex.finditer(text)]
        lo, hi = sorted(rng.sample(range(61), 2))
        got, want = fast.search(text, lo, hi), regex.search(text, lo, hi)
        assert (got and got.span()) == (want and want.span()), (words, text, lo, hi)
        assert [m.span() for m in fast.finditer(text, lo, hi)] == [m.span() for m in regex.finditer(text, lo, hi)]
    assert SubstringMatcher([]).search("anything") is None
    assert list(SubstringMatcher([""]).finditer("anything")) == []


def test_alternatives_search_like_the_whole_alternation():
    # _Alternatives finds the leftmost place where any alternative matches, then lets the whole
    # pattern match there: the same matches as re on the joined pattern, in a window too.
    from rempart.signals.text.intent import _Alternatives
    rng = random.Random(5)
    for _ in range(300):
        alts = [rf"(?<![^\W_])(?:{trie_pattern(literal_fragments(w) for w in {'ab', 'a', 'ba', 'bab'})})(?![^\W_])",
                "".join(rng.choice("ab") for _ in range(rng.randint(1, 3))),
                r"(?<![^\W_])b" + rng.choice(["a", "b", ""])]
        rng.shuffle(alts)
        text = "".join(rng.choice("ab .") for _ in range(40))
        fast, plain = _Alternatives(alts), re.compile("|".join(alts))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (alts, text)
        lo, hi = sorted(rng.sample(range(41), 2))
        got, want = fast.search(text, lo, hi), plain.search(text, lo, hi)
        assert (got and got.span()) == (want and want.span()), (alts, text, lo, hi)
