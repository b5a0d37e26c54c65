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
