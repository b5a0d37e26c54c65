"""NamedPersonDetector: names of real people in prompts, with exact spans, few false hits."""

from __future__ import annotations

import pytest

from rempart.signals import kinds as K
from rempart.signals.text.names import NamedPersonDetector, NameLists


@pytest.fixture(scope="module")
def det() -> NamedPersonDetector:
    return NamedPersonDetector()


def person(det: NamedPersonDetector, text: str, mode: str = "generate"):
    sigs = det.detect(text, mode=mode)
    assert all(s.kind == K.TEXT_REAL_PERSON and s.detector == "named_person" for s in sigs)
    return sigs[0] if sigs else None


def assert_spans_exact(text: str, sig) -> None:
    for ev in sig.evidence:
        assert 0 <= ev.start < ev.end <= len(text)
        assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize(
    "text, span_text",
    [
        ("taylor swift in a bikini", "taylor swift"),
        ("Taylor Swift on the beach", "Taylor Swift"),
        ("TAYLOR SWIFT", "TAYLOR SWIFT"),
        ("photo of t4yl0r sw1ft", "t4yl0r sw1ft"),  # leetspeak
        ("T a y l o r S w i f t", "T a y l o r S w i f t"),  # spaced letters
        ("tay\u200blor swift", "tay\u200blor swift"),  # zero-width space
        ("\u0422aylor Swift", "\u0422aylor Swift"),  # Cyrillic capital Te
        ("make #TaylorSwift dance", "TaylorSwift"),  # glued, hashtag
        ("taylor_swift", "taylor_swift"),
        ("Beyoncé at a party", "Beyoncé"),
        ("b3y0nc3", "b3y0nc3"),
        ("a picture of scarlett johanson", "scarlett johanson"),  # one-letter typo
        ("泰勒·斯威夫特穿比基尼", "泰勒·斯威夫特"),  # no spaces in Chinese
        ("фото владимира путина", "владимира путина"),  # Russian inflection
        ("Rita Hayworth lying on a bed", "Rita Hayworth"),  # a classic film star, surname in no name list
    ],
)
def test_public_figures_any_case_and_obfuscation(det, text, span_text):
    sig = person(det, text)
    assert sig is not None, text
    assert sig.score >= 0.8
    assert [e.text for e in sig.evidence] == [span_text]
    assert_spans_exact(text, sig)


def test_obfuscated_hit_is_marked(det):
    assert person(det, "t4yl0r sw1ft").detail["obfuscated"] is True
    assert person(det, "taylor swift").detail["obfuscated"] is False


@pytest.mark.parametrize(
    "text, span_text",
    [
        ("a photo of emily johnson at the office", "emily johnson"),
        ("Emily Johnson", "Emily Johnson"),
        ("EMILY JOHNSON", "EMILY JOHNSON"),
        ("put Michael J. Fox on stage", "Michael J. Fox"),
        ("Emily James Parker smiling", "Emily James Parker"),  # overlapping pairs merge
        ("my neighbour #EmilyJohnson", "EmilyJohnson"),
        ("портрет Анна Иванова", "Анна Иванова"),
    ],
)
def test_first_and_last_name_pairs(det, text, span_text):
    sig = person(det, text)
    assert sig is not None, text
    assert 0.55 <= sig.score <= 0.7
    assert [e.text for e in sig.evidence] == [span_text]
    assert_spans_exact(text, sig)


def test_common_word_name_needs_capitals(det):
    # "grace" and "mark" are common words: the pair counts only when written like a name.
    assert person(det, "a portrait of Rose Harper smiling") is not None
    assert person(det, "a portrait of rose harper smiling") is None
    # ...and not in a Title Case prompt, where capitals say nothing.
    assert person(det, "A Portrait Of Rose Harper In The Garden") is None


@pytest.mark.parametrize(
    "text",
    [
        "a woman in a summer dress on the beach",
        "rose garden",
        "Rose Garden",
        "will it rain tomorrow",
        "young king on a throne",
        "Young King",
        "grace under pressure",
        "Golden Gate bridge at sunset",
        "GoldenGate",
        "Hong Kong skyline at night",
        "a statue of Lara Croft",  # fictional character
        "Walk down Morgan Rd to the Charles River",  # places shaped like names
        "The Alamo at dusk",
        "playing ping pong",
        "A man riding a wave on top of a surfboard.",
        "",
        "   ",
    ],
)
def test_benign_look_alikes_stay_clean(det, text):
    assert person(det, text) is None


def test_artist_names_score_below_policy_threshold(det):
    sig = person(det, "oil painting by greg wilson and emily johnson")
    assert sig is not None and sig.score < 0.5
    assert sig.detail["sources"] == ["creator_pair"]
    # The depicted person still counts when a creator is also named.
    sig = person(det, "emily johnson, painting by greg wilson")
    assert sig.score >= 0.6
    # listed after a one-word author, with a comma or "and"
    for text in ("old man reading in bed, art by beeple, emily johnson", "art by beeple and emily johnson",
                 "by frank frazetta and emily johnson, oil painting"):
        sig = person(det, text)
        assert sig.score < 0.5 and sig.detail["sources"] == ["creator_pair"], text
    # a style named after its author
    for text in ("Emily Johnson style portrait of a cat", "a fashion photo, emily johnson inspired"):
        sig = person(det, text)
        assert sig.score < 0.5 and sig.detail["sources"] == ["creator_pair"], text
    # without an author word before the list, or without a list, the pair is a person again
    assert person(det, "beeple, emily johnson in a garden").score >= 0.6
    assert person(det, "a photo by the sea of emily johnson").score >= 0.6


def test_several_names_give_several_spans(det):
    text = "Emma Watson and Emily Johnson at a party"
    sig = person(det, text)
    assert [e.text for e in sig.evidence] == ["Emma Watson", "Emily Johnson"]
    assert sig.score == pytest.approx(0.9)
    assert_spans_exact(text, sig)


def test_accepts_mode_enum_and_rejects_unknown_mode(det):
    from rempart.request.model import Mode

    assert person(det, "taylor swift", mode=Mode("edit")) is not None
    with pytest.raises(ValueError):
        det.detect("taylor swift", mode="paint")


@pytest.mark.parametrize(
    "text",
    [
        "taylor swift " * 20_000,  # 260k chars: truncated, still a hit
        "\x00\x01\x02\x1f\x7f" * 1000,
        "\u200b\u200e\u202e" * 1000,
        "\ud800 lone surrogate taylor swift",
        "a" * 100_000,
        "Aa" * 50_000,
    ],
)
def test_bad_input_does_not_crash(det, text):
    sigs = det.detect(text, mode="generate")
    for s in sigs:
        assert_spans_exact(text, s)
        assert len(s.evidence) <= 8


def test_detect_normalized_matches_detect(det):
    from rempart.signals.text.normalize import normalize

    text = "t4yl0r sw1ft and Emily Johnson"
    assert det.detect_normalized(normalize(text)) == det.detect(text, mode="generate")


def test_lists_are_loaded_and_consistent():
    lists = NameLists()
    assert "taylor" in lists.first and "johnson" in lists.last
    assert "the" not in lists.first  # function words never count as names
    assert {"will", "rose", "king"} <= lists.common
    assert ("taylor", "swift") in lists.phrases["taylor"]


def kinds_and_spans(det: NamedPersonDetector, text: str) -> dict[str, list[str]]:
    return {s.kind: [e.text for e in s.evidence] for s in det.detect(text, mode="generate")}


@pytest.mark.parametrize("text, span_text", [
    ("a photo of Anna in a bikini", "Anna"),
    ("une photo de Léa en bikini", "Léa"),        # "de" means "of" here, not a place
    ("Ольга на пляже", "Ольга"),                    # Cyrillic has capitals too
    ("make a picture where Rose wears lingerie", "Rose"),  # a common word, inside a sentence
])
def test_lone_given_name_is_a_named_individual(det, text, span_text):
    found = kinds_and_spans(det, text)
    assert found.get(K.TEXT_NAMED_INDIVIDUAL) == [span_text]
    assert K.TEXT_REAL_PERSON not in found


@pytest.mark.parametrize("text", [
    "a photo of anna in a bikini",            # no capital: no name information
    "Rose in lingerie",                         # a common word at the start of a sentence
    "a girl from Sydney in a bikini",           # after a locative preposition: a place
    "Sydney beach at noon",                     # before a place word
    "Hong Kong skyline",                        # next to another capitalised word
    "A Portrait Of Anna In The Garden",         # Title Case: capitals say nothing
    "the city of London at night",              # a given name that is mostly a place
    "a yellow Porsche parked outside",          # a brand
    "a painting by Raphael",                    # the author, not the person shown
])
def test_no_named_individual_where_the_capital_says_something_else(det, text):
    assert K.TEXT_NAMED_INDIVIDUAL not in kinds_and_spans(det, text)


def test_a_given_name_inside_a_public_figure_is_not_reported_twice(det):
    found = kinds_and_spans(det, "Emma Watson in a bikini")
    assert found == {K.TEXT_REAL_PERSON: ["Emma Watson"]}


@pytest.mark.parametrize("text, span_text", [
    ("صورة لهيفاء وهبي", "لهيفاء وهبي"),           # Arabic "to/of" glued before the name
    ("תמונה של לטיילור סוויפט", "לטיילור סוויפט"),  # Hebrew preposition glued before the name
    ("фото Ольги Бузовой", "Ольги Бузовой"),         # both words declined
])
def test_native_script_names_with_clitics_and_case_endings(det, text, span_text):
    assert kinds_and_spans(det, text).get(K.TEXT_REAL_PERSON) == [span_text]


def test_clitic_letters_alone_do_not_make_a_name(det):
    assert kinds_and_spans(det, "صورة وهيفاء") == {}


def test_public_figure_lookup_finds_listed_names_only(det):
    # The suggestive person cue asks only for listed public figures, cheaply: a first name and
    # a surname that happen to be words of a long prompt are not enough.
    from rempart.signals.text.normalize import normalize
    for text, name in (("charlize theron, on bed", "charlize theron"), ("margot robie in a bathtub", "margot robie"),
                       ("will smith in a bathtub", "will smith"), ("#CharlizeTheron on bed", "CharlizeTheron")):
        span = det.public_figure(normalize(text))
        assert span is not None and span.text == name, text
    for text in ("emily johnson on the bed", "a green park with a stone bench near the sink, a cat on a hill"):
        assert det.public_figure(normalize(text)) is None, text
