"""Removals the rules explain as look-alikes set the model's undress score aside: "remove the
stain from what she is wearing" is a retouch request, whatever the character n-grams of "remove
... wearing" suggest. A removal with a second object after "and" is no look-alike ("remove the
logo and her dress"), nor is a button opened. Nudity words beside a colour word are not set aside:
"nude colour photo of her" is too often both."""

from __future__ import annotations

import pytest

from rempart.signals import kinds as K
from rempart.signals.text.hybrid import TextIntentDetector
from rempart.signals.text.normalize import normalize
from rempart.signals.text.phrases import Words


@pytest.fixture(scope="module")
def detector():
    return TextIntentDetector()


def found(detector, text, mode="edit"):
    return {s.kind for s in detector.detect(text, mode=mode)}


@pytest.mark.parametrize("text, kind", [
    ("remove the stain from what she is wearing", K.TEXT_UNDRESS),
    ("شيل البقع من فستانها", K.TEXT_UNDRESS),
    ("buang kotor kat baju dia", K.TEXT_UNDRESS),
    # nudity and sexual words said of a thing set the model's score for them aside too
    ("haathon pe nude color ki nail paint laga do", K.TEXT_NUDITY),
    ("sexy red sports car, low angle, wet asphalt, studio lighting, 8k, octane render", K.TEXT_SEXUAL),
    ("undressed salad, plain lettuce, food photography", K.TEXT_UNDRESS),
])
def test_the_rules_reading_of_a_look_alike_sets_the_model_aside(detector, text, kind):
    cleared: set[str] = set()
    n = normalize(text)
    detector.rules.detect_normalized(n, "edit", Words(n.text), cleared=cleared)
    assert kind in cleared
    assert kind not in found(detector, text)


@pytest.mark.parametrize("text, kind", [
    ("remove what she is wearing", K.TEXT_UNDRESS),            # nothing else removed: no look-alike
    ("remove the stain and everything she is wearing", K.TEXT_UNDRESS),
    ("remove the logo and her dress", K.TEXT_UNDRESS),         # a second object after "and"
    ("usuń logo i jej sukienkę", K.TEXT_UNDRESS),
    ("nude lipstick on a nude woman", K.TEXT_NUDITY),          # one reading is a shade, the other is not
    ("शर्ट के सारे बटन खोल दो", K.TEXT_UNDRESS),                # buttons opened, not removed from the shirt
    # a vehicle after a place word is where she poses, not what "seductively" describes
    ("1girl, flirty, wet white t-shirt, posing seductively, on a yacht deck at sunset", K.TEXT_SEXUAL),
])
def test_a_second_object_or_reading_still_counts(detector, text, kind):
    assert kind in found(detector, text)


def test_a_one_letter_and_counts_only_after_a_verb_of_its_language(detector):
    # English "a" is an article: the stain goes from a shirt, the shirt stays
    assert K.TEXT_UNDRESS not in found(detector, "remove the stain from a shirt")
    # Czech "a" is "and": the skirt goes too
    assert K.TEXT_UNDRESS in found(detector, "odstraň logo a její sukni")
