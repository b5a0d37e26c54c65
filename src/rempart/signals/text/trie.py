"""One regex for many alternatives, factored by common prefix.

Python's `re` tries the branches of `a|b|c|...` one after the other at every position of the
text, so a list of a few thousand names costs thousands of attempts per character. The same
alternatives as a trie ("ab(?:c|d)" for "abc|abd") cost one attempt per character and branch
point. Each alternative is a sequence of regex fragments (a literal character escaped by the
caller, or a small pattern such as an optional separator); equal fragments at the same place
share a branch. At every branch the longer continuations are tried before stopping, so a
match is the longest alternative that fits, as with a longest-first alternation of literals.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

_END = ""  # key that marks "an alternative may stop here"


def trie_pattern(alternatives: Iterable[Sequence[str]]) -> str:
    """The alternatives (sequences of regex fragments) as one prefix-factored pattern."""
    root: dict = {}
    for fragments in alternatives:
        if not fragments:
            continue
        node = root
        for fragment in fragments:
            node = node.setdefault(fragment, {})
        node[_END] = {}
    return _node_pattern(root) if root else "(?!)"


def literal_fragments(text: str) -> list[str]:
    """A literal string as one escaped fragment per character."""
    return [re.escape(c) for c in text]


def _node_pattern(node: dict) -> str:
    ends = _END in node
    branches = [fragment + _node_pattern(child) for fragment, child in sorted(node.items()) if fragment != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # stopping here is the last resort: longer continuations first
        return f"(?:{body})?"
    return body
