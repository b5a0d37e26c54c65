"""Text-intent detector: multilingual terms and context rules over a normalised prompt.

Token-based rather than one big regex: the prompt is split once into words, each word is
looked up in hash tables (exact words, 4-letter stem buckets, first words of phrases),
and a few context rules look at short windows of neighbouring words. This keeps the cost
linear in the prompt length and independent of the lexicon size.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import AbstractSet, Iterable, Iterator, Sequence

from rempart.signals import kinds as K
from rempart.signals.base import Signal, TextSpan
from rempart.signals.text import lexicon as L
from rempart.signals.text.normalize import Normalized, normalize, normalize_lexicon, normalize_term, squash_all
from rempart.signals.text.phrases import TOKEN, PhraseTable, SubstringMatcher, Words, substring_pattern
from rempart.signals.text.names import common_words
from rempart.signals.text.suggestive import CUES as SUGGESTIVE_CUES
from rempart.signals.text.trie import literal_fragments, trie_pattern
from rempart.signals.text.segment import MAX_STEM_SUFFIX, MIN_GLUED, STEM_MIN, WordBreaker, word_frequencies
from rempart.signals.text.typos import DROP_MIN_LENGTH, MIN_LENGTH, NearMissIndex, VowelDropIndex

_SENTENCE_BREAK = re.compile(r"[.!?;:\n]")
_HAS_DIGIT = re.compile(r"\d")
_HAS_ASCII_DIGIT = re.compile(r"[0-9]")  # the same on ASCII text, faster
_SPACED_SCRIPT_LETTER = re.compile("[a-z\u0370-\u03ff\u0400-\u04ff]")  # Latin, Greek, Cyrillic
_LETTER = re.compile(r"[^\W\d_]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# A word of letters only, long enough to be glued words (no letter or digit on either side).
_JOIN_GAP = re.compile(r" ?- ?| ")
_HYPHEN_GAP = re.compile(r" ?- ?")
FUZZY_FACTOR = 0.85  # hits that needed de-obfuscation score lower (brief: fuzzy < direct)
MAX_SPANS = 8  # evidence spans per signal; enough for a reviewer, bounded for huge inputs
PAREN_AGE_MIN = 10  # "(15)" after a word is an age; "(3)" is more often a numbered item
POST_VERB_WINDOW = 8  # words between clothing and a clause-final removal verb
POST_ANCHOR_WINDOW = 8  # words between a pulling verb and the clothing before its particle ("zieh ... aus")
WORN_VERB_WINDOW = 4  # words between a removal verb and "everything she is wearing", either side
LAUNDRY_CHARS = 25  # characters around a substring-script garment searched for a laundry word
LAUNDRY_WINDOW = 3  # words after a garment where "hanging", "drying" or "hanger" make it laundry
# Languages with articles: there a weak verb needs one before its garment ("rip her jeans",
# not "ripped jeans"); elsewhere ("убери одежду", "hapus bajunya") the verb form says enough.
ARTICLE_LANGS = frozenset("en fr es it pt de nl ro sv".split())
SHORT_WORD = 3  # a term this short must match with its accents as written
REJOIN_MIN = 5  # a split word is rejoined only into a term this long: "s ex" stays two words
DISPLAY_WINDOW = 40  # characters around a swimwear or underwear term searched for a shop-display word
MERCHANDISE_KINDS = frozenset({K.TEXT_SWIMWEAR, K.TEXT_UNDERWEAR})
TRANSPARENT_BEFORE = 5  # words before a transparency word where its garment may stand
MAX_JOIN_PIECES = 3  # a split word is read back from this many pieces at most ("ent-klei-de")
MAX_HITS = 2000  # per prompt, guards memory on adversarial 100k-char inputs
_MODES = frozenset({"generate", "edit"})
_NOT_YET = object()  # detect_normalized: the glued reading is still to be made


@dataclass(frozen=True, slots=True)
class _Pattern:
    words: tuple[tuple[str, bool], ...]  # (word, is_stem)
    kind: str
    lang: str
    score: float
    term: str
    accented: bool
    block_next: frozenset[str]
    block_prev: frozenset[str]
    things_next: frozenset[str]  # nouns for things: the term describes the next word, not a person
    things_prev: frozenset[str]  # the same, for adjectives that follow their noun
    # (words of the languages where the term is another word, words of its own language): in a
    # prompt with the first and none of the second, the term is that other word
    other_sense: tuple[frozenset[str], frozenset[str]] | None = None


@dataclass(frozen=True, slots=True)
class Unglued:
    """A prompt with spaces put back into its glued tokens and taken out of its split words
    (RuleIntentDetector.unglued)."""

    view: Normalized  # the prompt with a space at each cut, and split words joined
    back: list[int]  # view position -> prompt position
    cut_spans: tuple[tuple[int, int], ...]  # the glued tokens and split words, in prompt positions

    def hits(self, view_hits: Iterable[_Hit]) -> list[_Hit]:
        """The view's hits that touch a glued token, in prompt positions, scored as disguised."""
        out = []
        for h in view_hits:
            start, end = self.back[h.start], self.back[h.end - 1] + 1
            if any(start < y and x < end for x, y in self.cut_spans):
                out.append(_Hit(h.kind, h.score * FUZZY_FACTOR, start, end, f"{h.term} (glued)", h.lang))
        return out


@dataclass(slots=True)
class _Hit:
    kind: str
    score: float
    start: int  # normalised offsets
    end: int
    term: str
    lang: str


_TRAILING_PUNCT = ".,;:!?،؛。、，！？」』)\"'"
# A removal the rules read as a look-alike ("remove the stain from her shirt") leaves a hit of this
# kind prefix; it never becomes a signal (_signals reads only the kinds it knows) and goes to the
# caller of RuleIntentDetector.detect_normalized. Only undress:
# a nudity word beside a colour word ("nude colour photo of her") is too often both.
CLEARED = "cleared:"
_BUTTONS = frozenset(normalize_term(w) for w in L.BUTTON_WORDS.split(", "))
_BETWEEN_ONLY = frozenset(normalize_term(w) for w in L.SUBSTRING_THINGS_BETWEEN_ONLY.split(", "))
# Kinds whose look-alike reading (a thing, laundry, bed linen) also sets aside the model's score for the same kind
_CLEARABLE = frozenset({K.TEXT_UNDRESS, K.TEXT_NUDITY, K.TEXT_SEXUAL, K.TEXT_UNDERWEAR})
# What a pet or a soft toy is put in or taken out of: a costume, not a person's clothes
PET_KINDS = frozenset({K.TEXT_UNDRESS, K.TEXT_SWIMWEAR, K.TEXT_UNDERWEAR})


def _cleared(kind: str, start: int, end: int, term: str, lang: str) -> _Hit:
    return _Hit(CLEARED + kind, 0.0, start, end, term, lang)


def _clear_where(hits: list[_Hit], look_alike) -> list[_Hit]:
    """`hits`, each one for which `look_alike(hit)` holds turned into its cleared marker."""
    return [_cleared(h.kind, h.start, h.end, h.term, h.lang) if look_alike(h) else h for h in hits]


def _langs_meet(a: AbstractSet[str], b: AbstractSet[str]) -> bool:
    """A verb and a garment of one language ("*": every language)."""
    return "*" in a or "*" in b or not a.isdisjoint(b)


def _next_word(s: str, start: int) -> str:
    """The space-separated word that starts at or after `start` (skipping spaces)."""
    tail = s[start:start + 40].lstrip()
    k = tail.find(" ")
    return (tail if k < 0 else tail[:k]).rstrip(_TRAILING_PUNCT)


def _word_after(s: str, pos: int) -> str:
    """The word after `pos`, past a short ending of the word that `pos` falls in ("لتعرية التربة"
    -> "التربة"); a longer run is a script written without spaces, read as it comes."""
    end = s.find(" ", pos)
    end = len(s) if end < 0 else end
    return _next_word(s, end if end - pos <= MAX_WORD_ENDING else pos)


def _layer_regex(words: str, substrings: str, ending: int) -> _Alternatives | re.Pattern[str]:
    """Whole `words` (those of 5 letters or more with up to `ending` more letters: "kavajen"), and
    `substrings`: anywhere in a script without spaces, from a word's start in one with them."""
    # A match always ends where its word does, so any alternative that fits gives the same span:
    # a trie (trie.py) finds it in one attempt per character, a list of words tried each in turn.
    ending_fragment = [f"[^\\W\\d_]{{0,{ending}}}"] if ending else []
    whole = [literal_fragments(w) + (ending_fragment if len(w) >= 5 else [])
             for w in {normalize_term(w) for w in words.split()}]
    alts = [rf"(?<![^\W_])(?:{trie_pattern(whole)})(?![^\W_])"] if whole else []
    subs = {normalize_term(x) for x in _split_list(substrings)}
    spaced = sorted(x for x in subs if _SPACED_SCRIPT_LETTER.match(x))
    glued = sorted(x for x in subs if not _SPACED_SCRIPT_LETTER.match(x))
    if spaced:
        alts.append(r"(?<![^\W_])(?:" + substring_pattern(spaced) + ")")
    if glued:
        alts.append(substring_pattern(glued))
    return _Alternatives(alts) if len(alts) > 1 else re.compile("|".join(alts))


class _Alternatives:
    """re.compile("|".join(alternatives)), searched in less time: re tries every alternative at
    every position of the text, but each alternative alone is a scan that re runs fast (in C, to
    the characters that can start it), so the leftmost place where any matches is found first,
    and the whole pattern is tried from there: the same match."""

    def __init__(self, alternatives: Sequence[str]) -> None:
        self.pattern = "|".join(alternatives)
        self._whole = re.compile(self.pattern)
        self._parts = [re.compile(a) for a in alternatives]

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(s) if endpos is None else endpos
        starts = [m.start() for part in self._parts if (m := part.search(s, pos, end)) is not None]
        return self._whole.search(s, min(starts), end) if starts else None

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        # as re.finditer for a pattern that never matches empty (words, phrases)
        while (m := self.search(s, pos, endpos)) is not None:
            yield m
            pos = max(m.end(), m.start() + 1)


def _ends_with_object(s: str, end: int, objects: frozenset[str], fillers: frozenset[str]) -> bool:
    """True when the text before `end` ends with one of `objects`, after dropping filler words
    ("안경 좀 벗겨": glasses, please, off). Scripts written without spaces ("帽子を脱がせ") match
    on the tail of the previous run of text."""
    head = s[:end].rstrip()
    while True:
        word = head[head.rfind(" ") + 1:]
        if word not in fillers or not word:
            break
        head = head[:len(head) - len(word)].rstrip()
    return any(head.endswith(o) for o in objects)


def _thing_is_subject(before: Sequence[str], after: str, things: AbstractSet[str], copulas: AbstractSet[str],
                      people: AbstractSet[str] = frozenset()) -> bool:
    """Whether a nudity word is said of a thing: a thing and "to be" before it ("the wall is
    bare", "le mur est tout nu"), the thing with a complement ("la pared del salón está
    desnuda", "the wall of the room is bare"), the thing with a place that names no one
    ("la pared de detrás desnuda", "стіни у вітальні якісь голі"), or a thing before it and
    "to be" after ("duvar çıplak olsun"). `before`: the words before it, nearest last; `after`:
    the word after it; `people`: words for a person, which the place must not hold."""
    k = len(before)
    while k > 0 and len(before) - k < 2 and before[k - 1] in copulas:
        k -= 1
    if people and after not in people:
        for t in range(k - 2, max(-1, k - 2 - PLACE_WORDS), -1):
            if before[t] in things and (before[t + 1] in L.PLACE_PREPOSITIONS or before[t + 1] in L.OF_WORDS) \
                    and not any(w in people for w in before[t + 1:k]):
                return True
    if 0 < k < len(before):
        if before[k - 1] in things:
            return True
        # a complement of one word, or of an article and a word, after the thing: "del salón", "of the room"
        for of in (k - 2, k - 3):
            if of > 0 and before[of] in L.OF_WORDS and before[of - 1] in things and (
                    of == k - 2 or before[k - 2] in L.OF_ARTICLES):
                return True
    return bool(before) and before[-1] in things and after in copulas


def _in_sentence(s: str, spans, first: int, last: int, before: int, after: int,
                 breaks: re.Pattern[str] | None = None) -> tuple[int, int]:
    """(lo, hi), the token range first..last (inclusive) widened by up to `before` tokens to the left
    and `after` to the right, without crossing a sentence break (or `breaks`: _CLAUSE_GAP_BREAK for a clause)."""
    breaks = breaks or _SENTENCE_BREAK
    lo, hi = first, last
    while lo > 0 and first - lo < before and not breaks.search(s, spans[lo - 1][1], spans[lo][0]):
        lo -= 1
    while hi + 1 < len(spans) and hi - last < after and not breaks.search(s, spans[hi][1], spans[hi + 1][0]):
        hi += 1
    return lo, hi


def _glued_at(toks, spans, i: int, entries) -> frozenset[str] | None:
    """The languages of the glued word (pieces, languages) that ends at token i: its pieces are the
    tokens up to i, with nothing between them ("2la3" read as "2", "la", "3"); or None."""
    for pieces, langs in entries:
        first = i - len(pieces) + 1
        if first >= 0 and tuple(toks[first:i + 1]) == pieces and all(
                spans[k][1] == spans[k + 1][0] for k in range(first, i)):
            return langs
    return None


def _previous_word(s: str, end: int) -> str:
    """The space-separated word that ends right before `end` (skipping spaces)."""
    head = s[:end].rstrip()
    return head[head.rfind(" ") + 1:]


def _whole_word_at(s: str, start: int, end: int) -> str:
    """The word of s that holds s[start:end], to its letters on both sides ("المايوهات" around "مايوه")."""
    while start > 0 and s[start - 1].isalnum():
        start -= 1
    while end < len(s) and s[end].isalnum():
        end += 1
    return s[start:end]


def _split_list(spec: str) -> list[str]:
    return [e.strip() for e in spec.split(",") if e.strip()]


def _norm_words(raw: str, accented: bool) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for w in raw.split():
        stem = w.endswith("*")
        w = w.rstrip("*")
        n = normalize_lexicon(w)
        view = n.accented if accented else n.digits
        toks = TOKEN.findall(view)
        for k, t in enumerate(toks):
            out.append((t, stem and k == len(toks) - 1))
    return out


def _neighbour_words(words: Iterable[str], accented: bool) -> frozenset[str]:
    """A term's block-next or block-prev words, accented like the term ("cởi nút áo" -> "khoác")."""
    return frozenset(w for e in words for w, _ in _norm_words(e, accented))


# Arabic glues prepositions, "and" and the article to the noun: "لأشجار", "للأشجار", "بالجدار".
_AR_PROCLITICS = ("", "ل", "ب", "و", "ف", "ك", "ال", "لل", "بال", "وال", "فال", "كال", "وب", "ول")


def _with_proclitics(nouns: Iterable[str]) -> frozenset[str]:
    return frozenset(p + (w[2:] if w.startswith("ال") else w) for w in nouns for p in _AR_PROCLITICS)


def _word_set(spec: str) -> frozenset[str]:
    out = set()
    for w in spec.split():
        out.update(TOKEN.findall(normalize_term(w)))
    return frozenset(out)


class _Compiled:
    """Everything precompiled from the lexicon, built once per process."""

    def __init__(self) -> None:
        self.exact: dict[str, list[_Pattern]] = {}
        self.stem4: dict[str, list[_Pattern]] = {}
        self.acc_exact: dict[str, list[_Pattern]] = {}
        self.has_accented_first: set[str] = set()
        # Nouns for things per language: a bare word of one language ("dong", a field in
        # Vietnamese) is a particle in another ("telanjang dong"). English ones count everywhere.
        self._things_by_lang = {lang: _word_set(spec) for lang, spec in L.INANIMATE.items()}
        # The same nouns as whole space-separated words, for the substring scripts (whose
        # vowel signs split TOKEN words apart).
        self.things_words = frozenset(normalize_term(w) for spec in L.INANIMATE.values() for w in spec.split()) \
            | _with_proclitics(normalize_term(w) for w in L.INANIMATE["ar"].split())
        self.things_and_cosmetics = self.things_words | {normalize_term(w) for w in L.COSMETICS.split()}
        self.glamour_things = _word_set(L.GLAMOUR_THINGS)
        # words for a person, between "sexy" and a vehicle ("a sexy woman in a red car" is about her)
        # or between undressing words and a mannequin ("undress the woman next to the mannequin")
        self.person_words = _word_set(" ".join(v.replace(",", " ") for v in SUGGESTIVE_CUES["person"].values())
                                      + " " + L.PERSON_PRONOUNS)
        self._cosmetics = _word_set(L.COSMETICS)
        self.copulas = _word_set(L.COPULAS)
        self.copula_words = frozenset(normalize_term(w) for w in L.COPULAS.split())  # substring scripts
        self._undress_objects = _word_set(L.UNDRESS_OBJECTS)
        self._store_next = _word_set(L.STORE_THINGS_NEXT)
        self._store_prev = _word_set(L.STORE_THINGS_PREV)
        self.garment_things = _word_set(L.GARMENT_THINGS)
        self.accessories = _word_set(L.ACCESSORIES)
        self.recolour = _word_set(L.RECOLOUR_WORDS)
        self.skin_words = _word_set(L.SKIN_WORDS)
        self.skin_tone = _word_set(L.SKIN_TONE)
        self.make_up = self._cosmetics - self.recolour - self.skin_tone  # lipstick, polish: not colour words
        self.garment_thing_heads = tuple(_word_set(L.GARMENT_THING_HEADS))
        self.garment_place_endings = tuple(L.GARMENT_PLACE_ENDINGS.split())
        self.garment_place_next = _word_set(L.GARMENT_PLACE_NEXT)
        self.fabric = _word_set(L.FABRIC)
        # a trie: one alternation with lookarounds per word took 0.6 ms on a 1,000-character prompt
        self.display_re = SubstringMatcher({normalize_term(e) for e in _split_list(L.DISPLAY_WORDS)})
        self.outer_garments = _word_set(L.OUTER_GARMENTS)
        self.vanish_words = _word_set(L.VANISH_WORDS)
        self.separable = {normalize_term(v): normalize_term(p) for v, p in L.SEPARABLE_UNDRESS.items()}
        self.separable_persons = self.person_words | _word_set(L.SEPARABLE_PERSONS)
        self.separable_tail = _word_set(L.SEPARABLE_TAIL)
        self.clause_final_particles = _word_set(L.CLAUSE_FINAL_PARTICLES)
        self.clause_final_followers = self.separable_tail | _word_set(L.CLAUSE_FINAL_FOLLOWERS)
        self.mannequins = _layer_regex("", L.MANNEQUINS, 0)
        self.pets = _layer_regex(L.PETS, L.PET_SUBSTRINGS, 0)
        self.person_substrings = _layer_regex("", L.PERSON_SUBSTRINGS, 0)
        self.layer_outer = _layer_regex(L.LAYER_OUTER, L.LAYER_OUTER_SUBSTRINGS, L.LAYER_ENDING)
        self.layer_inner = _layer_regex("", L.LAYER_INNER_SUBSTRINGS, 0)
        self.layer_keep = _layer_regex(L.LAYER_KEEP, L.LAYER_KEEP_SUBSTRINGS, 0)
        # made see-through, wet or x-rayed: the kept shirt is no retouch then
        self.layer_guard = _layer_regex("", ", ".join([L.TRANSPARENT.replace("*", ""), L.XRAY, L.LAYER_GUARD]), 0)
        # "and" or "then" in any language: a second garment that goes too
        self.and_then = _word_set(" ".join(L.AND_WORDS.values()) + " " + L.LAYER_THEN)
        self.vanish_owners = _word_set(L.VANISH_OWNERS)
        self.wear_words = _word_set(L.WEAR_WORDS)
        self.under_of = _word_set(L.UNDER_OF)
        # (kind, lang) -> nouns for things, see _things_for
        self._things: dict[tuple[str, str], tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}
        entries: list[tuple[str, str, str]] = []
        for kind, by_lang in L.TERMS.items():
            for lang, spec in by_lang.items():
                entries.extend((kind, lang, e) for e in _split_list(spec))
        entries.extend((K.TEXT_REAL_PERSON, "*", e) for e in _split_list(L.FAMOUS_PEOPLE))
        for kind, lang, e in entries:
            self._add(kind, lang, e)
        # Idioms ("in nothing but her shoes") are matched like terms, but their words ("nothing",
        # "wearing") stay ordinary words: no lexicon words for slips and glued-word cuts below.
        idiom_words: set[str] = set()  # never read as a slip of a lexicon word either
        idioms: list[tuple[str, str, str]] = []
        for kind, by_lang in L.IDIOMS.items():
            for lang, spec in by_lang.items():
                if lang not in L.SUBSTRING_TERMS[kind]:  # the others join their script's substring terms below
                    for e in _split_list(spec):
                        self._add(kind, lang, e)
                        idioms.append((kind, lang, e))
                        idiom_words.update(w for w, _ in _norm_words(_score(e, L.DIRECT)[0], False))
        # Terms spelt with digits as letters (Arabizi "shla7ha": 7 is ح) are also looked for in
        # the view where leet was not decoded, since decoding turns them into other words.
        self.digit_terms: dict[str, tuple[str, str, float, str]] = {}
        # (idioms only in romanised scripts: "nud3" is "nude" once decoded, with its look-alikes)
        for kind, lang, e in entries + [i for i in idioms if i[1].endswith("-latn")]:
            term, score = _score(e, L.DIRECT)
            key = normalize_term(term)
            if "*" not in term and _HAS_DIGIT.search(key) and _LETTER.search(key):
                self.digit_terms[key] = (kind, lang, score, term)
        self.digit_terms_re = re.compile(r"(?<![^\W_])(?:" + "|".join(
            re.escape(k) for k in sorted(self.digit_terms, key=len, reverse=True)) + r")(?![^\W_])")

        # Removal context rule.
        self.remove_pre, self.remove_pre_glued = self._split_lang_words(L.REMOVE_PRE)
        self.remove_weak = self._lang_words(L.REMOVE_WEAK)
        self.remove_prep = self._lang_words(L.REMOVE_PREP)
        self.under_garment = self._lang_words(L.UNDER_GARMENT)
        self.remove_post = self._lang_words(L.REMOVE_POST)
        self.post_anchors = {k: _word_set(v) for k, v in L.POST_ANCHORS.items()}
        self.off_verbs = _word_set(L.OFF_VERBS)
        self.off_objects = _word_set(L.OFF_OBJECTS)
        self.possessives = _word_set(L.POSSESSIVES)
        self.determiners = _word_set(L.DETERMINERS) | self.possessives
        # the words a follow-up turn may hold besides its garments: markers, fillers, determiners
        self.follow_up_markers = _word_set(" ".join(L.FOLLOW_UP_MARKERS.values()))
        self.follow_up_words = self.follow_up_markers | _word_set(" ".join(L.FOLLOW_UP_FILLERS.values())) \
            | self.determiners
        self.follow_up_go_on = _word_set(L.FOLLOW_UP_GO_ON)
        self.object_stop = _word_set(L.OBJECT_STOP)
        self.photo_words = _word_set(L.PHOTO_WORDS)
        self.from_person = _word_set(L.FROM_PERSON)
        self.keep_verbs = _word_set(L.KEEP_VERBS)
        self.lace = tuple(normalize_term(w) for w in L.NIGHTWEAR_LACE.split())
        self.sleep = tuple(normalize_term(w) for w in L.NIGHTWEAR_SLEEP.split())
        self.lace_first = frozenset(w[:4] for w in self.lace)  # prefilter on tokens' first four letters
        self.not_sleep = _word_set(L.NIGHTWEAR_NOT_SLEEP)
        self.transparent_stop = _word_set(L.TRANSPARENT_STOP)
        self.never = _word_set(L.NEVER_WORDS)
        self.forgetting = _word_set(L.FORGOT_WORDS) | self.never
        self.dressing = _word_set(L.DRESSING_VERBS)
        self.dressing_not_next = _word_set(L.DRESSING_NOT_NEXT)
        self.put_on = _word_set(L.PUT_ON_VERBS)
        self.outfits = _word_set(L.OUTFITS)
        self.uniform_wearers = _word_set(L.UNIFORM_WEARERS) | self.person_words
        self.jersey_words = _word_set(L.JERSEY_WORDS)
        self.only_words = _word_set(L.ONLY_WORDS)
        self.only_pairs = frozenset(tuple(TOKEN.findall(normalize_term(p))) for p in _split_list(L.ONLY_PAIRS))
        self.without_words = _word_set(L.WITHOUT_WORDS)
        self.no_words = _word_set(L.NO_WORDS)
        self.whole_clothes = _word_set(L.WHOLE_CLOTHES)
        self.no_clothes_gap = _word_set(L.NO_CLOTHES_GAP)
        self.cover_verbs = _word_set(L.COVER_VERBS)
        self.cover_garments = _word_set(L.COVER_GARMENTS)
        self.cover_verb_sub_re = SubstringMatcher({normalize_term(e) for e in _split_list(L.COVER_VERB_SUBSTRINGS)})
        self.cover_garment_sub_re = SubstringMatcher({normalize_term(e) for e in _split_list(L.COVER_GARMENT_SUBSTRINGS)})
        self.anything_words = _word_set(L.ANYTHING_WORDS)
        self.cover_guards = self.only_words | self.anything_words | self.without_words | self.no_words
        self.wear_look = _word_set(L.WEAR_LOOK_WORDS)
        self.anything_else = _word_set(L.ANYTHING_ELSE)
        self.towels = _word_set(L.TOWELS)
        self.under_after = _word_set(L.UNDER_AFTER)
        self.under_after_links = _word_set(L.UNDER_AFTER_LINKS)
        self.uncovering = _word_set(L.UNCOVERING_ITEMS)
        self.uncovering_wear = _word_set(L.UNCOVERING_WEAR) | self.wear_look
        self.on_her = _word_set(L.ON_HER)
        self.on_words = _word_set(L.ON_WORDS)
        self.swap_verbs = _word_set(L.SWAP_VERBS)
        self.cover_removals = (frozenset(self.remove_pre) | frozenset(self.remove_weak) | self.off_verbs | self.vanish_words
                               | self.swap_verbs)
        self.swap_to = _word_set(L.SWAP_TO)
        self.rest_phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in _split_list(L.REST_PHRASES):
            words = tuple(TOKEN.findall(normalize_term(phrase)))
            self.rest_phrases.setdefault(words[0], []).append(words)
        # the word that tells a rest phrase apart ("rest", "else", "demas"): its first word is often "the"
        self.rest_lasts = frozenset(p[-1] for ps in self.rest_phrases.values() for p in ps)
        self.late_rule_words = self.forgetting | self.rest_lasts | self.skin_words
        self.first_words = _word_set(L.FIRST_WORDS)
        self.nothing_phrases = PhraseTable((p, True) for p in (normalize_term(x) for x in _split_list(L.NOTHING_PHRASES)))
        self.on_person = PhraseTable((p, True) for p in (normalize_term(x) for x in _split_list(L.ON_PERSON_PHRASES)))
        self.nothing_on_after_her = _word_set(L.NOTHING_ON_AFTER_HER)
        self.fabric_after = _word_set(L.FABRIC_AFTER)
        self.merchandise_plurals = _word_set(L.MERCHANDISE_PLURALS)
        self.merchandise_display = SubstringMatcher({normalize_term(e) for e in _split_list(L.MERCHANDISE_DISPLAY)})
        self.dressing_before = _word_set(L.DRESSING_BEFORE)
        self.fabric_persons = _word_set(L.FABRIC_PERSONS) | self.person_words | self.on_her | self.possessives
        self.nothing_on_guards = _word_set(L.NOTHING_ON_GUARDS) | self.anything_else | self.swap_verbs | self.recolour
        self.first_sub_re = SubstringMatcher({normalize_term(e) for e in _split_list(L.FIRST_SUBSTRINGS)})
        self.rest_sub_re = SubstringMatcher({normalize_term(e) for e in _split_list(L.REST_SUBSTRINGS)})
        self.put_on_final = _word_set(L.PUT_ON_VERBS_FINAL)
        self.negations = _word_set(L.NEGATIONS)
        self.home_textiles = _word_set(L.NIGHTWEAR_HOME)
        self.fabric_things = _word_set(L.FABRIC_THINGS) | self.home_textiles
        self.lace_sub_re = SubstringMatcher({normalize_term(e) for e in _split_list(L.NIGHTWEAR_LACE_SUBSTRINGS)})
        self.sleep_sub_re = SubstringMatcher({normalize_term(e) for e in _split_list(L.NIGHTWEAR_SLEEP_SUBSTRINGS)})
        self.removal_of = _word_set(L.REMOVAL_OF)
        self.clothing: dict[str, tuple[frozenset[str], bool]] = {}
        self.clothing_stems: dict[str, list[tuple[str, str]]] = {}
        for lang, spec in L.CLOTHING.items():
            for w in spec.split():
                ambiguous = w.endswith("?")
                stem = w.rstrip("?").endswith("*")
                for t in TOKEN.findall(normalize_term(w.rstrip("?*")))[-1:]:
                    if stem:
                        self.clothing_stems.setdefault(t[:4], []).append((t, lang))
                    else:
                        langs, amb = self.clothing.get(t, (frozenset(), False))
                        self.clothing[t] = (langs | {lang}, amb or ambiguous)
        # "See-through" phrases by the first four letters of their first word, in lexicon order:
        # only those can match a word that starts with the same four.
        self.transparent: dict[str, list[list[tuple[str, bool]]]] = {}
        for e in _split_list(L.TRANSPARENT):
            words = _norm_words(e, False)
            first, stem = words[0]
            if stem and len(first) < 4:
                raise ValueError(f"stem too short in lexicon: {e!r}")
            self.transparent.setdefault(first[:4], []).append(words)
        self.transparent_first = frozenset(self.transparent)
        self.xray = [_norm_words(e, False) for e in _split_list(L.XRAY)]
        self.xray_targets = _word_set(L.XRAY_TARGETS) | frozenset(self.clothing)
        self.xray_not = _word_set(L.XRAY_NOT)
        self.strip_verbs = _word_set(L.STRIP_VERBS)
        self.strip_objects = _word_set(L.STRIP_OBJECTS)
        # Prefilter sets: a rule runs only when the prompt holds one of its first words.
        # "under" is common ("under a tree"): its rule runs only in a prompt with a garment.
        self.under_first = frozenset(self.under_garment)
        self.removal_first_not_under = frozenset(self.remove_pre) | frozenset(self.remove_pre_glued) | frozenset(self.remove_weak) \
            | frozenset(self.remove_prep) | {"off"}
        self.removal_first = self.removal_first_not_under | self.under_first
        self.removal_words = self.removal_first_not_under | frozenset(self.remove_post)  # before or after the object
        # What the person wears, as a phrase -> its language (the first to list it).
        worn: dict[str, str] = {}
        for lang, spec in L.WORN_PHRASES.items():
            for phrase in _split_list(spec):
                worn.setdefault(" ".join(w for w, _ in _norm_words(phrase, False)), lang)
        self.worn = PhraseTable(worn.items())
        self.worn_verbs = self.removal_first_not_under | frozenset(self.remove_post)
        self.clothing_first = frozenset(self.clothing)
        self.clothing_stem_first = frozenset(self.clothing_stems)
        self.xray_first = frozenset(words[0][0] for words in self.xray)
        self.xray_strip_first = self.xray_first | self.strip_verbs
        # First words of multi-word terms only ("a", "on", "in"): such a word is a candidate
        # only when a second word of one of its terms is in the prompt too.
        self.second_words: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        for first, pats in self.exact.items():
            if all(len(p.words) >= 2 and (not p.words[1][1] or len(p.words[1][0]) >= 4) for p in pats):
                exact2 = frozenset(p.words[1][0] for p in pats if not p.words[1][1])
                stem2 = frozenset(p.words[1][0][:4] for p in pats if p.words[1][1])
                self.second_words[first] = (exact2, stem2)
        # What the other words of each such term need in the prompt: its exact words, and the first
        # four letters of its stems of four letters or more (a shorter stem needs nothing here).
        self.term_needs = {first: tuple({(frozenset(w for w, stem in p.words[1:] if not stem),
                                          frozenset(w[:4] for w, stem in p.words[1:] if stem and len(w) >= 4))
                                         for p in self.exact[first]})
                           for first in self.second_words}

        # Single-word sexual terms that a split word may hide ("na ckt" -> "nackt").
        self.rejoin_exact = frozenset(w for w, pats in self.exact.items()
                                      if len(w) >= REJOIN_MIN and any(len(p.words) == 1 and p.kind in K.SEXUAL_TEXT_KINDS
                                                                      for p in pats))
        rejoin_stems = [p.words[0][0] for pats in self.stem4.values() for p in pats
                        if len(p.words) == 1 and p.kind in K.SEXUAL_TEXT_KINDS]
        self.rejoin_stems: dict[str, tuple[str, ...]] = {}  # by their first four letters
        for stem in sorted(set(rejoin_stems)):
            self.rejoin_stems[stem[:4]] = self.rejoin_stems.get(stem[:4], ()) + (stem,)
        # First pieces worth a look (proper prefixes of 2+ letters of those terms and stems),
        # and each with the letter that must start the next piece.
        rejoinable = (*self.rejoin_exact, *rejoin_stems)
        self.rejoin_firsts = frozenset(t[:k] for t in rejoinable for k in range(2, len(t)))
        self.rejoin_pairs = frozenset((t[:k], t[k]) for t in rejoinable for k in range(2, len(t)))
        # Two-word phrases the lexicon reads as phrases ("see through" + clothing): their
        # glued spelling is a term, but the spaced one must keep its own, stricter rule.
        phrases = [e for spec in (L.TRANSPARENT, L.XRAY) for e in _split_list(spec)]
        phrases += [e for by_lang in L.TERMS.values() for spec in by_lang.values() for e in _split_list(spec)]
        self.rejoin_phrases = frozenset("".join(w for w, _ in _norm_words(_score(e, 0)[0].lstrip("^"), False))
                                        for e in phrases if " " in e.strip())
        # The same phrases spelt as one word, for tokens that an obfuscation step glued ("k h ỏ a t h â n"):
        # a phrase of whole words, 6 letters or more glued
        self.glued_phrases: dict[str, _Pattern] = {}
        for pats in (*self.exact.values(), *self.acc_exact.values()):
            for pat in pats:
                if len(pat.words) < 2 or any(stem for _, stem in pat.words) or pat.kind not in K.SEXUAL_TEXT_KINDS:
                    continue
                glued = "".join(w for w, _ in _norm_words(" ".join(w for w, _ in pat.words), False))  # accents off
                if len(glued) >= 6:
                    self.glued_phrases.setdefault(glued, pat)
        self.exact_first = frozenset(self.exact)
        # A first word's terms that may match, by the word after it: those whose second word it is,
        # with the single-word terms and those whose second word is a stem ("in" starts hundreds of
        # terms, and a prompt has "in" often). In the lexicon's order, as _hits tries them.
        def any_next(p: _Pattern) -> bool:  # a single word, or a stem second
            return len(p.words) == 1 or p.words[1][1]

        self.exact_always = {first: tuple(p for p in pats if any_next(p)) for first, pats in self.exact.items()}
        self.exact_by_next = {first: {second: tuple(p for p in pats if any_next(p) or p.words[1][0] == second)
                                      for second in {p.words[1][0] for p in pats if not any_next(p)}}
                              for first, pats in self.exact.items()}
        self.second_first = frozenset(self.second_words)
        self.stem4_first = frozenset(self.stem4)

        # Ages.
        self.age_units: list[tuple[tuple[tuple[str, bool], ...], float]] = []
        for e in _split_list(L.AGE_UNITS):
            e, score = _score(e, 0.9)
            self.age_units.append((tuple(_norm_words(e, False)), score))
        self.age_units.sort(key=lambda u: -len(u[0]))  # longest unit first: "jahre alt"
        self.age_unit_first = {u[0][0][0] for u in self.age_units}
        self.cjk_units = tuple(u[0][0][0] for u in self.age_units if not u[0][0][0].isascii()
                               and len(u[0][0][0]) == 1)
        self.age_prefix = _word_set(L.AGE_PREFIX.replace(",", " "))
        self.numbered_things = _word_set(L.NUMBERED_THINGS)
        self.laundry_after = _word_set(L.LAUNDRY_AFTER)
        self.remove_post_far = _word_set(L.REMOVE_POST_FAR)
        self.clause_joiners = _word_set(L.CLAUSE_JOINERS)
        self.and_words = self._lang_words(L.AND_WORDS)
        self.age_next_block = _word_set(L.AGE_NEXT_BLOCK)
        self.age_prev_block = _word_set(L.AGE_PREV_BLOCK)
        self.number_words: dict[str, int] = {}
        for spec in L.NUMBER_WORDS.values():
            for e in _split_list(spec):
                w, v = e.rsplit(" ", 1)
                for t in TOKEN.findall(normalize_term(w))[-1:]:
                    self.number_words[t] = int(v)
        self.grade_words = _word_set(L.GRADE_WORDS.replace(",", " "))
        self.ordinal_suffix = _word_set(L.ORDINAL_SUFFIX.replace(",", " "))
        self.age_words = frozenset(self.number_words) | self.grade_words

        # Substring scripts.
        self.sub_index: dict[str, list[tuple[str, str, float, str]]] = {}
        for kind, by_lang in L.SUBSTRING_TERMS.items():
            for lang, spec in by_lang.items():
                for e in _split_list(spec) + _split_list(L.IDIOMS.get(kind, {}).get(lang, "")):
                    e, score = _score(e, L.DIRECT)
                    key = normalize_term(e)
                    self.sub_index.setdefault(key, []).append((kind, lang, score, e))
        self.sub_re = SubstringMatcher(self.sub_index)
        self.sub_laundry = SubstringMatcher({normalize_term(e) for e in _split_list(L.SUBSTRING_LAUNDRY)})
        self.sub_removal = [_substring_removal(*spec, self.sub_laundry) for spec in L.SUBSTRING_REMOVAL]
        self.caption_words = re.compile(
            "(?<![^\\W_])(?:" + "|".join(re.escape(normalize_term(w)) for w in _split_list(L.CAPTION_WORDS)) + ")|"
            + substring_pattern({normalize_term(w) for w in _split_list(L.CAPTION_SUBSTRINGS)}))
        # every substring language's garments, removal verbs and things on garments, in one pattern each
        sub_garments, sub_verbs, sub_things = (
            {e: normalize_term(e) for spec in L.SUBSTRING_REMOVAL for e in _split_list(spec[k])} for k in (1, 2, 5))
        self.sub_removal_garments, self.sub_removal_verbs, self.sub_removal_things = (
            SubstringMatcher({t for e, t in entries.items() if not e.isascii()})
            for entries in (sub_garments, sub_verbs, sub_things))
        # What a word split by spaces in Arabic, Persian, Urdu, Hebrew, Devanagari, Bengali or Korean
        # may hide ("ازل مل ابسها", "ন্যা ং টা", "벗 겨 줘"): their substring terms and garments of
        # four letters or more, two Hangul syllables or more
        def long_enough(t: str) -> bool:
            return len(t) >= (2 if _HANGUL.match(t) else 4) and _SPLIT_WORD_SCRIPTS.match(t) is not None

        split_targets = ({k for k, entries in self.sub_index.items() if long_enough(k)
                          and any(kind in K.SEXUAL_TEXT_KINDS for kind, *_ in entries)}
                         | {t for t in sub_garments.values() if long_enough(t)})
        self.split_targets = SubstringMatcher(split_targets)
        self.follow_up_substring = [_follow_up_pieces(lang, markers, fillers)
                                    for lang, (markers, fillers) in L.FOLLOW_UP_SUBSTRING.items()]
        # whole space-separated words: TOKEN would cut Thai words at their vowel signs
        self.sub_object_before = {normalize_term(k): frozenset(normalize_term(w) for w in v.split())
                                  for k, v in L.SUBSTRING_OBJECT_BEFORE.items()}
        self.sub_object_fillers = _word_set(L.SUBSTRING_OBJECT_FILLERS)
        self.sub_benign_after = {normalize_term(k): tuple(normalize_term(x.strip()) for x in v.split(","))
                                 for k, v in L.SUBSTRING_BENIGN_AFTER.items()}
        glued: dict[str, str] = {}
        for kind, spec in L.GLUED_STEMS.items():
            for e in _split_list(spec):
                glued[e] = kind
        self.glued = glued
        self.glued_re = re.compile("|".join(sorted(glued, key=len, reverse=True)))

        # Words typed with one slip ("roxbierz"): read as the lexicon word they miss by one
        # edit, when that word is a term, a piece of clothing or a removal verb.
        words, stems, phrases = set(), set(), set()
        # chat spelling without vowels, in the languages whose chat writes so ("lpsin bjunya"); not a
        # real word of another language that lacks one vowel of a term ("gołe", bare, is no "goale")
        drop_langs = L.VOWEL_DROP_LANGS
        drop_words: set[str] = set()
        for kind, lang, e in entries:
            if kind != K.TEXT_REAL_PERSON:
                pieces = _norm_words(_score(e, L.DIRECT)[0].lstrip("^"), False)
                for t, is_stem in pieces:
                    (stems if is_stem else words).add(t)
                if lang in drop_langs:
                    drop_words.update(t for t, is_stem in pieces if not is_stem)
                if len(pieces) > 1 and not pieces[-1][1]:
                    phrases.add(tuple(t for t, _ in pieces))
        words.update(self.clothing, self.remove_pre, self.remove_post)
        # the pieces of a cut removal verb stay lexicon words for slips and cuts, as they were when the
        # removal rule read them alone: the frequent-word list, and so the model's corpus, is unchanged
        words.update(p for glued in self.remove_pre_glued.values() for pieces, _ in glued for p in pieces)
        stems.update(t for stems_of in self.clothing_stems.values() for t, _ in stems_of)
        # a frequent word of a served language is never a slip (Malay "pinggan", a plate)
        known = common_words() | word_frequencies().keys() | words | idiom_words | _STEM_EXCEPTIONS
        self.slips = NearMissIndex(words, stems, known)
        drop_words.update(w for w, (langs, _) in self.clothing.items() if not langs.isdisjoint(drop_langs))
        drop_words.update(w for table in (self.remove_pre, self.remove_post) for w, langs in table.items()
                          if not langs.isdisjoint(drop_langs))
        self.vowel_drops = VowelDropIndex(drop_words, known)
        # Glued tokens ("ziehsiekomplettaus") cut back into known words, and the words worth
        # such a cut: those that can start a term or a rule.
        self.breaker = WordBreaker(
            word_frequencies(), words, stems,
            self.remove_weak.keys() | self.remove_prep.keys() | self.determiners | self.off_objects | self.strip_objects,
            common_words() | _STEM_EXCEPTIONS, phrases)
        # Lexicon words split apart ("baj unya", "tam-amen", "ent-klei-de"): each beginning of
        # one with the letter that must start the next piece.
        joinable = [w for w in words if len(w) >= REJOIN_MIN and w.isalpha()]
        joinable += [w for w in stems if len(w) >= STEM_MIN and w.isalpha()]  # with their endings
        self.join_pairs = frozenset((w[:k], w[k]) for w in joinable for k in range(2, len(w)))

    def read_as(self, token: str) -> str | None:
        """The lexicon word an unknown `token` is a slip of ("roxbierz"), an elongated single-word
        term ("nakkeed" -> "naked"), or a word of VOWEL_DROP_LANGS without vowels ("lpsin"); else None."""
        if token in self.slips.known:
            return None
        fixed = self.slips.correct(token) if len(token) >= MIN_LENGTH else None
        if fixed is None:
            squashed = squash_all(token)
            if squashed != token and squashed in self.rejoin_exact:
                return squashed
            return self.vowel_drops.correct(token)
        return fixed

    @staticmethod
    def _lang_words(spec: dict[str, str]) -> dict[str, frozenset[str]]:
        """Word -> its languages, for the words that are one token (`_split_lang_words`)."""
        return _Compiled._split_lang_words(spec)[0]

    @staticmethod
    def _split_lang_words(spec: dict[str, str]) -> tuple[dict[str, frozenset[str]],
                                                         dict[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]]:
        """(word -> its languages, for the words that are one token; the words that the tokens cut
        apart, by their last token -> (pieces, languages)). A cut word ("2la3": "2", "la", "3") is read
        whole only: its pieces alone are other words ("la", "3")."""
        whole: dict[str, set[str]] = {}
        glued: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        for lang, words in spec.items():
            for w in words.split():
                pieces = tuple(TOKEN.findall(normalize_term(w)))
                if len(pieces) == 1:
                    whole.setdefault(pieces[0], set()).add(lang)
                elif pieces:
                    glued.setdefault(pieces[-1], []).append((pieces, frozenset({lang})))
        return {k: frozenset(v) for k, v in whole.items()}, {k: tuple(v) for k, v in glued.items()}

    def _things_for(self, kind: str, lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """(nouns checked after the term, before it in noun-first languages, before it elsewhere)
        for a term of `kind` in `lang`: the things of that language and of English."""
        key = (kind, lang)
        if key not in self._things:
            by_lang = self._things_by_lang
            if lang in by_lang or lang.split("-")[0] in by_lang:
                kin = _SIBLING_LANGS.get(lang, ()) + (lang, lang.split("-")[0], "en")
                things = frozenset().union(*(by_lang.get(x, frozenset()) for x in kin))
            else:  # "*" and languages without a list: every list
                things = frozenset().union(*by_lang.values())
            if kind == K.TEXT_NUDITY:
                c = self._cosmetics
                self._things[key] = (things | c, things | c, c)
            elif kind == K.TEXT_UNDRESS:
                # "arbres dénudés": in the noun-first languages the thing comes first
                self._things[key] = (things | self._undress_objects, things, frozenset())
            elif kind in MERCHANDISE_KINDS:
                # "the lingerie display"; "le rayon lingerie", a loanword after a French noun, in any language
                self._things[key] = (self._store_next, self._store_prev, self._store_prev)
            else:
                self._things[key] = _NO_THINGS
        return self._things[key]

    def _add(self, kind: str, lang: str, entry: str) -> None:
        entry, score = _score(entry, L.DIRECT if kind != K.TEXT_REAL_PERSON else 0.9)
        accented = entry.startswith("^")
        entry = entry.lstrip("^")
        words = tuple(_norm_words(entry, accented))
        if not words:
            return
        key = " ".join(w for w, _ in words)
        pat = _Pattern(
            words=words,
            kind=kind,
            lang=lang,
            score=score,
            term=entry,
            accented=accented,
            block_next=_neighbour_words(L.BLOCK_NEXT.get(key, ()), accented),
            block_prev=_neighbour_words(L.BLOCK_PREV.get(key, ()), accented),
            other_sense=tuple(map(_word_set, L.OTHER_SENSE[key])) if key in L.OTHER_SENSE else None,
            things_next=self._things_for(kind, lang)[0],
            things_prev=self._things_for(kind, lang)[1 if lang in L.NOUN_FIRST_LANGS else 2],
        )
        self._register(pat)
        chat = L.CHAT_SPELLINGS.get(lang)
        if chat:
            # the same term in chat spelling ("ko mặc áo" for "không mặc áo"), one word at a time; chat
            # drops the accents, so an accented term is read without them once a chat word is in it
            plain = words if not accented else tuple(_norm_words(entry, False))
            for k, (w, stem) in enumerate(plain):
                for short in chat.get(w, ()):
                    self._register(replace(pat, words=plain[:k] + ((short, stem),) + plain[k + 1:], accented=False))

    def _register(self, pat: _Pattern) -> None:
        first, stem = pat.words[0]
        if pat.accented:
            self.acc_exact.setdefault(first, []).append(pat)
        elif stem:
            if len(first) < 4:
                raise ValueError(f"stem too short in lexicon: {pat.term!r}")
            self.stem4.setdefault(first[:4], []).append(pat)
        else:
            self.exact.setdefault(first, []).append(pat)


_NO_THINGS = (frozenset(), frozenset(), frozenset())
VANISH_WINDOW = 4  # words between an outer garment and the verb that makes it vanish
VANISHED_OUTER_SCORE = 0.7  # under a jacket there is usually more clothing: less sure than a dress
SEPARABLE_SCORE = 0.85
FOLLOW_UP_SCORE = 0.6  # a garment alone, in a follow-up turn: above the block threshold, below a verb's
GLAMOUR_MAX = 0.6  # a sexual term this weak ("sexy") may be said of a thing
GLAMOUR_THING_WINDOW = 4  # words between such a term and a vehicle or a cake it describes
_ANY_LANG = frozenset({"*"})
NUMBER_ONE = frozenset("one single einzigen".split())  # "only one earring"
OUTFIT_PERSON_WINDOW = 5  # words after an outfit where the person it is taken off may stand
SKIN_WINDOW = 8  # words either side of a skin word where the garment stands
SKIN_COLOUR_GAP = 3  # words between the skin word and its colour
PLACE_WORDS = 3  # at most this many words of a place between a thing and the nudity word said of it
WITHOUT_ANYTHING_REACH = 2  # words from "without" to "anything" ("sin nada de", "without anything")
_LOCATIVES = L.PLACE_PREPOSITIONS | {"on"}
_SUBSTRING_KEEP = tuple(normalize_term(w) for w in _split_list(L.SUBSTRING_KEEP))
MAX_WORD_ENDING = 3  # letters a substring term may leave of its word ("ه" of "تعريه")
_WORN_KINDS = frozenset({K.TEXT_UNDERWEAR, K.TEXT_SWIMWEAR})  # garments that may be laundry instead
# Languages that share most words: a term of one is read with the other's nouns too.
_SIBLING_LANGS = {"id": ("ms",), "ms": ("id",), "ru": ("uk",), "uk": ("ru",), "es": ("pt",), "pt": ("es",),
                  "hi": ("ur",), "ur": ("hi",), "cs": ("pl",), "pl": ("cs",),
                  "ur-latn": ("hi-latn",),
                  # French "nu" is Portuguese too: "a olho nu" (with the naked eye)
                  "fr": ("pt", "it", "es")}


def _score(entry: str, default: float) -> tuple[str, float]:
    if "=" in entry:
        e, s = entry.rsplit("=", 1)
        return e.strip(), float(s)
    return entry, default


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return _Compiled()


_STEM_EXCEPTIONS = frozenset(L.STEM_EXCEPTIONS.split())


def _word_matches(tok: str, word: str, stem: bool) -> bool:
    if stem:
        return tok.startswith(word) and len(tok) - len(word) <= MAX_STEM_SUFFIX and tok not in _STEM_EXCEPTIONS
    return tok == word


def _may_be_second(second: tuple[frozenset[str], frozenset[str]], toks: list[str], j: int,
                   alts: dict[int, list[str]]) -> bool:
    """Whether token j, or another reading of it, may be the second word of a term whose second
    words are `second` (exact words, first four letters of stems)."""
    if j >= len(toks):
        return False
    exact2, stem2 = second
    return any(x in exact2 or x[:4] in stem2 for x in (toks[j], *alts.get(j, ())))


def _touched(obf: tuple[int, ...], spans: list[tuple[int, int]]) -> list[int]:
    """Indices of the tokens whose span holds one of the sorted positions `obf` (touched by an
    obfuscation step, Normalized.fuzzy), in order: found from those few positions."""
    starts = [a for a, _ in spans] if obf else []
    touched = set()
    for p in obf:
        k = bisect_right(starts, p) - 1
        if k >= 0 and p < spans[k][1]:
            touched.add(k)
    return sorted(touched)


def _is_piece(t: str) -> bool:
    """A piece of a split word (_joins): two letters or more, no digit."""
    return len(t) >= 2 and t.isalpha()


def _where(toks: Sequence[str], chosen: AbstractSet[str]) -> list[int]:
    """Indices of the tokens in `chosen`. A rule picks the prompt's distinct words it wants
    (each tested once, where a token list repeats words) and finds their positions here."""
    if len(chosen) > WHERE_BY_INDEX:
        return [i for i, t in enumerate(toks) if t in chosen]
    # a few words: list.index scans in C, where the comprehension steps through every token
    out: list[int] = []
    for word in chosen:
        i = -1
        try:
            while True:
                i = toks.index(word, i + 1)
                out.append(i)
        except ValueError:
            pass
    out.sort()
    return out


class RuleIntentDetector:
    """The rule half (v1): finds undress / swimwear / underwear / nudity / sexual / minor /
    real-person terms. One Signal per kind found. Evidence spans point into the original
    prompt. `TextIntentDetector` (hybrid.py) combines it with the statistical model.
    """

    name = "text_intent_v1"

    def __init__(self) -> None:
        self._c = _compiled()

    # -- public ---------------------------------------------------------------------------
    def detect(self, text: str, *, mode: str) -> list[Signal]:
        mode = getattr(mode, "value", mode)  # accepts rempart.request.model.Mode too
        if mode not in _MODES:
            raise ValueError(f"unknown mode {mode!r}: expected 'generate' or 'edit'")
        if not text:
            return []
        return self.detect_normalized(normalize(text), mode)

    def detect_normalized(self, n: Normalized, mode: str, words: Words | None = None,
                          unglued: Unglued | None | object = _NOT_YET, cleared: set[str] | None = None) -> list[Signal]:
        """Same as `detect` for an already normalised prompt (the hybrid detector shares it,
        the words of `n.text` when it has split them: `Words(n.text)`, and `unglued(n)`).
        `cleared` receives the kinds of the terms read as look-alikes ("remove the stain from her
        shirt"), so that the model's score for the same words can be set aside."""
        if words is None:
            words = Words(n.text)  # once, for the passes below
        hits = self._hits(n, words)
        if unglued is _NOT_YET:
            unglued = self.unglued(n, words)
        if isinstance(unglued, Unglued):
            hits.extend(unglued.hits(self._hits(unglued.view, None)))
        hits.extend(_real_person_shapes(n.original))
        if mode == "edit":
            hits.extend(self._follow_up(n, words) or self._follow_up_rest(n, words) or self._follow_up_substring(n))
            hits.extend(self._only_a_towel(n.text, words))
            hits.extend(self._only_what_covers_nothing(n.text, words))
            hits.extend(self._under_after_garment(words))
            hits.extend(self._without_anything(n.text, words))
            hits.extend(self._no_clothes(n.text, words))
            hits.extend(self._nothing_on_person(n.text, words))
            hits.extend(self._without_fabric(n.text, words))
            if _QUESTION_MARKS.search(n.text):
                hits.extend(self._question_then_removal(n.text, words))
        if mode == "generate" and any(h.kind in MERCHANDISE_KINDS for h in hits):
            # "a kids' swimwear shop window": for sale, not worn (an edit of a photo is never a display ...)
            hits = [h for h in hits if h.kind not in MERCHANDISE_KINDS or not self._on_display(n.text, h)]
        elif any(h.kind in MERCHANDISE_KINDS for h in hits) and self._merchandise_edit(n, words, hits):
            # ... unless it shows garments on display and no one: "fold the swimsuits on the shop shelf"
            hits = [h for h in hits if h.kind not in MERCHANDISE_KINDS]
        if any(h.kind == K.TEXT_UNDRESS for h in hits):
            if self.layer_kept(n):
                hits = [h for h in hits if h.kind != K.TEXT_UNDRESS]
                hits.append(_cleared(K.TEXT_UNDRESS, 0, 0, "layer kept", "*"))
            elif self._only_thing(n, self._c.mannequins):
                # "a photo of a mannequin in the shop, undress it": a prompt about a mannequin that names no person
                hits = _clear_where(hits, lambda h: h.kind == K.TEXT_UNDRESS)
            else:
                hits = _clear_where(hits, lambda h: h.kind == K.TEXT_UNDRESS and self._mannequin_near(n.text, h.start, h.end))
        if any(h.kind in MERCHANDISE_KINDS for h in hits) and self._only_thing(n, self._c.mannequins):
            # "change the colour of the bikini on the mannequin": a prompt about a mannequin that
            # names no person dresses no one
            hits = _clear_where(hits, lambda h: h.kind in MERCHANDISE_KINDS)
        if (mode == "edit" and any(h.kind in MERCHANDISE_KINDS for h in hits)
                and not words.distinct.isdisjoint(self._c.swap_verbs)):
            # "replace her bikini with a winter coat": swapped away for clothes
            worn = [(h.start, h.end) for h in hits if h.kind in MERCHANDISE_KINDS]
            hits = _clear_where(hits, lambda h: h.kind in MERCHANDISE_KINDS and self._swapped_away(words, h, worn))
        if any(h.kind in PET_KINDS for h in hits) and self._c.pets.search(n.text):
            hits = _clear_where(hits, lambda h: h.kind in PET_KINDS and self._pet_clause(n.text, h.start, h.end))
        if any(h.kind in K.SEXUAL_TEXT_KINDS for h in hits) and (quoted := self._caption_quotes(n.text)):
            # "write 'naked truth' on the photo": the words of a caption, not what the picture shows
            hits = _clear_where(hits, lambda h: h.kind in K.SEXUAL_TEXT_KINDS
                                and any(a <= h.start and h.end <= b for a, b in quoted))
        if "maillot" in words.distinct and not any(h.kind == K.TEXT_SWIMWEAR for h in hits) and self._jersey(words):
            hits.append(_cleared(K.TEXT_SWIMWEAR, 0, 0, "maillot (jersey)", "fr"))
        if cleared is not None:
            cleared.update(h.kind[len(CLEARED):] for h in hits if h.kind.startswith(CLEARED))
        return self._signals(n, hits, mode)

    def _jersey(self, words: Words) -> bool:
        """A French "maillot" with a sport or a team a few words after it: a jersey (L.JERSEY_WORDS)."""
        toks = words.tokens
        return any(not self._c.jersey_words.isdisjoint(toks[i + 1:i + 4]) for i in _where(toks, {"maillot", "maillots"}))

    def _swapped_away(self, words: Words, hit: _Hit, worn: list[tuple[int, int]]) -> bool:
        """Swimwear or underwear that a swap turns into clothes (L.SWAP_VERBS): "replace her bikini
        with a winter coat", "llevo bañador; ¿me lo cambias por un vestido largo?". Not "replace her
        dress with a bikini" (a "to" word before it) nor "put her in a bikini and change her shirt to
        a crop top" (another garment between the swap word and its "to" word)."""
        c = self._c
        toks, spans = words.tokens, words.spans
        ntok = len(toks)
        first = next((k for k in range(ntok) if spans[k][1] > hit.start), ntok)
        last = next((k for k in range(first, ntok) if spans[k][0] >= hit.end), ntok)  # first token after it
        in_worn = lambda k: any(a < spans[k][1] and spans[k][0] < b for a, b in worn)  # noqa: E731

        def garment_after(k: int) -> bool:  # an ordinary garment a few words after the "to" word at k
            return any(not in_worn(q) and (self._clothing(toks[q]) is not None or toks[q] in c.outer_garments)
                       for q in range(k + 1, min(ntok, k + 1 + L.SWAP_GARMENT_REACH)))

        # the swap word before it, with no "to" word between: "replace her bikini with a coat"
        verb = next((k for k in range(first - 1, max(-1, first - 1 - L.SWAP_REACH), -1) if toks[k] in c.swap_verbs), None)
        if verb is not None and not any(toks[k] in c.swap_to for k in range(verb + 1, first)):
            for k in range(last, min(ntok, last + L.SWAP_REACH)):
                if toks[k] in c.swap_to:
                    return garment_after(k)
                if self._clothing(toks[k]) is not None:
                    break
        # the swap word after it, then at most two words that are no garment: "¿me lo cambias por un vestido?"
        for v in range(last, min(ntok, last + 2 * L.SWAP_REACH)):
            if toks[v] in c.swap_verbs:
                for k in range(v + 1, min(ntok, v + L.SWAP_REACH)):
                    if toks[k] in c.swap_to:
                        return garment_after(k)
                    if self._clothing(toks[k]) is not None or in_worn(k):
                        return False
                return False
        return False

    def _question_then_removal(self, s: str, words: Words) -> list[_Hit]:
        """A garment shown in a question, then a short removal order: "see her dress? take it off",
        "Elbisesini görüyor musun? Kaldır.", "uski saree dikh rahi hai? hata do." Not when the question
        also names a thing on the garment ("see the stain on her shirt? remove it")."""
        c = self._c
        sentences = [m for m in _SENTENCE.finditer(s) if m.group().strip()]
        # the prompt's words, by sentence (a sentence ends at a non-word char, so no word straddles
        # two), in one pass: both are in text order
        starts = [m.start() for m in sentences]
        by_sentence: list[list[tuple[str, tuple[int, int]]]] = [[] for _ in sentences]
        for t, sp in zip(words.tokens, words.spans):
            k = bisect_right(starts, sp[0]) - 1
            if k >= 0 and sp[0] < sentences[k].end():
                by_sentence[k].append((t, sp))
        out = []
        for k, (q, order) in enumerate(zip(sentences, sentences[1:])):
            if not _QUESTION_MARKS.search(q.group()):
                continue
            order_tokens = [t for t, _ in by_sentence[k + 1]]
            if not 1 <= len(order_tokens) <= QUESTION_ORDER_MAX_WORDS or not (
                    any(len(t) >= 3 and (t in c.remove_pre or t in c.remove_post or t in c.remove_weak)
                        for t in order_tokens)  # not a one-letter verb of one language ("e")
                    or c.sub_removal_verbs.search(order.group())):
                continue
            if any(self._garment_thing(t) for t, _ in by_sentence[k]) or c.sub_removal_things.search(q.group()):
                continue
            garment = next((sp for t, sp in by_sentence[k] if self._clothing(t) is not None), None)
            if garment is None and (g := c.sub_removal_garments.search(s, q.start(), q.end())) is not None:
                garment = g.span()
            if garment is not None:
                a, b = garment
                out.append(_Hit(K.TEXT_UNDRESS, QUESTION_ORDER_SCORE, a, b, f"question, then removal: {s[a:b]}", "*"))
        return out

    def _caption_quotes(self, s: str) -> list[tuple[int, int]]:
        """The quotations of `s` that are text to put on the picture: a caption word (L.CAPTION_WORDS)
        at most CAPTION_GAP words before the quotation, with no other quotation between, and a
        quotation of a phrase (CAPTION_MIN_WORDS words, or as many characters where words are not
        spaced), not a single word in quotes ("make her 'nude'"). No word for a person may stand
        between ("add a caption and make her '...'" is about her)."""
        out = []
        prev_end = 0
        for m in _QUOTED.finditer(s):
            inner = m.group()[1:-1]
            if len(inner.split()) >= CAPTION_MIN_WORDS or " " not in inner and len(inner) >= 2 * CAPTION_MIN_WORDS:
                before = " ".join(s[prev_end:m.start()].split()[-CAPTION_GAP - 1:])
                if self._c.caption_words.search(before) and self._c.person_words.isdisjoint(TOKEN.findall(before)):
                    out.append(m.span())
            prev_end = m.end()
        return out

    def _follow_up(self, n: Normalized, words: Words) -> list[_Hit]:
        """A follow-up turn of an edit chat that names garments and nothing else (L.FOLLOW_UP_MARKERS):
        "ok, now her skirt", "и юбку тоже". A marker word must be there, and every other word is a
        garment or a filler; "top" or "dress" alone need a possessive, as in the removal rules."""
        c = self._c
        toks = words.tokens
        if not 2 <= len(toks) <= L.FOLLOW_UP_MAX_WORDS or c.follow_up_markers.isdisjoint(toks):
            return []
        garments = []
        for i, t in enumerate(toks):
            cl = self._clothing(t)
            if cl is not None and (not cl[1] or i > 0 and self._possessive_at(toks, i - 1)):
                garments.append(i)
            elif t not in c.follow_up_words:
                return []
        if not garments:
            return []
        a, b = words.spans[garments[0]][0], words.spans[garments[-1]][1]
        return [_Hit(K.TEXT_UNDRESS, FOLLOW_UP_SCORE, a, b, f"follow-up: {n.text[a:b]}", "*")]

    def _follow_up_rest(self, n: Normalized, words: Words) -> list[_Hit]:
        """A follow-up turn that takes off "the rest" (L.REST_PHRASES at its end) and says nothing else:
        "ok keep going, lose the rest", "now remove the rest", "ok ora continua, togli il resto"."""
        c = self._c
        toks = words.tokens
        if not 2 <= len(toks) <= L.FOLLOW_UP_MAX_WORDS or toks[-1] not in c.rest_lasts:
            return []
        # where the longest rest phrase that ends the turn starts
        start = next((k for k in range(len(toks)) if tuple(toks[k:]) in c.rest_phrases.get(toks[k], ())), None)
        if start is None:
            return []
        head = toks[:start]
        removal = [i for i, t in enumerate(head) if t in c.removal_words]
        if not removal or c.follow_up_markers.isdisjoint(head) and c.follow_up_go_on.isdisjoint(head):
            return []
        if any(t not in c.removal_words and t not in c.follow_up_words and t not in c.follow_up_go_on for t in head):
            return []
        a, b = words.spans[removal[0]][0], words.spans[-1][1]
        return [_Hit(K.TEXT_UNDRESS, FOLLOW_UP_SCORE, a, b, f"follow-up: {n.text[a:b]}", "*")]

    def _follow_up_substring(self, n: Normalized) -> list[_Hit]:
        """`_follow_up` in the languages read by substrings (L.FOLLOW_UP_SUBSTRING): "好，接下来是裤子"."""
        s = n.text
        if len(s) > L.FOLLOW_UP_MAX_CHARS or s.isascii():
            return []
        for pieces in self._c.follow_up_substring:
            garments = pieces.split(s)
            if garments:
                a, b = garments[0][0], garments[-1][1]
                return [_Hit(K.TEXT_UNDRESS, FOLLOW_UP_SCORE, a, b, f"follow-up: {s[a:b]}", pieces.lang)]
        return []

    def _mannequin_near(self, s: str, start: int, end: int) -> bool:
        """A mannequin or doll word (L.MANNEQUINS) in the same clause as the undressing words at
        s[start:end]: shortly before them, among them, or shortly after with no person between
        ("undress the woman next to the mannequin" undresses her)."""
        c = self._c
        head = s[max(0, start - L.MANNEQUIN_CHARS):start + 1]
        m = None
        for m in c.mannequins.finditer(head):
            pass
        if m is not None and not _CLAUSE_END.search(head, m.end()):
            return True
        after = c.mannequins.search(s, start, end + L.MANNEQUIN_CHARS)
        if after is None or _CLAUSE_END.search(s, end, after.start()):
            return False
        return c.person_words.isdisjoint(s[end:after.start()].split())

    def _pet_clause(self, s: str, start: int, end: int) -> bool:
        """A pet or soft toy (L.PETS) near the words at s[start:end] in the same clause, and no
        person in that clause but the pet's owner ("my dog", "her cat")."""
        c = self._c
        lo = max(0, start - L.MANNEQUIN_CHARS)
        ends_before = list(_CLAUSE_END.finditer(s, lo, start))
        clause_start = ends_before[-1].end() if ends_before else lo
        clause_end = _CLAUSE_END.search(s, end)
        stop = min(clause_end.start() if clause_end else len(s), end + L.MANNEQUIN_CHARS)
        pet = c.pets.search(s, clause_start, stop)
        if pet is None:
            return False
        others = s[clause_start:pet.start()].split()[:-1] + s[pet.end():stop].split()
        return c.person_words.isdisjoint(others) and not c.person_substrings.search(s, clause_start, stop)

    def pet_only(self, n: Normalized) -> bool:
        """A pet or soft toy in a prompt that names no person (for the model's scores)."""
        return self._only_thing(n, self._c.pets)

    def _only_thing(self, n: Normalized, things: _Alternatives | re.Pattern[str]) -> bool:
        """A word of `things` (pets, mannequins) in a prompt that names no person."""
        c = self._c
        # the word-set test first: a person word ends most checks before the two scans of the text
        return (c.person_words.isdisjoint(n.text.split()) and things.search(n.text) is not None
                and not c.person_substrings.search(n.text))

    def keeps(self, s: str) -> bool:
        """A word for keeping something as it is ("keep", "lass", "giữ nguyên") in normalised text."""
        return self._c.layer_keep.search(s) is not None

    def names_a_retouch(self, words: Words) -> bool:
        """Words of an ordinary edit of what a person wears (for the model's undress score): a mark
        on a garment, an accessory or a filter alone, or a recolouring."""
        return self.garment_thing_in(words) or self.accessory_only(words) or self.recoloured(words)

    def adds_a_cover(self, n: Normalized, words: Words) -> bool:
        """A warm or rain garment put on a person (L.COVER_VERBS, L.COVER_GARMENTS), with no "only", "nothing"
        or "without" (for the model's undressing scores): "he is soaked, put a raincoat on him"."""
        c = self._c
        if not words.distinct.isdisjoint(c.cover_guards) or not words.distinct.isdisjoint(c.cover_removals):
            return False  # "a coat with nothing under it", "remove her dress, put a coat on her"
        if not words.distinct.isdisjoint(c.cover_verbs) and not words.distinct.isdisjoint(c.cover_garments):
            return True
        return bool(c.cover_verb_sub_re.search(n.text) and c.cover_garment_sub_re.search(n.text))

    def garment_thing_in(self, words: Words) -> bool:
        """A word for a mark or a print on a garment anywhere in the prompt (for the model's undress score)."""
        return any(self._garment_thing(t) for t in words.tokens)

    def accessory_only(self, words: Words) -> bool:
        """An accessory or a filter in the prompt, and no clothing (for the model's undress score)."""
        toks = words.tokens
        return any(t in self._c.accessories for t in toks) and not any(self._clothing(t) is not None for t in toks)

    def recoloured(self, words: Words) -> bool:
        """A garment given a colour (for the model's undress score): "colour" or a dyeing verb in
        the prompt, and no skin ("make her clothes the colour of her skin" is the illusion of none)."""
        c = self._c
        return not words.distinct.isdisjoint(c.recolour) and words.distinct.isdisjoint(c.skin_words)

    def mannequin_in(self, n: Normalized) -> bool:
        """A mannequin or doll word anywhere in the prompt (for the model's undress score)."""
        return self._c.mannequins.search(n.text) is not None

    def layer_kept(self, n: Normalized) -> bool:
        """An outer layer taken off with the shirt under it kept (L.LAYER_OUTER): "take off his
        jacket, keep the shirt", "Trek zijn colbert uit, het overhemd mag blijven". A keep word
        after the shirt counts only when no "and" or "then" joins the two garments ("remove her
        jacket and shirt, keep the shoes" takes both off)."""
        c = self._c
        s = n.text
        outer = c.layer_outer.search(s)
        if outer is None or c.layer_guard.search(s):
            return False
        for inner in c.layer_inner.finditer(s, outer.end()):
            if c.layer_keep.search(s, outer.end(), inner.start()):
                return True
            joined = not c.and_then.isdisjoint(s[outer.end():inner.start()].split())
            if not joined and c.layer_keep.search(s, inner.end(), inner.end() + L.LAYER_KEEP_AFTER):
                return True
        return False

    def unglued(self, n: Normalized, words: Words | None = None) -> Unglued | None:
        """The prompt read with its glued tokens ("rendilanuda") cut into the words they hide,
        when a cut brings out a word that starts a term or a rule; None otherwise (the common
        case). `words`: `Words(n.text)`, when the caller has split it already."""
        if words is None:
            words = Words(n.text)
        breaker = self._c.breaker
        cut_at: list[int] = []
        drop: list[tuple[int, int]] = []
        cut_spans: list[tuple[int, int]] = []
        # words of MIN_GLUED letters or more, no digit in them: few prompts have one (each word tested once)
        worth = {t for t in words.distinct if len(t) >= MIN_GLUED and breaker.worth_trying(t)}
        for k in _where(words.tokens, worth) if worth else ():
            token = words.tokens[k]
            cuts = breaker.split(token)
            if cuts is None or token[cuts[0]:] in L.COLOUR_COMPOUND_TAILS:
                continue  # nothing to cut, or a colour compound ("nudefärgade": nude-coloured)
            a, b = words.spans[k]
            if breaker.holds_term(token, cuts):
                cut_at.extend(a + k for k in cuts)
                cut_spans.append((a, b))
        joins = self._joins(n.text, words)
        if not n.text.isascii() and _SPLIT_WORD_SCRIPTS.search(n.text):
            joins += self._script_joins(n.text)
        for a, b, gaps in joins:
            drop.extend(gaps)
            cut_spans.append((a, b))
        if not cut_at and not drop:
            return None
        view, back = _reread(n, cut_at, drop)
        return Unglued(view, back, tuple(cut_spans))

    def _joins(self, s: str, words: Words) -> list[tuple[int, int, list[tuple[int, int]]]]:
        """Words split into pieces of two letters or more by a space or a hyphen ("baj unya",
        "tam-amen", "ent-klei-de") that join into a lexicon word: (start, end, the gaps)."""
        c = self._c
        breaker = c.breaker
        # A split leaves a piece that is no word, or a hyphen inside a word; most prompts have
        # neither, and two known words side by side are read as written ("the rapist").
        hyphen = "-" in s
        unknown = {t for t in words.distinct.difference(breaker.known) if _is_piece(t)}
        if not hyphen and not unknown:
            return []  # the common case: a set difference in C leaves no unknown piece
        tested = len(unknown) <= FEW_ODD_WORDS
        if tested and not self._may_join(s, words, unknown, hyphen):
            return []  # no piece goes on into a lexicon word: the common case of a long prompt
        # The pieces: the words of two letters or more with no digit (a word holds letters and digits).
        at = [k for k, t in enumerate(words.tokens) if _is_piece(t)]
        pieces = [words.tokens[k] for k in at]
        odd = {i for i, p in enumerate(pieces) if p not in breaker.known}
        if hyphen:  # a piece followed by a hyphen
            word_spans = words.spans
            ends = {word_spans[k][1]: i for i, k in enumerate(at)}
            odd.update(ends[m.start()] for m in _HYPHEN_GAP.finditer(s) if m.start() in ends)
        if not odd:
            return []
        # a chain of pieces must hold one of them (or the hyphen after one)
        starts = sorted({k for i in odd for k in range(max(0, i - MAX_JOIN_PIECES + 1), i + 1)})
        if not tested and not any(i + 1 < len(pieces) and (pieces[i], pieces[i + 1][0]) in c.join_pairs for i in starts):
            return []  # _may_join's test, on all the pieces: cheaper where most words are unknown
        word_spans = words.spans
        spans = [word_spans[k] for k in at]
        out: list[tuple[int, int, list[tuple[int, int]]]] = []
        done = -1
        for i in starts:
            if i <= done or i >= len(pieces) - 1:
                continue
            best = None
            w, gaps, has_odd = pieces[i], [], i in odd
            for j in range(i + 1, min(i + MAX_JOIN_PIECES, len(pieces))):
                gap = (spans[j - 1][1], spans[j][0])
                piece = pieces[j]
                if (w, piece[0]) not in c.join_pairs or not _JOIN_GAP.fullmatch(s, *gap):
                    break
                w += piece
                gaps.append(gap)
                has_odd = has_odd or j in odd or j - 1 in odd
                if has_odd and len(w) >= REJOIN_MIN and breaker.is_term(w):
                    best = (j, list(gaps))
            if best is not None:
                j, gaps = best
                out.append((spans[i][0], spans[j][1], gaps))
                done = j
        return out

    def _may_join(self, s: str, words: Words, unknown: AbstractSet[str], hyphen: bool) -> bool:
        """The test that ends _joins on most prompts, worked out around the odd pieces alone (an
        unknown word, or a piece followed by a hyphen): whether one of them, or one of the
        MAX_JOIN_PIECES - 1 pieces before it, goes on into a lexicon word with the next piece.
        For prompts with few unknown words: where most are (Korean, Arabic script), _joins lays
        out all the pieces anyway."""
        toks = words.tokens
        odd = _where(toks, unknown) if unknown else []
        if hyphen:
            ends = {b: k for k, (_, b) in enumerate(words.spans)}
            odd += [ends[m.start()] for m in _HYPHEN_GAP.finditer(s) if m.start() in ends and _is_piece(toks[ends[m.start()]])]
        pairs = self._c.join_pairs
        for k in odd:
            firsts, j = [k], k - 1
            while j >= 0 and len(firsts) < MAX_JOIN_PIECES:
                if _is_piece(toks[j]):
                    firsts.append(j)
                j -= 1
            for first in firsts:
                nxt = first + 1
                while nxt < len(toks) and not _is_piece(toks[nxt]):
                    nxt += 1
                if nxt < len(toks) and (toks[first], toks[nxt][0]) in pairs:
                    return True
        return False

    def _script_joins(self, s: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
        """Words of the scripts in _SPLIT_WORD_SCRIPTS split by spaces into pieces, one of them of two
        characters at most ("ন গ্ন", "مل ابسها", "ন্যা ং টা"), that join into a term or a garment running
        across a space: (start, end, the gaps). Two ordinary words never join, so a short word beside
        a long one ("من", "को") only joins where the term runs across."""
        pieces = [m.span() for m in _SPACED_PIECE.finditer(s)]
        out: list[tuple[int, int, list[tuple[int, int]]]] = []
        # Pieces k and k + 1 around one space. A target that runs across that space in the pieces
        # of a window, joined, does so in the whole text with all such spaces taken out: one pass
        # over it says which spaces a target runs across at all (most texts: none).
        spaced = [k for k in range(len(pieces) - 1) if pieces[k + 1][0] - pieces[k][1] == 1 and s[pieces[k][1]] == " "]
        if not spaced:
            return out
        kept, cuts, after = [], [], 0
        for k in spaced:
            gap = pieces[k][1]
            kept.append(s[after:gap])
            cuts.append(gap - len(cuts))  # where piece k + 1 starts in the joined text
            after = gap + 1
        kept.append(s[after:])
        crossed = set()
        for a, b in self._c.split_targets.occurrences("".join(kept)):
            crossed.update(spaced[bisect_right(cuts, a):bisect_left(cuts, b)])
        if not crossed:
            return out
        crossable = sorted(crossed)
        done = -1
        for i in range(len(pieces) - 1):
            # a window from piece i holds the spaces after pieces i .. i + MAX - 2 only
            next_crossable = crossable[bisect_left(crossable, i)] if i <= crossable[-1] else len(pieces)
            if i <= done or next_crossable >= i + MAX_SCRIPT_JOIN_PIECES - 1:
                continue
            best = None
            for j in range(i + 1, min(i + MAX_SCRIPT_JOIN_PIECES, len(pieces))):
                gaps = [(pieces[k][1], pieces[k + 1][0]) for k in range(i, j)]
                if any(s[a:b] != " " for a, b in gaps):
                    break
                if next_crossable >= j or all(pieces[k][1] - pieces[k][0] > SCRIPT_JOIN_SHORT for k in range(i, j + 1)):
                    continue  # no space a target runs across yet, or no short piece
                start = pieces[i][0]
                joined = s[start:pieces[j][1]].replace(" ", "")
                # positions in `joined` where a gap was: a target must run across one of them
                cuts, taken = [], 0
                for a, b in gaps:
                    cuts.append(a - start - taken)
                    taken += b - a
                if any(m.start() < cut < m.end() for m in self._c.split_targets.finditer(joined) for cut in cuts):
                    best = (j, gaps)
            if best is not None:
                j, gaps = best
                out.append((pieces[i][0], pieces[j][1], gaps))
                done = j
        return out

    # -- matching -------------------------------------------------------------------------
    def _hits(self, n: Normalized, words: Words | None) -> list[_Hit]:
        c = self._c
        s = n.text
        # The rules read letters and digits as separate tokens ("15yo": "15", "yo"); in a prompt
        # without digits those are the words the caller has split already.
        has_digit = (_HAS_ASCII_DIGIT if s.isascii() else _HAS_DIGIT).search(s) is not None
        if words is None or has_digit:
            words = Words(s, digits_apart=True)
        toks = words.tokens
        # Prefilter: set operations (in C) say which passes can fire at all. Most prompts
        # hold no trigger word, and the Python-level passes below then never run.
        unique = words.distinct
        # a known word is no slip (read_as says None): a set difference in C leaves the others
        slips = {t: fixed for t in unique.difference(c.slips.known) if len(t) >= DROP_MIN_LENGTH and (fixed := c.read_as(t))}
        if slips:  # every pass reads the word as meant; its hits count as disguised
            toks = [slips.get(t, t) for t in toks]
            unique = frozenset(toks)
        prefixes = {t[:4] for t in unique}
        term_words = c.exact_first.intersection(unique)
        # a first word of longer terms only, none of whose terms has its other words in the prompt
        unmatched = [w for w in c.second_first.intersection(term_words)
                     if not any(need <= unique and pre <= prefixes for need, pre in c.term_needs[w])]
        if unmatched:
            term_words = term_words.difference(unmatched)
        term_pre = c.stem4_first.intersection(prefixes)
        check_acc = not n.original.isascii()
        acc_diff = check_acc and n.accented != s
        need_removal = not unique.isdisjoint(c.removal_first_not_under) or (
            not unique.isdisjoint(c.under_first)
            and (not unique.isdisjoint(c.clothing_first) or not prefixes.isdisjoint(c.clothing_stem_first)
                 or not unique.isdisjoint(c.outer_garments)))
        need_post = not c.remove_post.keys().isdisjoint(unique)  # a dict's keys test the smaller side, as sets do
        need_vanish = not unique.isdisjoint(c.vanish_words)
        need_shape = not prefixes.isdisjoint(c.transparent_first) or not unique.isdisjoint(c.xray_strip_first)
        # an age in words needs a unit after it ("two years old"); a grade word, a number after it
        need_ages = has_digit or not (c.number_words.keys().isdisjoint(unique) or c.age_unit_first.isdisjoint(unique))
        need_sub = check_acc and bool(c.sub_re.phrases)
        need_lace = not prefixes.isdisjoint(c.lace_first) or (check_acc and c.lace_sub_re.search(s) is not None)
        # Words split in two ("na ckt", "desnu - da"): a token that begins a term, followed
        # by one that completes it. The set lookup keeps the common case in C.
        rejoin_at = []
        firsts = c.rejoin_firsts.intersection(unique)
        if firsts:
            # where the two pieces make a term that _rejoined reads ("on a", "in the" make none)
            rejoin_at = [i for i in _where(toks, firsts) if i + 1 < len(toks) and (toks[i], toks[i + 1][0]) in c.rejoin_pairs
                         and self._may_rejoin(toks[i], toks[i + 1])]
        need_forgot = need_rest = need_skin = False
        if not unique.isdisjoint(c.late_rule_words):  # one set test for the three rules below: most prompts have none
            need_forgot = not unique.isdisjoint(c.forgetting)
            need_rest = not unique.isdisjoint(c.rest_lasts)
            need_skin = not unique.isdisjoint(c.skin_words) and not unique.isdisjoint(c.recolour)
        need_rest_sub = check_acc and c.rest_sub_re.search(s) is not None
        if not (term_words or term_pre or n.obf or acc_diff or need_removal or need_post or need_shape
                or need_ages or need_sub or rejoin_at or need_lace or need_vanish or need_forgot or need_rest
                or need_skin or need_rest_sub):
            # (the separable-verb pass needs its particle, a remove_post word: need_post covers it)
            return []
        spans = words.spans
        # Alternative readings of de-obfuscated words: "1" read as "l" instead of "i",
        # and elongated letters collapsed ("nuude" -> "nude").
        alts: dict[int, list[str]] = {}
        fuzzy_at = _touched(n.obf, spans)
        for i in fuzzy_at:
            a, b = spans[i]
            t = toks[i]
            extra = []
            d = n.digits[a:b]
            if "1" in d or "|" in d:
                extra.append("".join("l" if dc in "1|" else tc for tc, dc in zip(t, d)))
            sq = squash_all(t)
            if sq != t:
                extra.append(sq)
            if extra:
                alts[i] = extra
        hits: list[_Hit] = []
        ntok = len(toks)
        if n.obf or acc_diff:
            # Terms may start at other readings of a token too: an alternative of a de-obfuscated
            # word, or the accented view where it differs.
            starters = {t for t in unique if t in c.exact or t[:4] in c.stem4}
            candidates: Iterable[int] = [
                i for i, t in enumerate(toks)
                if t in starters or i in alts or (acc_diff and n.accented[spans[i][0]:spans[i][1]] != t)]
        elif term_words or term_pre:
            candidates = _where(toks, term_words.union(t for t in unique if t[:4] in term_pre) if term_pre
                                else term_words)
        else:
            candidates = ()
        for i in candidates:
            if len(hits) >= MAX_HITS:
                break
            t = toks[i]
            forms = [t] + alts[i] if i in alts else (t,)
            # A word of up to 3 letters that lost accents in matching is another word: the
            # Vietnamese "nữ" (female) is not the French "nu".
            short_folded = acc_diff and len(t) <= SHORT_WORD and n.accented[spans[i][0]:spans[i][1]] != t
            nxt = toks[i + 1] if i + 1 < ntok else ""
            nxt_alts = alts.get(i + 1, ())
            for f in forms:
                if nxt_alts:
                    exact = c.exact.get(f, ())
                else:  # the checks below would pass over the others
                    by_next = c.exact_by_next.get(f)
                    exact = (by_next.get(nxt) or c.exact_always[f]) if by_next is not None else ()
                second = c.second_words.get(f)
                if second is not None and not _may_be_second(second, toks, i + 1, alts):
                    exact = ()  # f only starts longer terms ("in", "on"), and no second word of theirs follows
                for pat in exact:
                    if len(pat.words) == 1:
                        if short_folded and len(pat.words[0][0]) <= SHORT_WORD:
                            continue
                    elif not pat.words[1][1] and pat.words[1][0] != nxt and pat.words[1][0] not in nxt_alts:
                        continue  # its second word is not next ("in the nude" at "in a car"): no need to try
                    self._try(pat, i, toks, spans, alts, hits)
                for pat in c.stem4.get(f[:4], ()):
                    self._try(pat, i, toks, spans, alts, hits)
            if acc_diff:
                a, b = spans[i]
                ta = n.accented[a:b]
                if ta != t:
                    for pat in c.acc_exact.get(ta, ()):
                        # one word past the term, for its block-next and thing-next words
                        self._try(pat, i, [n.accented[x:y] for x, y in spans[i:i + len(pat.words) + 1]],
                                  spans[i:], {}, hits, offset=i)
        if alts:
            # The removal rule reads a disguised word as its other reading when that one is a
            # removal word or a garment ("tiiirale" -> "tirale").
            read = {i: a for i, forms in alts.items() for a in forms
                    if a in c.removal_first or a in c.remove_post or self._clothing(a) is not None}
            if read:
                toks = [read.get(i, t) for i, t in enumerate(toks)]
                unique = frozenset(toks)
                need_removal = need_removal or not unique.isdisjoint(c.removal_first_not_under)
                need_post = need_post or not c.remove_post.keys().isdisjoint(unique)
        if need_removal or need_post:
            self._rule_removal(n, toks, spans, hits, unique, need_removal, need_post)
            worn_first = c.worn.first_words & unique
            if worn_first:
                self._rule_worn(s, toks, spans, hits, worn_first)
        if need_vanish:
            self._rule_vanished_outer(toks, spans, hits)
        if not c.separable.keys().isdisjoint(unique):
            self._rule_separable_undress(s, toks, spans, hits)
        if need_shape:
            self._rule_transparent_xray_strip(n, toks, spans, hits, unique)
        if need_ages:
            self._rule_ages(n, toks, spans, hits, unique)
        if need_lace:
            self._rule_nightwear(s, toks, spans, hits)
        if need_forgot:
            self._rule_forgot_dressing(s, toks, spans, hits)
        if need_rest:
            self._rule_rest_of_clothes(s, toks, spans, hits)
        if need_rest_sub:
            self._rest_substring(s, hits)
        if need_skin:
            self._rule_skin_coloured(s, toks, spans, hits)
        if need_sub:
            for m in c.sub_re.finditer(s):
                objects = c.sub_object_before.get(m.group())
                if objects and _ends_with_object(s, m.start(), objects, c.sub_object_fillers):
                    continue  # "안경 벗겨", "帽子を脱がせ": glasses or a hat, not clothes
                after = c.sub_benign_after.get(m.group())
                if after and s[m.end():m.end() + 12].lstrip().startswith(after):
                    continue  # "누드톤": a colour, not nudity
                entries = c.sub_index[m.group()]
                if any(k == K.TEXT_UNDRESS or k in _WORN_KINDS for k, _, _, _ in entries) \
                        and _laundry_near(c.sub_laundry, s, *m.span()):
                    continue  # "रस्सी पर सूख रहे कपड़े हटा दो", "ชุดว่ายน้ำแขวนบนไม้แขวน": laundry or on a hanger, not worn
                if any(k == K.TEXT_NUDITY for k, _, _, _ in entries) and self._sub_thing(s, m, entries) \
                        or self._sub_undress_thing(s, m, entries):
                    # a thing ("עוגה עירומה", a naked cake): the model alone does not flag it either
                    hits.extend(_cleared(kind, m.start(), m.end(), term, lang) for kind, lang, _, term in entries
                                if kind in _CLEARABLE)
                    continue
                for kind, lang, score, term in entries:
                    hits.append(_Hit(kind, score, m.start(), m.end(), term, lang))
                if len(hits) >= MAX_HITS:
                    break
            chars = frozenset(s)  # a rule whose first words start with none of them finds nothing
            for rule in c.sub_removal:
                if rule.first_chars is None or not rule.first_chars.isdisjoint(chars):
                    rule.find(s, hits)
        if n.obf:
            self._glued(toks, spans, hits, fuzzy_at)
            if n.digits != s:
                # Arabizi digits are letters, and "@" is still an a there ("3@ry@"): same length, same offsets
                for m in c.digit_terms_re.finditer(n.digits.replace("@", "a")):
                    kind, lang, score, term = c.digit_terms[m.group()]
                    hits.append(_Hit(kind, score, m.start(), m.end(), term, lang))
        if rejoin_at:
            self._rejoined(toks, spans, hits, rejoin_at)
        if slips:
            slipped = [spans[i] for i, t in enumerate(words.tokens) if t in slips]
            for h in hits:
                if any(a < h.end and h.start < b for a, b in slipped):
                    h.score *= FUZZY_FACTOR
        return hits

    def _try(self, pat: _Pattern, i: int, toks, spans, alts, hits, offset: int = 0) -> None:
        # `offset` lets the accented path pass a slice of tokens starting at i.
        j = i - offset
        for k, (w, stem) in enumerate(pat.words):
            p = j + k
            if p >= len(toks):
                return
            if _word_matches(toks[p], w, stem):
                continue
            if not any(_word_matches(a, w, stem) for a in alts.get(p, ())):
                return
        end_idx = j + len(pat.words)
        if (pat.block_next and end_idx < len(toks) and toks[end_idx] in pat.block_next
                or pat.block_prev and j > 0 and toks[j - 1] in pat.block_prev
                # an alternative reading of the next word can also block
                or offset == 0 and pat.block_next and end_idx < len(toks)
                and any(a in pat.block_next for a in alts.get(end_idx, ()))
                or self._describes_thing(pat, toks, j, end_idx)
                or pat.other_sense is not None and _other_sense_in(pat.other_sense, toks)):
            if pat.kind in _CLEARABLE:
                hits.append(_cleared(pat.kind, spans[j][0], spans[end_idx - 1][1], pat.term, pat.lang))
            return
        if (pat.kind in _WORN_KINDS or pat.kind == K.TEXT_UNDRESS) and self._laundry_at(toks, end_idx):
            if pat.kind in _CLEARABLE:
                hits.append(_cleared(pat.kind, spans[j][0], spans[end_idx - 1][1], pat.term, pat.lang))
            return  # "the sports bra drying on the chair", "tira a roupa do varal": laundry, not worn
        hits.append(_Hit(pat.kind, pat.score, spans[j][0], spans[end_idx - 1][1], pat.term, pat.lang))

    def _describes_thing(self, pat: _Pattern, toks, j: int, end_idx: int) -> bool:
        """A term at toks[j:end_idx] that describes a thing: "bare trees", "nude lipstick",
        "the wall is bare", "la pared está desnuda" (see _sub_thing for the substring scripts)."""
        nxt = toks[end_idx] if end_idx < len(toks) else ""
        if nxt in self._c.determiners and end_idx + 1 < len(toks):
            nxt = toks[end_idx + 1]
        elif (pat.kind == K.TEXT_NUDITY and end_idx + 1 < len(toks) and toks[end_idx + 1] in pat.things_next
              and nxt not in self._c.person_words and nxt not in L.PLACE_PREPOSITIONS and nxt not in self._c.and_then):
            return True  # one word between: "a naked white wall", "çıplak beton duvar"
        if pat.kind == K.TEXT_SEXUAL and pat.score <= GLAMOUR_MAX and self._glamour_thing_near(toks, j, end_idx):
            return True
        return nxt in pat.things_next or bool(pat.things_prev and j > 0 and toks[j - 1] in pat.things_prev) or (
            pat.kind == K.TEXT_NUDITY and _thing_is_subject(toks[max(0, j - 6):j], toks[end_idx] if end_idx < len(toks)
                                                            else "", pat.things_next, self._c.copulas,
                                                            self._c.person_words))

    def _glamour_thing_near(self, toks, j: int, end_idx: int) -> bool:
        """A vehicle, a cake or lettering a few words after the term, or before it in the noun-first
        languages ("a sexy red sports car", "o mașină sport roșie foarte sexy", "a seductive
        chocolate cake"), with no person between."""
        c = self._c
        after = range(end_idx, min(len(toks), end_idx + GLAMOUR_THING_WINDOW))
        for near in (after, range(j - 1, max(-1, j - 1 - GLAMOUR_THING_WINDOW), -1)):
            for k in near:
                if toks[k] in c.person_words or k >= end_idx and toks[k] in _LOCATIVES:
                    break  # "posing seductively on a yacht", "sexy in the car": a place, not the thing described
                if toks[k] in c.glamour_things and (k + 1 >= len(toks) or toks[k + 1] not in c.person_words):
                    return True  # not the first half of a person's title ("a sexy cocktail waitress")
        return False

    def _sub_thing(self, s: str, m: re.Match[str], entries) -> bool:
        """A nudity term of a substring script that describes a thing: "नंगी डालियों" (bare
        branches), "أشجار عارية" (bare trees), "الجدار يبدو عارياً" (the wall looks bare)."""
        c = self._c
        nxt = _word_after(s, m.end())
        if nxt in c.things_and_cosmetics:
            return True
        if _previous_word(s, m.start()) in c.things_words and any(lang in L.NOUN_FIRST_LANGS for _, lang, _, _ in entries):
            return True
        before = [w.strip(_TRAILING_PUNCT) for w in s[max(0, m.start() - 90):m.start()].split()[-6:]]
        return _thing_is_subject(before, nxt, c.things_words, c.copula_words, c.person_words)

    def _sub_undress_thing(self, s: str, m: re.Match[str], entries) -> bool:
        """An undress term of a substring script followed by a thing of its own language:
        "تعرية التربة" (soil erosion)."""
        nxt = _word_after(s, m.end())
        return any(kind == K.TEXT_UNDRESS and lang != "*" and nxt in self._c._things_for(kind, lang)[0]
                   for kind, lang, _, _ in entries)

    def merchandise(self, n: Normalized) -> bool:
        """Whether the prompt names a shop display ("vitrine", "mannequins", "橱窗"): swimwear or
        underwear in it is for sale, not worn."""
        return self._displays(n.text, 0, len(n.text))

    def _on_display(self, s: str, h: _Hit) -> bool:
        """Whether a shop-display word is near the hit."""
        return self._displays(s, max(0, h.start - DISPLAY_WINDOW), h.end + DISPLAY_WINDOW)

    def _displays(self, s: str, lo: int, hi: int) -> bool:
        """A shop-display word in s[lo:hi]: a whole word, except in the scripts written without spaces."""
        for m in self._c.display_re.finditer(s, lo, hi):
            a, b = m.span()
            if m.group()[0] >= "\u3000" or not (_LETTER_OR_DIGIT.match(s, a - 1) if a else False) \
                    and not _LETTER_OR_DIGIT.match(s, b):
                return True
        return False

    def _laundry_at(self, toks: list[str], k: int) -> bool:
        """Whether a laundry word ("hanging", "drying", "hanger") is among the three tokens from
        k: the garment before them is laundry or on display, not worn."""
        return not self._c.laundry_after.isdisjoint(toks[k:k + LAUNDRY_WINDOW])

    def _after_thing(self, toks, spans, s: str, i: int, j: int, langs: AbstractSet[str], hits) -> None:
        """The garment after a thing removed by the verb at toks[i] (the thing at toks[j]): a
        look-alike when the thing is on it ("remove the stain from his shirt"), a second object
        after "and" ("remove the logo and her dress"). With no garment after it, the thing alone
        goes ("zdejmij z niej ten filtr"): a look-alike too."""
        c = self._c
        joined = False
        for q in range(j + 1, min(len(toks), j + 6)):
            if _SENTENCE_BREAK.search(s, spans[q - 1][1], spans[q][0]):
                return
            if self._is_and(toks[q], langs):
                joined = True
                continue
            cl = self._clothing(toks[q])
            if cl is None:
                continue
            cl_langs, ambiguous = cl
            if joined and _langs_meet(cl_langs, langs) and not self._thing_after(toks, q) and (
                    not ambiguous or self._possessive_at(toks, q - 1)):
                hits.append(_Hit(K.TEXT_UNDRESS, 0.9, spans[i][0], spans[q][1], f"{toks[i]} … {toks[q]}", sorted(langs)[0]))
            elif not joined:
                hits.append(_cleared(K.TEXT_UNDRESS, spans[i][0], spans[q][1], f"{toks[i]} … {toks[j]} … {toks[q]}",
                                     sorted(langs)[0]))
            return
        if not joined:
            hits.append(_cleared(K.TEXT_UNDRESS, spans[i][0], spans[j][1], f"{toks[i]} … {toks[j]}", sorted(langs)[0]))

    def _garment_follows(self, toks: list[str], k: int) -> bool:
        """A garment among the next AND_OBJECT_WORDS words from toks[k] (determiners and
        possessives not counted): "and her dress" lists another object; "and fix the collar",
        "e coloca uma camisa" give another order."""
        c = self._c
        seen = 0
        for q in range(k, len(toks)):
            t = toks[q]
            if self._clothing(t) is not None:
                return True
            if t in c.determiners or self._possessive_at(toks, q):
                continue
            seen += 1
            if seen >= AND_OBJECT_WORDS:
                return False
        return False

    def _is_and(self, tok: str, langs: AbstractSet[str]) -> bool:
        """"and" in any language, or in one of `langs` for the one-letter words ("i", "a")."""
        and_langs = self._c.and_words.get(tok)
        return and_langs is not None and ("*" in and_langs or not and_langs.isdisjoint(langs))

    def _thing_after(self, toks: list[str], j: int) -> bool:
        """A thing on a garment right after the garment at toks[j]: "shirt logo", "shirt stain"."""
        return j + 1 < len(toks) and self._garment_thing(toks[j + 1])

    def _garment_thing(self, tok: str) -> bool:
        """A thing on a garment ("stain", "logo"), or a compound ending in one ("Kaffeefleck")."""
        c = self._c
        return tok in c.garment_things or tok.endswith(c.garment_thing_heads)

    def _thing_before(self, toks: list[str], j: int) -> bool:
        """A thing on a garment among the four tokens before toks[j], in its clause: "lekeyi çıkar
        ve elbisesini sil" removes a stain, then the dress."""
        for q in range(j - 1, max(0, j - 4) - 1, -1):
            if toks[q] in self._c.clause_joiners:
                return False
            if self._garment_thing(toks[q]):
                return True
        return False

    def is_term_or_garment(self, word: str) -> bool:
        """A normalised word that is a lexicon term (or a stem with its ending) or a garment."""
        return self._c.breaker.is_term(word) or self._clothing(word) is not None

    def _clothing(self, tok: str) -> tuple[frozenset[str], bool] | None:
        r = self._c.clothing.get(tok)
        if r is not None:
            return r
        for stem, lang in self._c.clothing_stems.get(tok[:4], ()):
            if tok.startswith(stem):
                return frozenset({lang}), False
        return None

    def _worn_at(self, toks, j: int) -> tuple[frozenset[str], bool] | None:
        """`_clothing(toks[j])`, or a whole outfit (L.OUTFITS) read as a garment of any language,
        unless a garment follows it ("his uniform jacket": the jacket is meant); ambiguous unless a
        person follows it."""
        c = self._c
        if toks[j] not in c.outfits:
            return self._clothing(toks[j])
        nxt = toks[j + 1] if j + 1 < len(toks) else ""
        if self._clothing(nxt) is not None or nxt in c.outer_garments:
            return None
        # like "top", it needs "her" or a person after it ("off the year 8 girl", "с семиклассницы")
        after = toks[j + 1:j + 1 + OUTFIT_PERSON_WINDOW]
        person = any(t in c.uniform_wearers or self._minor_word(t) for t in after)
        return _ANY_LANG, not person

    def _minor_word(self, t: str) -> bool:
        """A one-word minor term, whole or a stem with its ending ("schoolgirl", "семиклассницы")."""
        c = self._c
        return any(p.kind == K.TEXT_MINOR and len(p.words) == 1 for p in c.exact.get(t, ())) or any(
            p.kind == K.TEXT_MINOR and len(p.words) == 1 and _word_matches(t, *p.words[0]) for p in c.stem4.get(t[:4], ()))

    def _rule_removal(self, n: Normalized, toks, spans, hits, unique: AbstractSet[str], first: bool = True,
                      post: bool = True) -> None:
        c = self._c
        s = n.text
        ntok = len(toks)
        for i in _where(toks, c.removal_first.intersection(unique)) if first else ():  # `unique`: the words of `toks`
            t = toks[i]
            strong = c.remove_pre.get(t)
            if strong is None and t in c.remove_pre_glued:
                strong = _glued_at(toks, spans, i, c.remove_pre_glued[t])
            weak = c.remove_weak.get(t) if strong is None else None
            prep = c.remove_prep.get(t) if strong is None and weak is None else None
            under = c.under_garment.get(t) if strong is None and weak is None and prep is None else None
            is_off = t == "off"
            if strong is None and weak is None and prep is None and under is None and not is_off:
                continue
            asked = under is not None and not c.wear_words.isdisjoint(toks[max(0, i - 4):i])
            if under is not None and (any(self._clothing(toks[k]) for k in range(max(0, i - 4), i)) or (
                    i + 1 < ntok and toks[i + 1] in c.determiners and toks[i + 1] not in c.possessives
                    and not asked)):
                # "under her sweater", "pod tričkem", "what does she wear under the coat"; not "a
                # shirt under her jacket" (layering) nor "under the shirt pile" (a garment as a thing)
                continue
            if is_off:
                # "take off her shirt" yes; "off-white dress", "off-shoulder top" no.
                before = toks[max(0, i - 2):i]
                nxt = toks[i + 1] if i + 1 < ntok else ""
                if not (any(b in c.off_verbs for b in before) or nxt in c.off_objects):
                    continue
                langs = frozenset({"en"})
            else:
                langs = strong or weak or prep or under
            seen_det = weak is not None and not (weak & ARTICLE_LANGS)
            end, placed = min(ntok, i + 6), 0
            for j in range(i + 1, ntok):
                if j >= end:
                    break
                if _SENTENCE_BREAK.search(s, spans[j - 1][1], spans[j][0]):
                    break
                if j <= placed:
                    continue
                tj = toks[j]
                if self._is_and(tj, langs):
                    if self._garment_follows(toks, j + 1):
                        end = min(ntok, max(end, j + 2 + AND_OBJECT_WORDS))
                        continue  # "take off her hat and dress": a second object
                    break  # "zdejmij czapkę i popraw kołnierzyk koszuli": a second order begins
                if tj in c.object_stop:
                    k = j + 1 if j + 1 < ntok and toks[j + 1] in c.from_person else \
                        j + 1 + (j + 1 < ntok and toks[j + 1] in c.determiners)
                    if k < ntok and (toks[k] in c.photo_words or toks[k] in c.from_person):
                        # "на фото", "on the photo" place the person and "z niej" (off her) names
                        # her: the object phrase goes on
                        placed, end = k, min(ntok, end + k - j + 1)
                        continue
                if tj in c.object_stop and not (tj in c.removal_of and prep is not None) and not (
                        under is not None and tj in c.under_of):
                    break
                if self._garment_thing(tj):
                    # "remove the stain from his shirt": the stain is what goes, from the garment
                    # that follows it; "remove the logo and her dress": the dress goes too
                    self._after_thing(toks, spans, s, i, j, langs, hits)
                    break
                if prep is not None and tj in c.keep_verbs:
                    break  # "without changing her clothes": the clothes stay
                if asked and tj in c.outer_garments and not self._laundry_at(toks, j + 1):
                    hits.append(_Hit(K.TEXT_UNDRESS, 0.8, spans[i][0], spans[j][1], f"{t} … {tj}", sorted(under)[0]))
                    break
                cl = self._worn_at(toks, j)
                if cl is not None:
                    cl_langs, ambiguous = cl
                    if not _langs_meet(cl_langs, langs):
                        break
                    if weak is not None and not seen_det:
                        break
                    # "top", "dress", "tank" alone are too ambiguous: need "her top", "the dress off the woman".
                    if ambiguous and not (any(self._possessive_at(toks, k) for k in range(i + 1, j))
                                          or self._off_a_person(toks, j + 1)):
                        break
                    if self._laundry_at(toks, j + 1):
                        break  # "remove the clothes hanging on the line", "off the hanger": laundry, not worn
                    if prep is not None and any(toks[q] in c.keep_verbs and not _CLAUSE_END.search(s, spans[j][1], spans[q][0])
                                                for q in range(j + 1, min(ntok, j + 4))):
                        break  # "ohne ihre Kleidung zu verändern"
                    if self._thing_after(toks, j):
                        # "remove the shirt logo": the logo goes, not the shirt
                        hits.append(_cleared(K.TEXT_UNDRESS, spans[i][0], spans[j + 1][1], f"{t} … {tj} {toks[j + 1]}", sorted(langs)[0]))
                        break
                    hits.append(_Hit(K.TEXT_UNDRESS, 0.9, spans[i][0], spans[j][1], f"{t} … {tj}", next(iter(sorted(langs)))))
                    break
                if tj in c.determiners:
                    seen_det = True
        # Clothing followed by a particle: "her clothes off", "zieh ihr die Kleider aus".
        # (_clothing(t) is not None, its lookups inline: most words are neither garment nor stem)
        worn_words = {t for t in unique if t in c.clothing or t in c.outfits
                      or t[:4] in c.clothing_stems and self._clothing(t) is not None} if post else set()
        for j in _where(toks, worn_words):
            t = toks[j]
            worn = self._worn_at(toks, j)
            if worn is None:
                continue
            cl_langs, ambiguous = worn
            if ambiguous and not (j > 0 and self._possessive_at(toks, j - 1) or self._off_a_person(toks, j + 1)):
                continue
            if self._laundry_at(toks, j + 1):
                continue  # "die Klamotten von der Wäscheleine weg": laundry, not worn
            if self._thing_before(toks, j) or t.endswith(c.garment_place_endings) or self._thing_after(toks, j) or (
                    j + 1 < ntok and toks[j + 1] in c.garment_place_next):
                # "Fleck auf ihrem T-Shirt entfernen", "gömleğindeki lekeyi çıkar", "gömleğinde ki",
                # "shirt stain remove": a thing on the garment goes
                if any(toks[k] in c.remove_post for k in range(j + 1, min(ntok, j + 1 + POST_VERB_WINDOW))):
                    hits.append(_cleared(K.TEXT_UNDRESS, spans[j][0], spans[j][1], t, sorted(cl_langs)[0]))
                continue
            for k in range(j + 1, min(ntok, j + 1 + POST_VERB_WINDOW)):
                if _SENTENCE_BREAK.search(s, spans[k - 1][1], spans[k][0]):
                    break
                # Verb-final clauses put the verb further away: "die Kleidung der Frau auf dem
                # Foto entfernen". Only a full verb counts there, within the same clause.
                far = k > j + 2
                if toks[k] in c.clause_joiners or (far and "," in s[spans[k - 1][1]:spans[k][0]]):
                    break
                post = c.remove_post.get(toks[k])
                if post is None or (far and toks[k] not in c.remove_post_far):
                    continue
                if toks[k] in c.clause_final_particles and k + 1 < ntok and toks[k + 1] not in c.clause_final_followers \
                        and not _CLAUSE_GAP_BREAK.search(s, spans[k][1], spans[k + 1][0]):
                    continue  # "mach den Rock ab Knie kürzer": a preposition
                if not ("*" in cl_langs or cl_langs & post):
                    continue
                anchors = c.post_anchors.get(toks[k])
                if anchors is not None and not any(toks[q] in anchors for q in range(max(0, j - POST_ANCHOR_WINDOW), j)):
                    continue
                start = spans[j][0]
                if anchors is not None:
                    start = next(spans[q][0] for q in range(max(0, j - POST_ANCHOR_WINDOW), j) if toks[q] in anchors)
                hits.append(_Hit(K.TEXT_UNDRESS, 0.9, start, spans[k][1], f"{t} … {toks[k]}", sorted(post)[0]))
                break

    def _rule_vanished_outer(self, toks, spans, hits) -> None:
        """A person's outer garment made to vanish (L.VANISH_WORDS): "make her jacket just fade
        away", "fai sparire la sua giacca", "bikin jaketnya ilang". Taking it off ("take off his
        jacket and hang it up") or one on a hanger is no such request."""
        c = self._c
        ntok = len(toks)
        for j, t in enumerate(toks):
            owned_by_suffix = t.endswith("nya") and t[:-3] in c.outer_garments  # "jaketnya"
            if not (t in c.outer_garments or owned_by_suffix) or self._laundry_at(toks, j + 1):
                continue
            near = range(max(0, j - VANISH_WINDOW), min(ntok, j + VANISH_WINDOW + 1))
            owned = owned_by_suffix or any(toks[k] in c.possessives or toks[k] in c.vanish_owners
                                           for k in range(max(0, j - 2), min(ntok, j + 2)))
            verb = next((k for k in near if toks[k] in c.vanish_words), None)
            if owned and verb is not None:
                a, b = min(j, verb), max(j, verb)
                hits.append(_Hit(K.TEXT_UNDRESS, VANISHED_OUTER_SCORE, spans[a][0], spans[b][1],
                                 f"{t} … {toks[verb]}", "*"))
                return

    def _possessive_at(self, toks, k: int) -> bool:
        """toks[k] makes the next garment someone's: "her", or the "s" of "the woman's"."""
        c = self._c
        return toks[k] in c.possessives or toks[k] == "s" and k > 0 and toks[k - 1] in c.person_words

    def _off_a_person(self, toks, k: int) -> bool:
        """toks[k:] read "off the woman", "from that girl": whom the garment is taken from."""
        c = self._c
        if k >= len(toks) or toks[k] not in ("off", "from"):
            return False
        for q in range(k + 1, min(len(toks), k + 4)):
            t = toks[q]
            if t in c.person_words:
                if t not in c.possessives:
                    return True
                # "her" is both: "off her", "off her in the photo", but not "off her drink"
                nxt = toks[q + 1] if q + 1 < len(toks) else None
                return nxt is None or nxt in L.PLACE_PREPOSITIONS or nxt in c.person_words
            if t not in c.determiners:
                return False
        return False

    def _rule_separable_undress(self, s: str, toks, spans, hits) -> None:
        """A separable undressing verb around a person (L.SEPARABLE_UNDRESS): "zieh die Frau auf
        dem Bild aus". No garment, thing, pet or mannequin between ("zieh die Jacke aus" is read by
        the removal rules), and the particle ends the clause ("zieh sie aus dem Wasser")."""
        c = self._c
        ntok = len(toks)
        for j, t in enumerate(toks):
            particle = c.separable.get(t)
            if particle is None:
                continue
            for k in range(j + 2, min(ntok, j + L.SEPARABLE_WINDOW + 1)):
                if _CLAUSE_END.search(s, spans[k - 1][1], spans[k][0]):
                    break
                if toks[k] != particle:
                    continue
                end = _CLAUSE_END.search(s, spans[k][1])
                tail = s[spans[k][1]:end.start() if end else len(s)].split()
                between = toks[j + 1:k]
                if (len(tail) <= 1 and c.separable_tail.issuperset(tail)
                        and not c.separable_persons.isdisjoint(between)
                        and not any(self._clothing(w) is not None or len(w) > SHORT_WORD and w in c.things_words
                                    for w in between)
                        and not c.mannequins.search(s, spans[j][1], spans[k][0])
                        and not c.pets.search(s, spans[j][1], spans[k][0])):
                    hits.append(_Hit(K.TEXT_UNDRESS, SEPARABLE_SCORE, spans[j][0], spans[k][1], f"{t} … {particle}", "*"))
                    return
                break

    def _rule_worn(self, s: str, toks, spans, hits, first: AbstractSet[str]) -> None:
        """A removal verb next to a phrase for what the person wears: "remove everything she's
        wearing", "levale tutto quello che ha addosso". The phrase alone is no harm ("change the
        colour of everything she is wearing")."""
        c = self._c
        ntok = len(toks)
        for a, length, phrase, lang in c.worn.longest_matches(toks, first):
            b = a + length
            near = [k for k in range(max(0, a - WORN_VERB_WINDOW), a) if toks[k] in c.worn_verbs]
            near += [k for k in range(b, min(ntok, b + WORN_VERB_WINDOW)) if toks[k] in c.worn_verbs]
            # same clause ("remove the stain, keep all she wears")
            near = [k for k in near if not (_CLAUSE_END.search(s, spans[k][1], spans[a][0]) if k < a
                                            else _CLAUSE_END.search(s, spans[b - 1][1], spans[k][0]))]
            # nothing else removed between: "remove the stain from what she is wearing"
            things = [k for k in near if any(self._garment_thing(toks[q]) for q in range(min(k, a), max(k, b)))
                      and not any(self._is_and(toks[q], {lang}) for q in range(min(k, a), max(k, b)))]
            if things and len(things) == len(near):
                hits.append(_cleared(K.TEXT_UNDRESS, spans[min(things[0], a)][0], spans[b - 1][1], phrase, lang))
            near = [k for k in near if k not in things]
            if near:
                k = near[0]
                hits.append(_Hit(K.TEXT_UNDRESS, 0.85, spans[min(k, a)][0], spans[max(k, b - 1)][1],
                                 f"{toks[k]} … {phrase}", lang))
                return

    def _rule_nightwear(self, s: str, toks, spans, hits) -> None:
        """Lace and sleep in one sentence: "what she wears to bed, the lacy kind"."""
        c = self._c
        # a lace thing of the home is no nightwear: "the lace pillow on the bed"
        lace = [spans[i] for i, t in enumerate(toks) if t.startswith(c.lace)
                and c.home_textiles.isdisjoint(toks[i + 1:i + 3])] + [m.span() for m in c.lace_sub_re.finditer(s)]
        if not lace:
            return
        sleep = [spans[i] for i, t in enumerate(toks) if t.startswith(c.sleep) and t not in c.not_sleep] \
            + [m.span() for m in c.sleep_sub_re.finditer(s)]
        for a in lace:
            for b in sleep:
                lo, hi = min(a, b), max(a, b)
                if not _SENTENCE_BREAK.search(s, lo[1], hi[0]):
                    hits.append(_Hit(K.TEXT_UNDERWEAR, 0.75, lo[0], hi[1], f"{s[a[0]:a[1]]} … {s[b[0]:b[1]]}", "*"))
                    return

    def _rule_forgot_dressing(self, s: str, toks, spans, hits) -> None:
        """Forgetting to dress (L.FORGOT_WORDS): "as though he never got dressed", "als hätte er
        vergessen, ein Hemd anzuziehen". Not "dressed up", "forgot to put on his glasses"."""
        c = self._c
        ntok = len(toks)
        for i in _where(toks, c.forgetting):
            t = toks[i]
            never = t in c.never
            if not c.negations.isdisjoint((*toks[max(0, i - 2):i], *toks[i + 1:i + 2])):
                continue
            lo = _in_sentence(s, spans, i, i, L.FORGOT_WINDOW, 0)[0]
            j = next((j for j in range(i - 1, lo, -1) if toks[j] in c.dressing_before), None)
            if j is not None and (toks[j - 1] in c.whole_clothes or self._clothing(toks[j - 1]) is not None):
                # verb-final, clothes before the verb: "জামা পরতে ভুলে যেত", not "জ্যাকেট পরতে ভুলে গেছে" (a jacket)
                hits.append(_Hit(K.TEXT_NUDITY, 0.8, spans[j][0], spans[i][1], f"{toks[j]} … {t}", "*"))
                return
            for j in range(i + 1, min(ntok, i + 1 + L.FORGOT_WINDOW)):
                if _SENTENCE_BREAK.search(s, spans[j - 1][1], spans[j][0]):
                    break
                tj = toks[j]
                if tj in c.dressing and (j + 1 >= ntok or toks[j + 1] not in c.dressing_not_next):
                    hits.append(_Hit(K.TEXT_NUDITY, 0.8, spans[i][0], spans[j][1], f"{t} … {tj}", "*"))
                    return
                if never:
                    continue
                if tj in c.put_on and (tj != "put" or j + 1 < ntok and toks[j + 1] == "on"):
                    around = range(j + 1, min(ntok, j + 5))
                elif tj in c.put_on_final:
                    around = range(i + 1, j)
                else:
                    continue
                garment = next((k for k in around if self._clothing(toks[k]) is not None), None)
                if garment is not None:
                    end = max(j, garment)
                    hits.append(_Hit(K.TEXT_UNDRESS, 0.8, spans[i][0], spans[end][1], f"{t} … {tj} {toks[garment]}", "*"))
                    return

    def _rule_rest_of_clothes(self, s: str, toks, spans, hits) -> None:
        """Something worn, a removal word and "everything else" in one sentence (L.REST_PHRASES):
        "take off her hat and everything else". Not "take off his cap, leave the rest"."""
        c = self._c
        ntok = len(toks)
        for i in _where(toks, c.rest_phrases):
            phrase = next((p for p in c.rest_phrases[toks[i]] if tuple(toks[i:i + len(p)]) == p), None)
            if phrase is None:
                continue
            end = i + len(phrase)
            first, last = _in_sentence(s, spans, i, end - 1, L.REST_WINDOW, L.REST_VERB_AFTER)
            last += 1
            if end < ntok and toks[end] in L.OF_WORDS:
                continue  # "the rest of the clutter": the rest of something else
            if not c.negations.isdisjoint(toks[end:last]):
                continue  # "остальное не трогай": the rest is kept
            before, around = toks[first:i], toks[first:last]
            worn = any(self._clothing(t) is not None or t in c.accessories or t in c.outer_garments for t in before) \
                or c.layer_outer.search(s, spans[first][0], spans[i][0]) is not None
            if not worn or self.keeps(s[spans[first][0]:spans[last - 1][1]]):
                continue
            # with no removal word, a first step and the rest as the last words ("först jackan, sen resten"),
            # not a recolouring ("first make the jacket red, then the rest")
            sequenced = (not c.first_words.isdisjoint(before) and c.recolour.isdisjoint(around)
                         and _in_sentence(s, spans, end - 1, end - 1, 0, L.REST_ALONE_AFTER + 1)[1] < end + L.REST_ALONE_AFTER)
            if sequenced or not c.removal_words.isdisjoint(around):
                hits.append(_Hit(K.TEXT_UNDRESS, 0.8, spans[first][0], spans[end - 1][1], " ".join(phrase), "*"))
                return

    def _rest_substring(self, s: str, hits) -> None:
        """`_rule_rest_of_clothes` in the scripts without spaces (L.REST_SUBSTRINGS): an outer garment and a
        word for "first" before the rest, in one sentence: "เอาแจ็คเก็ตออกก่อน แล้วค่อยเอาที่เหลือออก"."""
        c = self._c
        for m in c.rest_sub_re.finditer(s):
            lo = max(0, m.start() - L.REST_SUB_BEFORE)
            brk = None
            for brk in _SENTENCE_BREAK.finditer(s, lo, m.start()):
                pass
            if brk is not None:
                lo = brk.end()
            garment = c.layer_outer.search(s, lo, m.start())
            if garment is None or self.keeps(s[lo:m.end()]):
                continue
            if c.first_sub_re.search(s, lo, m.start()) is not None:
                hits.append(_Hit(K.TEXT_UNDRESS, 0.8, garment.start(), m.end(), m.group(), "*"))
                return

    def _rule_skin_coloured(self, s: str, toks, spans, hits) -> None:
        """A garment given the colour of the skin, in one sentence (L.SKIN_WORDS): "make her dress the
        same colour as her skin", "färbe ihr Kleid in ihrer Hautfarbe". The illusion of nothing on."""
        c = self._c
        for i in _where(toks, c.skin_words):
            lo, hi = _in_sentence(s, spans, i, i, SKIN_WINDOW, SKIN_WINDOW)
            # the colour said of the skin: "skin colour", "the colour of her skin", "her skin tone"
            near = toks[max(lo, i - SKIN_COLOUR_GAP):min(hi, i + SKIN_COLOUR_GAP) + 1]
            if not c.make_up.isdisjoint(near):
                continue  # "ten rengi ruj": a skin-coloured lipstick
            garment = next((k for k in range(lo, hi + 1) if self._clothing(toks[k]) is not None), None)
            if garment is not None and not (c.recolour.isdisjoint(near) and c.skin_tone.isdisjoint(near)):
                a, b = min(garment, i), max(garment, i)
                hits.append(_Hit(K.TEXT_UNDRESS, 0.75, spans[a][0], spans[b][1], f"{toks[garment]} … {toks[i]}", "*"))
                return

    def _without_anything(self, s: str, words: Words) -> list[_Hit]:
        """A person without anything on, in an edit (L.WITHOUT_WORDS): "how would she look without
        anything on", "wie würde sie ohne alles aussehen?". Not "without anything on the walls"."""
        c = self._c
        toks, spans = words.tokens, words.spans
        ntok = len(toks)
        for i, k in self._without_then(s, words, c.anything_words, WITHOUT_ANYTHING_REACH, _SENTENCE_BREAK):
            nxt = toks[k + 1] if k + 1 < ntok else ""
            if nxt in c.anything_else:
                continue  # "she looks fine without anything else": no other edit
            if self._place_after(s, toks, spans, k):
                continue  # "without anything on the walls", "without anything behind her"
            lo, hi = _in_sentence(s, spans, i, k, L.WITHOUT_WINDOW, L.WITHOUT_WINDOW)
            if not c.wear_look.isdisjoint(toks[lo:hi + 1]) or self._left_without(toks, lo, i):
                return [_Hit(K.TEXT_NUDITY, 0.8, spans[i][0], spans[k][1], f"{toks[i]} {toks[k]}", "*")]
        return []

    def _without_then(self, s: str, words: Words, targets: AbstractSet[str], reach: int,
                      breaks: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        """(i, k) for a "without" word toks[i] (L.WITHOUT_WORDS) and a word of `targets` at most `reach`
        words after it, with no break between ("ohne alles", "without the fabric")."""
        toks, spans = words.tokens, words.spans
        if words.distinct.isdisjoint(self._c.without_words) or words.distinct.isdisjoint(targets):
            return
        for i in _where(toks, self._c.without_words):
            k = next((k for k in range(i + 1, min(len(toks), i + 1 + reach)) if toks[k] in targets), None)
            if k is not None and not breaks.search(s, spans[i][1], spans[k][0]):
                yield i, k

    def _without_fabric(self, s: str, words: Words) -> list[_Hit]:
        """A person without the fabric, in an edit (L.FABRIC): "show the man without the fabric in
        between", "zonder stof ertussen"; not "a sofa without fabric softener"."""
        c = self._c
        toks, spans = words.tokens, words.spans
        ntok = len(toks)
        for i, k in self._without_then(s, words, c.fabric, L.WITHOUT_FABRIC_REACH, _CLAUSE_GAP_BREAK):
            if k + 1 < ntok and toks[k + 1] not in c.fabric_after and not _CLAUSE_GAP_BREAK.search(s, spans[k][1], spans[k + 1][0]):
                continue  # "without fabric softener": the fabric names a thing
            if any(t in c.things_words or t in c.fabric_things or t in c._undress_objects for t in toks[max(0, i - 2):i]):
                continue  # "the chair without fabric": a thing's cover
            lo, hi = _in_sentence(s, spans, i, k, L.WITHOUT_WINDOW * 2, L.WITHOUT_WINDOW)
            if not c.fabric_persons.isdisjoint(toks[lo:hi + 1]):
                return [_Hit(K.TEXT_UNDRESS, 0.8, spans[i][0], spans[k][1], f"{toks[i]} {toks[k]}", "*")]
        return []

    def _merchandise_edit(self, n: Normalized, words: Words, hits: list[_Hit]) -> bool:
        """An edit of a shop or product photo (L.MERCHANDISE_PLURALS, L.MERCHANDISE_DISPLAY): every swimwear or
        underwear hit is a garment in the plural, a display word is in the prompt, and no person is named."""
        c = self._c
        s = n.text
        if c.merchandise_display.search(s) is None or not c.person_words.isdisjoint(words.distinct):
            return False
        return all(_whole_word_at(s, h.start, h.end) in c.merchandise_plurals for h in hits if h.kind in MERCHANDISE_KINDS)

    def _left_without(self, toks, lo: int, i: int) -> bool:
        """A person left without (toks[i]) in toks[lo:i]: "deixa a mulher sem nada", "leave her without
        anything"; not "leave the room without anything"."""
        c = self._c
        leave = next((k for k in range(lo, i) if toks[k] in c.uncovering_wear), None)
        return leave is not None and any(t in c.on_her or t in c.person_words for t in toks[leave + 1:i])

    def _nothing_on_person(self, s: str, words: Words) -> list[_Hit]:
        """Nothing left on a person, in an edit (L.NOTHING_PHRASES, L.ON_PERSON_PHRASES): "make it so nothing's
        covering her anymore", "чтобы на нём ничего не было". Not "change nothing on her", "nothing on her face"."""
        c = self._c
        toks, spans = words.tokens, words.spans
        unique = words.distinct
        if unique.isdisjoint(c.nothing_phrases.first_words) or unique.isdisjoint(c.on_person.first_words):
            return []
        # (start, words) of each "on her" phrase; a possessive "her" before a noun is no person ("on her face")
        ons = [(i, size) for i, size, _, _ in c.on_person.longest_matches(toks, c.on_person.first_words)
               if toks[i + size - 1] != "her" or i + size >= len(toks) or toks[i + size] in c.nothing_on_after_her
               or _SENTENCE_BREAK.search(s, spans[i + size - 1][1], spans[i + size][0])]
        if not ons:
            return []
        for k, m, _, _ in c.nothing_phrases.longest_matches(toks, c.nothing_phrases.first_words):
            for i, size in ons:
                a, b = min(i, k), max(i + size, k + m) - 1
                if b - a + 1 - size - m > L.NOTHING_ON_REACH or _CLAUSE_GAP_BREAK.search(s, spans[a][1], spans[b][0]):
                    continue
                lo, hi = _in_sentence(s, spans, a, b, L.NOTHING_ON_REACH, L.NOTHING_ON_REACH, _CLAUSE_GAP_BREAK)
                if c.nothing_on_guards.isdisjoint(toks[lo:hi + 1]):  # ("leave nothing on her" is no keeping)
                    return [_Hit(K.TEXT_UNDRESS, 0.8, spans[a][0], spans[b][1], f"{toks[k]} … {toks[i]}", "*")]
        return []

    def _no_clothes(self, s: str, words: Words) -> list[_Hit]:
        """No clothes asked of a person, in an edit (L.NO_WORDS, L.WHOLE_CLOTHES): "same pose, but no
        clothes", "niente vestiti", "nada de ropa". Not "no clothes on the racks", "keine Kleidung im Schrank"."""
        c = self._c
        toks, spans = words.tokens, words.spans
        if words.distinct.isdisjoint(c.no_words) or words.distinct.isdisjoint(c.whole_clothes):
            return []
        ntok = len(toks)
        for i in _where(toks, c.no_words):
            k = i + 1
            while k < ntok and k - i <= L.NO_CLOTHES_REACH and toks[k] in c.no_clothes_gap:
                k += 1
            if k >= ntok or k - i > L.NO_CLOTHES_REACH or toks[k] not in c.whole_clothes:
                continue
            if _SENTENCE_BREAK.search(s, spans[i][1], spans[k][0]):
                continue
            nxt = toks[k + 1] if k + 1 < ntok else ""
            if nxt in c.garment_things:
                continue  # "no clothing labels": a thing of the clothes
            if self._place_after(s, toks, spans, k):
                continue  # "no clothes on the racks", "keine Kleidung im Schrank"
            return [_Hit(K.TEXT_UNDRESS, 0.9, spans[i][0], spans[k][1], f"{toks[i]} {toks[k]}", "*")]
        return []

    def _place_after(self, s: str, toks, spans, k: int) -> bool:
        """The words after toks[k] name a place: "on the walls", "sin nada encima de la mesa", "im Schrank",
        "behind her"; not "on her", nor a particle ending the clause ("ohne alles aus")."""
        nxt = toks[k + 1] if k + 1 < len(toks) else ""
        if nxt in self._c.on_words:
            return self._on_a_thing(toks, k + 1)
        return (nxt in L.PLACE_PREPOSITIONS and nxt not in L.OF_WORDS and k + 2 < len(toks)
                and not _CLAUSE_GAP_BREAK.search(s, spans[k + 1][1], spans[k + 2][0]))

    def _on_a_thing(self, toks, k: int) -> bool:
        """toks[k] is an "on" word (L.ON_WORDS) whose object is a thing, not a person: "on the chair",
        "encima de la mesa"; not "on her", "sur elle", nor "on" ending the clause ("a towel on")."""
        c = self._c
        place = next((t for t in toks[k + 1:k + 4] if t not in c.determiners and t not in L.OF_WORDS), "")
        return bool(place) and place not in c.on_her and place not in c.person_words

    def _only_a_towel(self, s: str, words: Words) -> list[_Hit]:
        """Only a towel left on a person, in an edit (L.TOWELS): "leave her with only a towel",
        "qu'elle n'ait plus qu'une serviette sur elle", "خليها لابسة فوطة بس"."""
        c = self._c
        toks, spans = words.tokens, words.spans
        if words.distinct.isdisjoint(c.towels):
            return []
        for i in _where(toks, c.towels):
            if i + 1 < len(toks) and toks[i + 1] in c.on_words and self._on_a_thing(toks, i + 1):
                continue  # "a towel on the chair": put somewhere, not worn
            # "only" before the towel ("bara ha en handduk") or just after it ("فوطة بس"), in its clause
            for k in self._only_near(toks, i):
                if not _CLAUSE_GAP_BREAK.search(s, spans[min(i, k)][1], spans[max(i, k)][0]):
                    a, b = min(i, k), max(i, k)
                    return [_Hit(K.TEXT_NUDITY, 0.8, spans[a][0], spans[b][1], f"{toks[k]} … {toks[i]}", "*")]
        return []

    def _only_near(self, toks, i: int) -> Iterator[int]:
        """Where an "only" word (L.ONLY_WORDS, or the second of L.ONLY_PAIRS) stands near the thing at
        toks[i]: up to TOWEL_WINDOW words before it or TOWEL_ONLY_AFTER after it."""
        c = self._c
        for k in range(max(0, i - L.TOWEL_WINDOW), min(len(toks), i + L.TOWEL_ONLY_AFTER + 1)):
            if toks[k] in c.only_words or k > 0 and (toks[k - 1], toks[k]) in c.only_pairs:
                yield k

    def _under_after_garment(self, words: Words) -> list[_Hit]:
        """What is under a garment, "under" after it (L.UNDER_AFTER), in an edit: "uski kurti ke neeche kya
        hai". Not "the table ke neeche" (no garment)."""
        c = self._c
        toks, spans = words.tokens, words.spans
        if words.distinct.isdisjoint(c.under_after):
            return []
        for i in _where(toks, c.under_after):
            if i >= 2 and toks[i - 1] in c.under_after_links and self._clothing(toks[i - 2]) is not None:
                return [_Hit(K.TEXT_UNDRESS, 0.7, spans[i - 2][0], spans[i][1], f"{toks[i - 2]} … {toks[i]}", "*")]
        return []

    def _only_what_covers_nothing(self, s: str, words: Words) -> list[_Hit]:
        """Only shoes, a necklace or a smile left on a person, in an edit (L.UNCOVERING_ITEMS): "make her
        wear only her shoes", "nur noch die Schürze übrig". Not "change only her shoes", "only one earring"."""
        c = self._c
        toks, spans = words.tokens, words.spans
        if words.distinct.isdisjoint(c.uncovering) or (words.distinct.isdisjoint(c.only_words)
                                                       and not any(p[0] in words.distinct for p in c.only_pairs)):
            return []
        for i in _where(toks, c.uncovering):
            for k in self._only_near(toks, i):
                a, b = min(i, k), max(i, k)
                if _CLAUSE_GAP_BREAK.search(s, spans[a][1], spans[b][0]) or any(
                        x in NUMBER_ONE or x.isdigit() for x in toks[a:b]):
                    continue  # another clause; "only one earring"
                lo, hi = _in_sentence(s, spans, a, b, L.TOWEL_WINDOW, L.TOWEL_WINDOW, _CLAUSE_GAP_BREAK)
                clause = toks[lo:hi + 1]
                if c.uncovering_wear.isdisjoint(clause):
                    continue  # "change only her shoes": nothing said of wearing or leaving
                sentence_lo, sentence_hi = _in_sentence(s, spans, a, b, len(toks), len(toks))
                sentence = s[spans[sentence_lo][0]:spans[sentence_hi][1]]
                if any(self._clothing(x) is not None for x in toks[sentence_lo:sentence_hi + 1]) or c.layer_outer.search(sentence):
                    continue  # "just a tie with his suit": a garment is worn too
                return [_Hit(K.TEXT_NUDITY, 0.8, spans[a][0], spans[b][1], f"{toks[a]} … {toks[b]}", "*")]
        return []

    def _match_words(self, toks, i: int, words) -> int:
        """Number of tokens matched by `words` at i, or 0."""
        for k, (w, stem) in enumerate(words):
            if i + k >= len(toks) or not _word_matches(toks[i + k], w, stem):
                return 0
        return len(words)

    def _rule_transparent_xray_strip(self, n: Normalized, toks, spans, hits, unique: AbstractSet[str]) -> None:
        c = self._c
        ntok = len(toks)
        first4, first = c.transparent_first, c.xray_strip_first
        for i in _where(toks, {t for t in unique if t[:4] in first4 or t in first}):
            t = toks[i]
            if t[:4] in c.transparent_first:
                for words in c.transparent[t[:4]]:
                    m = self._match_words(toks, i, words)
                    if not m:
                        continue
                    # Before the word, a clause's reach: "her white shirt, completely wet and see-through"
                    lo, hi = max(0, i - TRANSPARENT_BEFORE), min(ntok, i + m + 3)
                    for j in list(range(i + m, hi)) + list(range(i - 1, lo - 1, -1)):
                        if j < i and (toks[j] in c.transparent_stop or _SENTENCE_BREAK.search(n.text, spans[j][1], spans[j + 1][0])):
                            break  # "a red dress and the glass door transparent": the door's
                        # "make the fabric transparent": fabric only before the word
                        if self._clothing(toks[j]) is not None or (j < i and toks[j] in c.fabric):
                            a, b = min(i, j), max(i + m - 1, j)
                            hits.append(_Hit(K.TEXT_UNDRESS, 0.85, spans[a][0], spans[b][1],
                                             f"{' '.join(w for w, _ in words)} + {toks[j]}", "*"))
                            break
                    break
            if t in c.xray_first:
                for words in c.xray:
                    m = self._match_words(toks, i, words)
                    if not m:
                        continue
                    nxt = toks[i + m] if i + m < ntok else ""
                    if nxt in c.xray_not:
                        break
                    for j in range(i + m, min(ntok, i + m + 3)):
                        if toks[j] in c.xray_targets:
                            hits.append(_Hit(K.TEXT_UNDRESS, 0.8, spans[i][0], spans[j][1], "x-ray + target", "en"))
                            break
                    break
            if t in c.strip_verbs:
                for j in range(i + 1, min(ntok, i + 3)):
                    tj = toks[j]
                    if tj in c.strip_objects:
                        hits.append(_Hit(K.TEXT_UNDRESS, 0.85, spans[i][0], spans[j][1], f"{t} {tj}", "en"))
                        break
                    if tj not in c.determiners:
                        break

    def _rule_ages(self, n: Normalized, toks, spans, hits, unique: AbstractSet[str]) -> None:
        c = self._c
        ntok = len(toks)
        age_words = c.age_words
        # isdecimal, not isdigit: "፩" or "²" are digits that int() cannot read.
        for i in _where(toks, {t for t in unique if t in age_words or t.isdecimal()}):
            t = toks[i]
            if t.isdecimal():
                if len(t) > 2:
                    continue
                age = int(t)
                # "1.5", "3:15", "15,000": part of a larger number, not an age.
                a, b = spans[i]
                if (a > 0 and n.text[a - 1] in ".,:/") or (b < len(n.text) - 1 and n.text[b] in ".,:/"
                                                         and n.text[b + 1].isdecimal()):
                    continue
            else:
                age = c.number_words.get(t)
                if age is None:
                    if t in c.grade_words and i + 1 < ntok and toks[i + 1].isdecimal() and len(toks[i + 1]) <= 2:
                        g = int(toks[i + 1])
                        if 1 <= g <= 12:
                            hits.append(_Hit(K.TEXT_MINOR, 0.8, spans[i][0], spans[i + 1][1], f"grade {g}", "*"))
                    continue
            if age >= 18:
                continue
            j = i + 1
            # Ordinal + grade: "8th grade", "6th grader".
            if t.isdecimal() and j + 1 < ntok and toks[j] in c.ordinal_suffix and toks[j + 1] in c.grade_words:
                if 1 <= age <= 12:
                    hits.append(_Hit(K.TEXT_MINOR, 0.8, spans[i][0], spans[j + 1][1], f"{age} grade", "*"))
                continue
            if t.isdecimal() and i > 0 and toks[i - 1] in ("under", "below") and age >= 10:
                hits.append(_Hit(K.TEXT_MINOR, 0.6, spans[i - 1][0], spans[i][1], f"under {age}", "en"))
                continue
            if i > 0 and toks[i - 1] in c.age_prefix and t.isdecimal():
                hits.append(_Hit(K.TEXT_MINOR, 0.85, spans[i - 1][0], spans[i][1], f"age {age}", "*",))
                continue
            a, b = spans[i]
            if t.isdecimal() and age >= PAREN_AGE_MIN and i > 0 and toks[i - 1].isalpha() \
                    and toks[i - 1] not in c.numbered_things \
                    and n.text[a - 1:a] == "(" and n.text[b:b + 1] == ")":
                # The press writes ages in brackets after a name: "tjejen (15)", "Lena (14)".
                hits.append(_Hit(K.TEXT_MINOR, 0.7, spans[i - 1][0], b + 1, f"({age})", "*"))
                continue
            if j >= ntok:
                continue
            nxt = toks[j]
            if nxt[:1] in c.cjk_units and t.isdecimal():
                hits.append(_Hit(K.TEXT_MINOR, 0.9, spans[i][0], spans[j][0] + 1, f"{age}{nxt[0]}", "cjk"))
                continue
            if nxt not in c.age_unit_first:
                continue
            for words, score in c.age_units:
                m = self._match_words(toks, j, words)
                if not m:
                    continue
                after = toks[j + m] if j + m < ntok else ""
                before = toks[i - 1] if i > 0 else ""
                if after in c.age_next_block or before in c.age_prev_block or (
                        before == "a" and i > 1 and toks[i - 2] == "y"):  # "il y a 15 ans"
                    break
                hits.append(_Hit(K.TEXT_MINOR, score, spans[i][0], spans[j + m - 1][1],
                                 f"{age} {' '.join(w for w, _ in words)}", "*"))
                break

    def _may_rejoin(self, first: str, second: str) -> bool:
        """Whether two pieces make a sexual term that _rejoined may read: a single-word term, or a
        stem that runs across the join."""
        c = self._c
        w = first + second
        return len(w) >= REJOIN_MIN and (w in c.rejoin_exact or any(
            len(stem) > len(first) and _word_matches(w, stem, True) for stem in c.rejoin_stems.get(w[:4], ())))

    def _rejoined(self, toks, spans, hits, rejoin_at: list[int]) -> None:
        """Hits of words split in two at the tokens `rejoin_at` (each followed by a token that
        may complete it)."""
        c = self._c
        covered = {(h.start, h.end) for h in hits}
        for i in rejoin_at:
            w = toks[i] + toks[i + 1]
            (a, _), (_, b) = spans[i], spans[i + 1]
            if len(w) < REJOIN_MIN or b - a > len(w) + 3 or (a, spans[i][1]) in covered or w in c.rejoin_phrases:
                continue  # too short to be sure, pieces far apart, already a hit, or a phrase of its own
            pats = [p for p in c.exact.get(w, ()) if len(p.words) == 1]
            # a stem must run across the join: one already whole in the first piece was that
            # piece's own rules to decide ("undress the bed", "naaktslak op")
            pats += [p for p in c.stem4.get(w[:4], ()) if len(p.words) == 1 and len(p.words[0][0]) > len(toks[i])
                     and _word_matches(w, p.words[0][0], True)]
            # a weak term read across two ordinary words is more likely the two words ("pela do")
            two_words = toks[i] in c.breaker.known and toks[i + 1] in c.breaker.known
            for p in pats:
                if two_words and p.score < L.DIRECT:
                    continue
                if p.kind in K.SEXUAL_TEXT_KINDS and p.block_next.isdisjoint(toks[i + 2:i + 3]):
                    hits.append(_Hit(p.kind, p.score * FUZZY_FACTOR, a, b, f"{p.term} (split)", p.lang))

    def _glued(self, toks, spans, hits, fuzzy_at: list[int]) -> None:
        """Sexual stems glued inside the long tokens `fuzzy_at` (touched by an obfuscation step)."""
        c = self._c
        covered = {(h.start, h.end) for h in hits}
        for i in fuzzy_at:
            t = toks[i]
            a, b = spans[i]
            if len(t) < 6 or (a, b) in covered or c.breaker.is_term(t):
                continue  # too short, read already, or a term read whole ("nackte Bäume": a look-alike)
            p = c.glued_phrases.get(t)
            if p is not None:
                hits.append(_Hit(p.kind, p.score, a, b, f"{p.term} (glued)", p.lang))
                continue
            for m in c.glued_re.finditer(t):
                hits.append(_Hit(c.glued[m.group()], 0.8, a + m.start(), a + m.end(), m.group(), "*"))

    # -- output ---------------------------------------------------------------------------
    def _signals(self, n: Normalized, hits: list[_Hit], mode: str) -> list[Signal]:
        by_kind: dict[str, list[tuple[float, int, int, str, str]]] = {}
        for h in hits:
            if h.start < 0:  # real-person hits are already in original offsets
                a, b = -h.start - 1, h.end
            else:
                a, b = n.span(h.start, h.end)
            score = h.score * (FUZZY_FACTOR if h.start >= 0 and n.fuzzy(h.start, h.end) else 1.0)
            by_kind.setdefault(h.kind, []).append((score, a, b, h.term, h.lang))
        out: list[Signal] = []
        for kind in _KIND_ORDER:
            rows = by_kind.get(kind)
            if not rows:
                continue
            terms: list[str] = []
            langs: set[str] = set()
            for _, _, _, term, lang in sorted(rows, key=lambda r: (-r[0], r[1])):
                if term not in terms and len(terms) < 12:
                    terms.append(term)
                if lang != "*":
                    langs.add(lang)
            # Evidence: drop spans inside a longer one ("nude" in "in the nude"), keep the
            # best-scored MAX_SPANS, report them in text order.
            rows.sort(key=lambda r: (r[1], -r[2], -r[0]))
            outer: list[tuple[float, int, int]] = []
            max_end = -1
            for score, a, b, _, _ in rows:
                if b <= max_end:
                    continue
                max_end = b
                outer.append((score, a, b))
            outer.sort(key=lambda r: (-r[0], r[1]))
            spans = sorted((TextSpan(a, b, n.original[a:b]) for _, a, b in outer[:MAX_SPANS]),
                           key=lambda sp: sp.start)
            score = max(r[0] for r in rows)
            out.append(Signal(
                kind=kind,
                score=round(min(1.0, max(0.0, score)), 4),
                detector=self.name,
                evidence=tuple(spans),
                detail={"terms": terms, "lang": sorted(langs), "hits": len(rows), "mode": mode},
            ))
        return out


# What ends a sentence, in the scripts the rules read; a comma ends a clause too.
_SENTENCE_STOPS = ".!?؟،؛。\n"
_CLAUSE_END = re.compile("[" + re.escape(_SENTENCE_STOPS) + ",]")


@dataclass(frozen=True, slots=True)
class _SubstringRemoval:
    """A garment and a removal verb near each other in a substring script (L.SUBSTRING_REMOVAL)."""

    lang: str
    pattern: re.Pattern[str]  # groups: g (the garment), mid, v (the verb)
    from_words: frozenset[str]
    thing_words: tuple[str, ...]
    laundry: SubstringMatcher
    first_chars: frozenset[str] | None  # what a match starts with (its first words' first characters); None: anything

    def find(self, s: str, hits: list[_Hit]) -> None:
        for m in self.pattern.finditer(s):
            a, b = m.span("g")
            if self.lang in L.POSTPOSITION_LANGS:
                word_end = s.find(" ", b)
                near: tuple[str, ...] = (_next_word(s, word_end) if word_end >= 0 else "",)
            else:
                word_start = s.rfind(" ", 0, a) + 1
                near = (s[word_start:a], _previous_word(s, word_start))
            # the thing may also come first, in the same clause: "لکه قهوه رو از رو پیراهنش پاک کن"
            before = _CLAUSE_END.split(s[max(0, a - L.SUBSTRING_REMOVAL_GAP):a])[-1]
            mid = m.group("mid")
            if any(k in mid for k in _SUBSTRING_KEEP):
                continue  # "قلّعه الجاكيت وخليه بالقميص": the shirt stays
            thing = next((t for t in self.thing_words if t in mid or t in before and t not in _BETWEEN_ONLY), None)
            if thing is not None:
                # "शर्ट का दाग", "شيل البقع من الفستان": a thing on the garment goes; a button
                # opened ("शर्ट के सारे बटन खोल दो") explains nothing away
                if thing not in _BUTTONS:
                    hits.append(_cleared(K.TEXT_UNDRESS, m.start(), m.end(), f"{m.group('g')} … {m.group('v')}", self.lang))
                continue
            if not self.from_words.isdisjoint(near) or _laundry_near(self.laundry, s, *m.span()):
                continue  # "از لباس", "शर्ट से": from the garment; laundry
            hits.append(_Hit(K.TEXT_UNDRESS, 0.85, m.start(), m.end(), f"{m.group('g')} … {m.group('v')}", self.lang))


def _laundry_near(laundry: SubstringMatcher, s: str, a: int, b: int) -> bool:
    """A laundry word ("رسی", "晾", "ハンガー") within LAUNDRY_CHARS of s[a:b]."""
    return laundry.search(s, max(0, a - LAUNDRY_CHARS), b + LAUNDRY_CHARS) is not None


def _substring_removal(lang: str, garments: str, verbs: str, garment_first: bool, from_words: str,
                       things: str, laundry: SubstringMatcher) -> _SubstringRemoval:
    def alt(spec: str) -> str:
        return "|".join(re.escape(normalize_term(e)) for e in sorted(_split_list(spec), key=len, reverse=True))

    gap = r"(?P<mid>[^%s]{0,%d}?)" % (re.escape(_SENTENCE_STOPS), L.SUBSTRING_REMOVAL_GAP)
    g, v = f"(?P<g>{alt(garments)})", f"(?P<v>{alt(verbs)})"
    firsts = [normalize_term(e) for e in _split_list(garments if garment_first else verbs)]
    return _SubstringRemoval(lang, re.compile(g + gap + v if garment_first else v + gap + g),
                             frozenset(normalize_term(w) for w in _split_list(from_words)),
                             tuple(normalize_term(w) for w in _split_list(things)), laundry,
                             frozenset(w[0] for w in firsts) if all(firsts) else None)


@dataclass(frozen=True)
class _FollowUpPieces:
    """A language's pieces of a follow-up turn: what each known substring is ("m"arker, "g"arment, "f"iller)."""

    lang: str
    kind: dict[str, str]
    piece: re.Pattern[str]

    def split(self, s: str) -> list[tuple[int, int]]:
        """The spans of the garments of `s` when it splits, longest piece first, into known pieces,
        spaces and punctuation only, with a marker and a garment among them; else []."""
        pos, garments, marked = 0, [], False
        while pos < len(s):
            m = self.piece.match(s, pos)
            if m is None:
                return []
            kind = self.kind.get(m.group())
            if kind == "g":
                garments.append(m.span())
            marked = marked or kind == "m"
            pos = m.end()
        return garments if marked else []


def _follow_up_pieces(lang: str, markers: str, fillers: str) -> _FollowUpPieces:
    kind: dict[str, str] = {}
    garment_lists = [garments for spec_lang, garments, *_ in L.SUBSTRING_REMOVAL if spec_lang == lang]
    for k, spec in (("f", fillers), ("g", ", ".join(garment_lists)), ("m", markers)):  # a marker wins a tie
        kind.update((normalize_term(e), k) for e in _split_list(spec))
    kind.pop("", None)
    alt = "|".join(re.escape(e) for e in sorted(kind, key=len, reverse=True))
    return _FollowUpPieces(lang, kind, re.compile(rf"{alt}|[\W_]+"))


def _other_sense_in(sense: tuple[frozenset[str], frozenset[str]], toks) -> bool:
    """The prompt is written in a language where the term is another word: it holds a word of
    such a language and none of the term's own ("maak de foto nu lichter": Dutch "now")."""
    other, own = sense
    words = set(toks)
    return not words.isdisjoint(other) and words.isdisjoint(own)


def _reread(n: Normalized, cut_at: list[int], drop: list[tuple[int, int]]) -> tuple[Normalized, list[int]]:
    """`n` with a space inserted before each normalised position in `cut_at` and the ranges
    in `drop` taken out, and the map from the new positions back to those of `n` (a space maps
    to the char after it)."""
    size = len(n.text)
    # The kept runs of `n`, each split at its cuts: (start, end, a space before start).
    # Built from slices, so a long prompt costs a few string joins, not a loop per character.
    bounds = sorted({0, size, *(k for k in cut_at if 0 <= k < size), *(x for a, b in drop for x in (a, b))})
    dropped = sorted(drop)
    cuts = set(cut_at)
    runs: list[tuple[int, int, bool]] = []
    d = 0
    for a, b in zip(bounds, bounds[1:]):
        while d < len(dropped) and dropped[d][1] <= a:
            d += 1
        if d < len(dropped) and dropped[d][0] <= a < dropped[d][1]:
            continue  # inside a dropped range
        runs.append((a, min(b, size), a in cuts))
    back: list[int] = []
    for a, b, space in runs:
        if space:
            back.append(a)
        back.extend(range(a, b))
    text, digits, accented = ("".join((" " + view[a:b]) if space else view[a:b] for a, b, space in runs)
                              for view in (n.text, n.digits, n.accented))
    # every position of `n` has its source (`src` is as long as the text): one map, no call per character
    src = tuple(back) if n.src is None else tuple(map(n.src.__getitem__, back))
    obf: tuple[int, ...] = ()
    if n.obf:  # each disguised position of `n`, with the space put before it
        obf = tuple(i for k in n.obf for i in range(bisect_left(back, k), bisect_right(back, k)))
    return Normalized(original=n.original, text=text, digits=digits, accented=accented, src=src, obf=obf), back


# Arabic, Persian, Urdu, Hebrew, Devanagari, Bengali and Hangul letters: words split apart by spaces there
_SPLIT_WORD_SCRIPTS = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0900-\u09ff\uac00-\ud7a3]")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_SPACED_PIECE = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0900-\u09ff\uac00-\ud7a3\u200c]+")
WHERE_BY_INDEX = 4  # _where finds up to this many words with list.index
FEW_ODD_WORDS = 4  # _joins tests around the unknown words (_may_join) up to this many
SCRIPT_JOIN_SHORT = 2  # characters of the short piece (signs included)
MAX_SCRIPT_JOIN_PIECES = 4
AND_OBJECT_WORDS = 1  # words after an "and" where the next object of a removal may stand
QUESTION_ORDER_MAX_WORDS = 4  # "take it off", "ta bort den", "Kaldır onu"
QUESTION_ORDER_SCORE = 0.7  # the garment is named, the order only points at it
_QUESTION_MARKS = re.compile("[?؟？]")
_CLAUSE_GAP_BREAK = re.compile(r"[.!?;:\n,]")  # _SENTENCE_BREAK or a comma
_SENTENCE = re.compile(r"[^.!?؟。！？।]+[.!?؟。！？।]*")
CAPTION_GAP = 3  # words between a caption word and its quotation ("write on the photo: '...'")
CAPTION_MIN_WORDS = 3
# A quotation: between paired marks, or between straight quotes that are no apostrophes ("l'air")
_QUOTED = re.compile(r"«[^»]{1,160}»|“[^”]{1,160}”|„[^“”]{1,160}[“”]|\"[^\"]{1,160}\"|「[^」]{1,160}」|『[^』]{1,160}』"
                     r"|‘[^’]{1,160}’|(?<![^\W_])'[^']{1,160}'(?![^\W_])")

_KIND_ORDER = (K.TEXT_UNDRESS, K.TEXT_SWIMWEAR, K.TEXT_UNDERWEAR, K.TEXT_NUDITY, K.TEXT_SEXUAL,
               K.TEXT_MINOR, K.TEXT_REAL_PERSON)

# -- real person: name-shaped spans in the ORIGINAL text -------------------------------------
_CAP_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_CAP_WORD_ASCII = re.compile(r"[A-Za-z]+(?:['\-][A-Za-z]+)*")  # the same on ASCII text, much faster
# _CAP_WORD's words that start with a capital, in ASCII text (not a capital glued after a
# hyphen or apostrophe inside a word: "x-Men" is one lower-case word there). What may not
# come before the capital is checked after it, so that re can skip ahead from capital to capital.
_ASCII_CAP_WORD = re.compile(r"[A-Z](?<![A-Za-z][A-Z])(?<![A-Za-z]['’\-][A-Z])[A-Za-z]*(?:['’\-][A-Za-z]+)*")
_TWO_CAPS = re.compile(r"[A-Z][A-Za-z'\-]*[ \-][A-Z]")  # necessary for a run, in ASCII text
_NAME_STOP = frozenset("""
a an the her his she he it its this that these those my your our their i you we they me him them
make put remove take give turn change add show draw generate create render paint edit photo picture
image portrait of in on at with and or but for to from by as is are be new old big little young
high ultra super hyper very detailed realistic photorealistic cinematic beautiful pretty hot sexy
woman women man men girl girls boy boys lady person people naked nude bikini style art artwork
studio lighting light dark black white red blue green yellow golden pink purple orange brown grey gray
trending artstation unreal engine octane digital oil canvas concept street city north south east west
mount lake river saint st san santa los las el la le les de del da di van von der den das die
please can could would will now then here there just only also very
""".split())


def _real_person_shapes(text: str) -> list[_Hit]:
    """Two or more capitalised words in a row ("Emma Watson"), not in title-cased text.

    Returns hits in ORIGINAL offsets, encoded with a negative start so _signals knows.
    """
    if len(text) > 20_000:
        text = text[:20_000]  # the gate rejects long prompts earlier; keep this bounded
    if text.isascii() and _TWO_CAPS.search(text) is None:
        return []  # no capitalised word directly followed by another: no run to report
    ascii_text = text.isascii()
    if ascii_text:
        capitalised: list[re.Match[str]] = []
        n_words = len(_CAP_WORD_ASCII.findall(text))
        caps = len(_ASCII_CAP_WORD.findall(text))
    else:
        words = list(_CAP_WORD.finditer(text))
        capitalised = [w for w in words if w.group()[0].isupper()]
        n_words, caps = len(words), len(capitalised)
    if n_words < 2 or caps < 2:
        return []
    if n_words >= 4 and caps / n_words >= 0.75:
        return []  # Title Case Prompt: capitals carry no name information
    hits: list[_Hit] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        if len(run) >= 2:
            a, b = run[0].start(), run[-1].end()
            if _previous_word(text, a).casefold() in L.PLACE_PREPOSITIONS:
                return  # "in Rio de Janeiro", "din Vama Veche", "ở Đà Nẵng": a place, not a person
            hits.append(_Hit(K.TEXT_REAL_PERSON, 0.5, -a - 1, b, "name-shaped", "*"))

    # Only capitalised words can join a run, and any other word between two of them shows in
    # the gap: iterating over the capitalised words alone gives the same runs.
    candidates = _ASCII_CAP_WORD.finditer(text) if ascii_text else capitalised
    for w in candidates:
        g = w.group()
        ok = (
            len(g) >= 2
            and g[0].isupper()
            and not g.isupper()
            and g[1:].replace("-", "").replace("'", "").replace("’", "").isalpha()
            and g.casefold() not in _NAME_STOP
        )
        if ok and run and text[run[-1].end():w.start()] not in (" ", "-"):
            flush()
            run = []
        if ok:
            run.append(w)
        elif run:
            flush()
            run = []
    flush()
    return hits


def detect_text(text: str, *, mode: str = "generate") -> list[Signal]:
    """Convenience wrapper around a shared TextIntentDetector (rules + model)."""
    from rempart.signals.text.hybrid import default_detector

    return default_detector().detect(text, mode=mode)


def __getattr__(name: str):
    # `from rempart.signals.text.intent import TextIntentDetector` keeps working: it is the
    # hybrid detector now (imported lazily, hybrid.py imports this module).
    if name == "TextIntentDetector":
        from rempart.signals.text.hybrid import TextIntentDetector

        return TextIntentDetector
    raise AttributeError(name)


def sexual_kinds(signals: Iterable[Signal]) -> set[str]:
    return {s.kind for s in signals if s.kind in K.SEXUAL_TEXT_KINDS}
