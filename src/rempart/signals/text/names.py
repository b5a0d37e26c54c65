"""Named-real-person detector: finds people's names in a prompt, offline.

The policy blocks a named real person together with a sexual, undressing or swimwear
signal, so this detector trades recall for precision. It reports `text.real_person` for:

1. Public figures (score 0.9): a hand-written list (data/public_figures.txt) matched on
   the normalised prompt, so case, accents, leetspeak, look-alike letters, invisible
   characters and spaced-out letters do not matter. Also glued ("taylorswift",
   "#TaylorSwift"), one-letter misspellings of both-distinctive names ("scarlett johanson",
   0.8), and native spellings in other scripts (CJK, Cyrillic, Arabic, Devanagari...).
2. First name + surname pairs (0.65, 0.6 outside Latin script): two adjacent words, the
   first a popular first name and the second a popular surname in some country
   (Faker's per-locale name lists, data/first_names.txt, data/last_names.txt), neither of
   them a common word in one of many languages (data/common_words.txt). In any case.
3. The same pair where one word is also a common word ("Grace Kelly", "Mark Zuckerberg")
   counts only when both words are capitalised in the original in a prompt that is not
   written in Title Case or capitals, or when they are glued in CamelCase (0.6).

It also reports `text.named_individual` (0.6) for a lone given name written with a capital
in a cased script ("a photo of Anna in a bikini", "Ольга на пляже"): a specific person who may
be a private one. Not next to another capitalised word (the pair rules judge those), not
after a locative preposition ("in Sydney"), not before a place word
("Chelsea harbour"), not a name that is also a common word at the start of a sentence,
not right after "by" or "style of" (the author), and not a given name that is mostly a
place, brand or myth (data/place_words.txt, single words of data/not_people.txt:
"Sydney", "Porsche", "Cleopatra").

Pairs that name a place, brand, artwork or fictional character ("Hong Kong", "Lara
Croft", data/not_people.txt) are not reported. Evidence spans point into the original
prompt. Cost is linear in the prompt: one tokenisation and a few set look-ups per word.
The lists load once per process (~15 MB).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from rempart.signals import kinds as K
from rempart.signals.base import Signal, TextSpan
from rempart.signals.text import lexicon as Lex
from rempart.signals.text.normalize import MARKS, Normalized, normalize, normalize_lexicon, normalize_term
from rempart.signals.text.trie import literal_fragments, trie_pattern
from rempart.signals.text.typos import within_one_edit

DATA_DIR = Path(__file__).parent / "data"
MAX_CHARS = 20_000  # the gate rejects longer prompts first; bounds work on direct calls
MAX_SPANS = 8
_MODES = frozenset({"generate", "edit"})

SCORE_PUBLIC = 0.9
SCORE_PUBLIC_FUZZY = 0.8
SCORE_PAIR = 0.65
SCORE_PAIR_OTHER_SCRIPT = 0.6
SCORE_PAIR_CASED = 0.6
SCORE_GIVEN_NAME = 0.6
GIVEN_NAME_MIN = 3  # "Al", "Jo" are too often something else

# Letters plus the combining marks that scripts such as Devanagari or Thai need inside a word.
_TOKEN = re.compile(rf"(?:[^\W\d_]|[{MARKS}])+")
_ASCII_TOKEN = re.compile(r"[a-z]+")
# A lower-case letter followed by a capital: a CamelCase word may hide a glued name.
_INNER_CAPITAL = re.compile(r"[A-ZÀ-Þ](?<=[a-zß-ÿ][A-ZÀ-Þ])")  # led by the capital: twice as fast to search
# Two capitalised words in a row: without one, the case rule (3) cannot fire.
_TWO_CAPITALISED = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+[ \t\-_.·'’]{1,3}[A-ZÀ-Þ]")
# What may stand between the parts of one name: spaces, a hyphen, a dot, an underscore,
# a middle dot ("泰勒·斯威夫特"), an apostrophe. Not a comma or a line break.
_GAP = re.compile(r"[ \t\-_.·・•'’]{1,3}")
_NAME_SEP = r"[\s\-_.·・•]*"
# Scripts written without spaces between words (or with particles glued to names):
# names there are found as substrings.
_NO_SPACE_SCRIPT = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# Capital Cyrillic/Greek letters that look Latin but whose lower case does not (В, Н, М,
# Т, Β, Η, Μ, Ζ): the normaliser casefolds first, so inside a word that also has Latin
# letters we map their lower case back ("Тaylor" -> "taylor"). One char for one char.
_EXTRA_LOOKALIKE = str.maketrans({"в": "b", "н": "h", "м": "m", "т": "t", "β": "b", "η": "h", "μ": "m", "ζ": "z"})
_MIXED_WORD = re.compile(r"[^\W\d_]*[a-z][^\W\d_]*")
# Words after which a name is the author of a style, not the person depicted
# ("painting by Greg Rutkowski", "in the style of ..."); such pairs score below the policy
# threshold. Public figures are not affected.
_CREATOR_PREV = frozenset(
    "by artist artists painter painters photographer illustrator sculptor designer author "
    "director par por von".split()
)
_CREATOR_OF = frozenset("style styles manner school works".split())
# ... and words after which it is: "Egon Schiele style", "Helmut Newton inspired"
_CREATOR_AFTER = frozenset("style styled inspired esque".split())
_JOIN_WORDS = ("and", "y", "et", "und", "e")
_LIST_JOIN = re.compile(rf"\s*(?:,|&|\+|{'|'.join(_JOIN_WORDS)})?\s*")
# Between two items of a list: a comma, "&", "+" or a joining word, not a space alone
_ITEM_SEP = re.compile(rf"\s*[,&+]\s*(?:(?:{'|'.join(_JOIN_WORDS)})\s+)?|\s+(?:{'|'.join(_JOIN_WORDS)})\s+")
SCORE_CREATOR = 0.4
LIST_ITEMS = 3  # authors listed before a name, back to "by"
LIST_ITEM_WORDS = 3
# A "surname" that names a kind of place makes the pair a place ("Morgan Rd", "Charles
# River", "Graham Street"), not a person.
_PLACE_WORDS = frozenset(
    "st str rd ln ave av blvd dr hwy pl sq ct street road lane avenue boulevard drive way highway "
    "place square court river lake bay island isle park hall bridge station tower hill mount "
    "mountain valley beach falls creek canyon county city town village airport harbor harbour "
    "port center centre church cathedral chapel castle palace gardens garden stadium arena "
    "college university school hospital museum library theater theatre hotel".split()
)


def _read_list(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


# Letters glued before a name: Arabic "and/so" + "with/to/like" ("لهيفاء": to Haifa), Hebrew
# "and" + "the/in/to/from/that/like" ("לנועה"). Persian and Urdu write these apart.
_ARABIC_PROCLITICS = "(?:[وف]?[بلك]?)"
_HEBREW_PROCLITICS = "(?:ו?[הבלמשכ]?)"
# Slavic and Greek names change their ending with the case ("Тіна" -> "Тіни", "Ольга" ->
# "Ольги"): a final vowel of a word this long is left open.
_DECLINED_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_FINAL_VOWELS = frozenset("аеиоуыэюяіїєαεηιουω")
DECLINED_MIN = 4


_WORD_ENDING = r"[^\W\d_]{0,2}"


def _joined_fragments(toks: Sequence[str], between: str) -> list[str]:
    """A name's words as trie fragments (one per letter), with `between` between words."""
    out: list[str] = []
    for k, t in enumerate(toks):
        if k:
            out.append(between)
        out += literal_fragments(t)
    return out


def _inflected_name_fragments(toks: tuple[str, ...]) -> list[str]:
    """Trie fragments for a public figure written in a spaced non-Latin script: each word may
    carry a short ending ("владимира путина"), a declined final vowel, or a glued proclitic."""
    stems = [t[:-1] if _DECLINED_SCRIPT.match(t) and len(t) >= DECLINED_MIN and t[-1] in _FINAL_VOWELS else t
             for t in toks]
    body = _joined_fragments(stems, _WORD_ENDING + _NAME_SEP)
    first = toks[0][0]
    if "\u0600" <= first <= "\u06ff":
        return [_ARABIC_PROCLITICS, *body]
    if "\u0590" <= first <= "\u05ff":
        return [_HEBREW_PROCLITICS, *body]
    return body


@lru_cache(maxsize=4)
def common_words(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """Common words of many languages (data/common_words.txt), read once per process: the
    name lists and the rules' slip index both use them."""
    return frozenset(_read_list(data_dir / "common_words.txt"))


def _tokens(s: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(s))


def _is_latin(word: str) -> bool:
    return all(c < "\u0250" for c in word)


def _is_cased_script(word: str) -> bool:
    """Latin, Greek or Cyrillic: scripts where a capital can mark a name."""
    return all(c < "\u0530" for c in word)


class NameLists:
    """The name data, normalised the way prompts are. Built once per process."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.first = frozenset(_read_list(data_dir / "first_names.txt"))
        self.last = frozenset(_read_list(data_dir / "last_names.txt"))
        self.common = common_words(data_dir)
        self.phrases: dict[str, list[tuple[str, ...]]] = {}  # first word -> public figures
        self.by_last: dict[str, list[tuple[str, ...]]] = {}  # last word of 2-word names
        self.mononyms: set[str] = set()
        self.glued: dict[str, tuple[str, ...]] = {}  # "taylorswift" -> ("taylor", "swift")
        no_space: list[list[str]] = []  # trie fragments of each name
        spaced: list[list[str]] = []
        for entry in _read_list(data_dir / "public_figures.txt"):
            norm = normalize_term(entry)
            toks = _tokens(norm)
            if not toks:
                continue
            if not all(_is_latin(t) for t in toks):
                if _NO_SPACE_SCRIPT.search(norm):
                    no_space.append(_joined_fragments(toks, _NAME_SEP))
                else:
                    spaced.append(_inflected_name_fragments(toks))
                continue
            if len(toks) == 1:
                self.mononyms.add(toks[0])
                continue
            self.phrases.setdefault(toks[0], []).append(toks)
            glued = "".join(toks)
            if len(glued) >= 8:
                self.glued[glued] = toks
            if len(toks) == 2:
                self.by_last.setdefault(toks[1], []).append(toks)
        # Words that can start a name: one set look-up rejects every other word.
        # First names that are also common words ("will", "rose", "mark") start a name only
        # when capitalised (rule 3), so they are kept apart and checked after the case.
        self.starters = (self.first - self.common) | self.phrases.keys() | self.mononyms | self.glued.keys()
        # A Latin-script prompt names a listed public figure only with one of these words (a name
        # word that is no common word: a typo in the other word is allowed), or with one of the
        # names whose first two words are both common words ("will smith")
        names = [ph for cands in self.phrases.values() for ph in cands]
        self.public_words = frozenset({w for ph in names for w in ph[:2] if w not in self.common}
                                      | self.mononyms | self.glued.keys())
        self.common_name_pairs = frozenset(ph[:2] for ph in names if ph[0] in self.common and ph[1] in self.common)
        self.common_name_firsts = frozenset(a for a, _ in self.common_name_pairs)
        self.common_name_seconds = frozenset(b for _, b in self.common_name_pairs)
        self.cased_starters = self.first & self.common
        for cands in self.phrases.values():
            cands.sort(key=len, reverse=True)  # longest first: "jennifer love hewitt"
        self.not_people: set[tuple[str, str]] = set()
        self.not_people_words: set[str] = set()  # never a lone given name ("sydney", "cleopatra")
        for entry in _read_list(data_dir / "not_people.txt"):
            toks = _tokens(normalize_term(entry))
            if len(toks) >= 2:
                self.not_people.add(toks[:2])
            elif toks:
                self.not_people_words.add(toks[0])
        self.not_people_words.update(_read_list(data_dir / "place_words.txt"))
        self.locatives = frozenset(normalize_lexicon(w).text for w in Lex.PLACE_PREPOSITIONS - Lex.OF_PREPOSITIONS)
        # Other scripts: substring search, one prefix trie per kind (thousands of names).
        # Space-less scripts need no word boundary; the others may carry a short inflection
        # or clitic ("путина").
        self.no_space_re = re.compile(trie_pattern(no_space)) if no_space else None
        self.spaced_re = (
            re.compile(rf"(?<![^\W\d_])(?:{trie_pattern(spaced)})[^\W\d_]{{0,3}}(?![^\W\d_])") if spaced else None
        )


GIVEN_NAME = "given_name"  # the source of a lone given name's match
_lists: NameLists | None = None
_lists_lock = threading.Lock()


def default_lists() -> NameLists:
    global _lists
    if _lists is None:
        with _lists_lock:
            if _lists is None:
                _lists = NameLists()
    return _lists


@dataclass(slots=True)
class _Match:
    start: int  # normalised offsets
    end: int
    score: float
    source: str
    name: str


class NamedPersonDetector:
    """Emits `text.real_person` when a prompt names a person (see the module docstring)."""

    name = "named_person"

    def __init__(self, lists: NameLists | None = None) -> None:
        self._lists = lists or default_lists()

    def detect(self, text: str, *, mode: str) -> list[Signal]:
        mode = getattr(mode, "value", mode)  # accepts rempart.request.model.Mode too
        if mode not in _MODES:
            raise ValueError(f"unknown mode {mode!r}: expected 'generate' or 'edit'")
        if not text or not isinstance(text, str):
            return []
        if len(text) > MAX_CHARS:
            text = text[:MAX_CHARS]  # a prefix: spans stay valid in the caller's text
        return self.detect_normalized(normalize(text))

    def public_figure(self, n: Normalized, tokens: Sequence[str] | None = None) -> TextSpan | None:
        """The first listed public figure the prompt names (a span of the original), or None.
        Cheaper than `detect_normalized` on the many prompts that hold no word of one.
        `tokens`: the prompt's words in order, when the caller has split it already (letters
        and digits apart, as phrases.Words does on ASCII text)."""
        s, L = n.text, self._lists
        if s.isascii():
            toks = _ASCII_TOKEN.findall(s) if tokens is None else tokens
            if L.public_words.isdisjoint(toks) and (
                    L.common_name_firsts.isdisjoint(toks) or L.common_name_seconds.isdisjoint(toks)
                    or not any(pair in L.common_name_pairs for pair in zip(toks, toks[1:]))) \
                    and _INNER_CAPITAL.search(n.original) is None:
                return None
        for m in sorted(self._matches(n), key=lambda m: m.start):
            if m.source.startswith("public_figure"):
                a, b = n.span(m.start, m.end)
                return TextSpan(a, b, n.original[a:b])
        return None

    def detect_normalized(self, n: Normalized) -> list[Signal]:
        """Same as `detect` for a prompt another detector has already normalised."""
        matches = self._matches(n)
        named = [m for m in matches if m.source != GIVEN_NAME]
        given = [m for m in matches if m.source == GIVEN_NAME and not any(
            o.start <= m.start and m.end <= o.end for o in named)]  # "Emma" inside "Emma Watson"
        out = []
        if named:
            out.append(self._signal(n, named, K.TEXT_REAL_PERSON))
        if given:
            out.append(self._signal(n, given, K.TEXT_NAMED_INDIVIDUAL))
        return out

    # -- matching -------------------------------------------------------------------------
    def _matches(self, n: Normalized) -> list[_Match]:
        L = self._lists
        s = n.text
        ascii_text = s.isascii()
        if not ascii_text:
            s = _unmask_mixed_words(s)
        out: list[_Match] = []
        if not ascii_text:
            for rx in (L.no_space_re, L.spaced_re):
                if rx is not None:
                    for m in rx.finditer(s):
                        out.append(_Match(m.start(), m.end(), SCORE_PUBLIC, "public_figure", m.group()))
        tokenizer = _ASCII_TOKEN if ascii_text else _TOKEN
        orig = n.original
        starters = L.starters
        by_last = L.by_last
        camel = _INNER_CAPITAL.search(orig) is not None
        # Fast path (most prompts): set operations in C show that no word can start a name.
        all_words = tokenizer.findall(s)
        if starters.isdisjoint(all_words) and by_last.keys().isdisjoint(all_words) and not camel \
                and _TWO_CAPITALISED.search(orig) is None and L.cased_starters.isdisjoint(all_words):
            return out
        spans = [m.span() for m in tokenizer.finditer(s)]
        words = [s[a:b] for a, b in spans]
        count = len(words)
        cased_starters = L.cased_starters
        case_info: list[bool] = []  # computed on first need

        def cased() -> bool:
            if not case_info:
                case_info.append(_case_is_informative(n.original))
            return case_info[0]

        def joined(i: int) -> bool:  # words i and i+1 may be parts of one name
            return _GAP.fullmatch(s, spans[i][1], spans[i + 1][0]) is not None

        for i, w in enumerate(words):
            has_next = i + 1 < count
            if (
                w not in starters
                and not (w in cased_starters and orig[n.orig_start(spans[i][0])].isupper())
                and not (has_next and words[i + 1] in by_last)
                and not (camel and len(w) >= 6)
            ):
                continue  # the common case: this word cannot start a name
            # 1. public figures
            hit = False
            for ph in L.phrases.get(w, ()):
                k = len(ph)
                if tuple(words[i:i + k]) == ph and all(joined(x) for x in range(i, i + k - 1)):
                    out.append(_Match(spans[i][0], spans[i + k - 1][1], SCORE_PUBLIC, "public_figure", " ".join(ph)))
                    hit = True
                    break
            if hit:
                continue
            if w in L.mononyms or (len(w) >= 8 and w in L.glued):
                name = " ".join(L.glued.get(w, (w,)))
                out.append(_Match(spans[i][0], spans[i][1], SCORE_PUBLIC, "public_figure", name))
                continue
            if has_next and joined(i):
                nxt = words[i + 1]
                fuzzy = self._fuzzy_public(w, nxt)
                if fuzzy:
                    out.append(_Match(spans[i][0], spans[i + 1][1], SCORE_PUBLIC_FUZZY, "public_figure_fuzzy", fuzzy))
                    continue
                # 2./3. first name + surname, with an optional initial between ("Michael J. Fox")
                j = i + 1
                if len(nxt) == 1 and i + 2 < count and joined(i + 1):
                    j = i + 2
                score = self._pair_score(n, spans, words, i, j, cased)
                if score:
                    source = "name_pair"
                    if _is_creator(s, spans, words, i, out) or j + 1 < count and words[j + 1] in _CREATOR_AFTER:
                        score, source = SCORE_CREATOR, "creator_pair"
                    out.append(_Match(spans[i][0], spans[j][1], score, source, f"{w} {words[j]}"))
                    continue
            # CamelCase glued pair in the original ("#EmmaWatson")
            if camel and len(w) >= 6:
                score, split = self._camel_pair(n, spans[i], w)
                if score:
                    out.append(_Match(spans[i][0], spans[i][1], score, "name_pair", f"{w[:split]} {w[split:]}"))
                    continue
            if self._given_name(n, spans, words, i, cased):
                out.append(_Match(spans[i][0], spans[i][1], SCORE_GIVEN_NAME, GIVEN_NAME, w))
        return out

    def _given_name(self, n: Normalized, spans, words, i: int, cased) -> bool:
        """Word i is a lone given name written with a capital (see the module docstring)."""
        L = self._lists
        w = words[i]
        if w not in L.first or len(w) < GIVEN_NAME_MIN or w in L.not_people_words or not _is_cased_script(w):
            return False
        if not (_capitalised(n, spans[i]) and cased()):
            return False
        # Next to another capitalised word it is part of a longer name or a place, which the
        # pair rules judge ("Hong Kong", "Lara Croft", "Young King").
        if (i > 0 and _capitalised(n, spans[i - 1])) or (i + 1 < len(words) and _capitalised(n, spans[i + 1])):
            return False
        if i > 0 and words[i - 1] in L.locatives:
            return False  # "in Sydney", "à Florence": a place
        if _after_creator_word(words, i):
            return False  # "by Raphael", "in the style of Klimt": the author, not the person shown
        if i + 1 < len(words) and words[i + 1] in _PLACE_WORDS:
            return False  # "Chelsea harbour", "Austin street"
        if w in L.common:  # "Rose", "Inna" (Polish "other"): a name only inside a sentence
            a, _ = n.span(*spans[i])
            before = n.original[:a].rstrip(" \t\"'«“„(")
            if not before or before[-1] in ".!?:;\n":
                return False
        return True

    def _fuzzy_public(self, w: str, nxt: str) -> str | None:
        """A public figure's two-word name with one typo in one word (both words >= 5)."""
        L = self._lists
        common = L.common
        for ph in L.phrases.get(w, ()):
            if len(ph) == 2 and len(ph[1]) >= 5 and ph[1] not in common and w not in common \
                    and within_one_edit(nxt, ph[1]):
                return " ".join(ph)
        if len(w) >= 5:
            for ph in L.by_last.get(nxt, ()):
                if len(ph[0]) >= 5 and ph[0] not in common and nxt not in common and within_one_edit(w, ph[0]):
                    return " ".join(ph)
        return None

    def _pair_score(self, n: Normalized, spans, words, i: int, j: int, cased) -> float:
        L = self._lists
        f, last = words[i], words[j]
        if f not in L.first or last not in L.last:
            return 0.0
        latin = _is_latin(f) and _is_latin(last)
        if (latin and len(f) < 3) or len(f) < 2 or len(last) < 2:
            return 0.0
        if (f, last) in L.not_people or (i > 0 and (words[i - 1], f) in L.not_people) or last in _PLACE_WORDS:
            return 0.0
        if len(f) == len(last) and (f[1:] == last[1:] or (f[0] == last[0] and f[-2:] == last[-2:])):
            return 0.0  # reduplication, not a name: "ping pong", "ding dong", "tic tac"
        cf, cl = f in L.common, last in L.common
        if not cf and not cl:
            return SCORE_PAIR if latin else SCORE_PAIR_OTHER_SCRIPT
        if cf and cl:
            return 0.0
        if latin and cased() and _capitalised(n, spans[i]) and _capitalised(n, spans[j]):
            return SCORE_PAIR_CASED
        return 0.0

    def _camel_pair(self, n: Normalized, span: tuple[int, int], w: str) -> tuple[float, int]:
        a, b = n.span(*span)
        orig = n.original[a:b]
        if len(orig) != len(w) or not orig[0].isupper():
            return 0.0, 0
        uppers = [k for k in range(1, len(orig)) if orig[k].isupper()]
        if len(uppers) != 1 or not orig[1:uppers[0]].islower() or not orig[uppers[0] + 1:].islower():
            return 0.0, 0
        k = uppers[0]
        f, last = w[:k], w[k:]
        L = self._lists
        if len(f) < 3 or len(last) < 2 or f not in L.first or last not in L.last or (f, last) in L.not_people \
                or last in _PLACE_WORDS:
            return 0.0, 0
        if f in L.common and last in L.common:
            return 0.0, 0
        return (SCORE_PAIR if f not in L.common and last not in L.common else SCORE_PAIR_CASED), k

    # -- output ---------------------------------------------------------------------------
    def _signal(self, n: Normalized, matches: list[_Match], kind: str) -> Signal:
        # Merge overlapping matches ("Sarah Jessica" + "Jessica Parker"), keep the best score.
        matches.sort(key=lambda m: (m.start, -m.end))
        merged: list[_Match] = []
        for m in matches:
            if merged and m.start < merged[-1].end:
                top = merged[-1]
                top.end = max(top.end, m.end)
                if m.score > top.score:
                    top.score, top.source, top.name = m.score, m.source, m.name
            else:
                merged.append(_Match(m.start, m.end, m.score, m.source, m.name))
        best = sorted(merged, key=lambda m: (-m.score, m.start))[:MAX_SPANS]
        best.sort(key=lambda m: m.start)
        evidence = []
        for m in best:
            a, b = n.span(m.start, m.end)
            evidence.append(TextSpan(a, b, n.original[a:b]))
        return Signal(
            kind=kind,
            score=max(m.score for m in merged),
            detector=self.name,
            evidence=tuple(evidence),
            detail={
                "names": [m.name for m in best],
                "sources": sorted({m.source for m in best}),
                "obfuscated": any(n.fuzzy(m.start, m.end) for m in best),
            },
        )


def _after_creator_word(words, i: int) -> bool:
    """Word i comes right after "by", "artist", "style of"...: it names an author."""
    return (i >= 1 and words[i - 1] in _CREATOR_PREV) or (i >= 2 and words[i - 1] == "of" and words[i - 2] in _CREATOR_OF)


def _is_creator(s: str, spans, words, i: int, previous: list[_Match]) -> bool:
    """A name right after "by", "artist", "style of"..., or listed after such a name, or an
    item of a list that such a word opens ("art by beeple, magali villeneuve", "by frank
    frazetta and boris vallejo": up to LIST_ITEMS items of up to LIST_ITEM_WORDS words)."""
    if _after_creator_word(words, i):
        return True
    if previous and previous[-1].source == "creator_pair" \
            and _LIST_JOIN.fullmatch(s, previous[-1].end, spans[i][0]) is not None:
        return True
    j = i  # first word of the current item
    for _ in range(LIST_ITEMS):
        k = j - 2 if j >= 2 and words[j - 1] in _JOIN_WORDS else j - 1  # last word of the item before
        if k < 1 or _ITEM_SEP.fullmatch(s, spans[k][1], spans[j][0]) is None:
            return False
        j = k
        for _ in range(LIST_ITEM_WORDS):
            if _after_creator_word(words, j):
                return True
            if j < 1 or not s[spans[j - 1][1]:spans[j][0]].isspace():
                break  # the item starts here
            j -= 1
        else:
            return False  # too long for an author's name
    return False


def _unmask_mixed_words(s: str) -> str:
    if not any(c in "внмтβημζ" for c in s):
        return s
    return _MIXED_WORD.sub(lambda m: m.group().translate(_EXTRA_LOOKALIKE), s)


def _capitalised(n: Normalized, span: tuple[int, int]) -> bool:
    a, b = n.span(*span)
    w = n.original[a:b]
    return len(w) >= 2 and w[0].isupper() and not w[1:].isupper()


def _case_is_informative(text: str) -> bool:
    """False for prompts in capitals or Title Case, where a capital says nothing about names."""
    if text.isupper():
        return False
    words = _LONG_WORD.findall(text)
    if len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
        return False
    return True
