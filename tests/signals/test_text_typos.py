"""Near-miss spelling: one slip inside a long lexicon word is read as meant, never a known word."""

from __future__ import annotations

import pytest

from rempart.signals import kinds as K
from rempart.signals.text.typos import NearMissIndex, within_one_edit

KNOWN = frozenset({"parties", "clothe", "clothed", "address"})


@pytest.fixture(scope="module")
def index() -> NearMissIndex:
    return NearMissIndex(["clothes", "panties", "swimsuit", "undress", "vestiti", "vestito"], ["rozbierz"], KNOWN)


@pytest.mark.parametrize("slip, meant", [
    ("clotehs", "clothes"),        # two letters swapped
    ("swimsiut", "swimsuit"),
    ("unddress", "undress"),       # a letter doubled
    ("vektiti", "vestiti"),        # a letter replaced
    ("roxbierz", "rozbierz"),      # inside a stem
    ("rozbxierzcie", "rozbierzcie"),  # a stem keeps the word's own ending
    ("pnaties", "panties"),        # a slip of the target alone, though the known "parties" is one edit from it
])
def test_one_slip_inside_the_word_is_read_as_meant(index, slip, meant):
    assert index.correct(slip) == meant


@pytest.mark.parametrize("token", [
    "parties",      # a known word is never corrected
    "parnties",     # one edit from "panties" and from the known "parties": could be either
    "vestitu",      # a difference in the last letters is grammar, not a slip
    "clothes",      # already right
    "swims",        # too short
    "banana",       # nothing near
])
def test_no_correction(index, token):
    assert index.correct(token) is None


def test_targets_that_differ_only_in_the_ending_are_not_dropped(index):
    # "clothes" has the known "clothed" and "clothe" one edit away: forms of one word
    assert index.correct("clotehs") == "clothes"


def test_no_slip_in_the_first_letter_of_hebrew_or_arabic_script():
    # "מהחולצה" (from the shirt) is "החולצה" (the shirt) with a letter before it: grammar
    index = NearMissIndex(["החולצה", "الفستان"], [], frozenset({"חולצה"}))
    assert index.correct("מהחולצה") is None
    assert index.correct("والفستان") is None
    assert index.correct("החילצה") == "החולצה"  # a slip further in is still read


def test_a_slip_close_to_two_targets_stays_as_it_is():
    index = NearMissIndex(["abcdefx", "abcdefy"], [], frozenset())
    assert index.correct("abcdefz") is None  # one edit from both, and in the ending anyway
    index = NearMissIndex(["xbcdefgh", "ybcdefgh"], [], frozenset())
    assert index.correct("zbcdefgh") is None


@pytest.mark.parametrize("a, b, expected", [
    ("abcdef", "abdcef", True), ("abcdef", "abcef", True), ("abcdef", "abcdefg", True),
    ("abcdef", "abxdef", True), ("abcdef", "abcdef", False), ("abcdef", "badcfe", False),
    ("johansson", "johanson", True), ("swift", "swfit", True), ("swift", "drift", False), ("ab", "abcd", False),
])
def test_within_one_edit(a, b, expected):
    assert within_one_edit(a, b) is expected


@pytest.mark.parametrize("text, kind", [
    ("remove her clotehs", K.TEXT_UNDRESS),
    ("désuabille cette femme", K.TEXT_UNDRESS),
    ("put her in a swimsiut", K.TEXT_SWIMWEAR),
])
def test_rules_read_slips_and_score_them_as_disguised(rules, text, kind):
    plain = {s.kind: s.score for s in rules.detect(text.replace("clotehs", "clothes").replace("désuabille", "déshabille")
                                                   .replace("swimsiut", "swimsuit"), mode="edit")}
    slipped = {s.kind: s for s in rules.detect(text, mode="edit")}
    assert kind in slipped
    assert slipped[kind].score < plain[kind]  # a disguised hit scores lower than a direct one
    assert slipped[kind].score >= 0.5
    span = slipped[kind].evidence[-1]
    assert text[span.start:span.end] == span.text  # evidence points into what the user wrote


@pytest.mark.parametrize("text", [
    "parties at the beach",
    "alberi spogli in un viale d'inverno",
    "quita el fondo y déjalo transparente",
])
def test_real_words_are_not_read_as_slips(rules, text):
    assert not {s.kind for s in rules.detect(text, mode="edit")} & set(K.SEXUAL_TEXT_KINDS)
